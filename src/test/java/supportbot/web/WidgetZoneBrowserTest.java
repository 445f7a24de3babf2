package supportbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import supportbot.dialogue.details.DetailType;

/** The widget tells the bot the browser's zone when it opens a session, so "15:00" is the user's 15:00. */
class WidgetZoneBrowserTest {
    @TempDir
    Path dir;

    private LocalBot bot;
    private ChromeDriver browser;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (bot != null) {
            bot.close();
        }
    }

    @Test
    void aBrowserInBerlinGetsItsTimesReadInBerlin() throws Exception {
        browser = HeadlessChromium.start(dir, java.time.ZoneId.of("Europe/Berlin"));
        bot = new LocalBot(dir);
        var wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.get(bot.url("/"));
        assertEquals("Europe/Berlin", browser.executeScript("return Intl.DateTimeFormat().resolvedOptions().timeZone"));
        wait.until(d -> d.findElement(By.id("input"))).sendKeys("my USDT transfer failed yesterday at 15:00" + Keys.ENTER);
        wait.until(d -> !d.findElements(By.cssSelector("#messages .msg-bot")).isEmpty());
        String session = (String) browser.executeScript("return localStorage.getItem('support-bot.sessionId')");
        var conversation = bot.store.conversation("web:" + session).orElseThrow();
        assertEquals("Europe/Berlin", conversation.zone());
        String time = conversation.details().get(DetailType.TIME).value();
        assertTrue(time.endsWith("15:00+01:00"), time);
    }
}
