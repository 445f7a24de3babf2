package supportbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import supportbot.dialogue.details.DetailType;

/** The chat page in headless Chromium (Debian's chromium and chromedriver) against the real server on 127.0.0.1. */
class WebChatBrowserTest {
    @TempDir
    Path dir;

    private LocalBot bot;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void start() throws Exception {
        browser = HeadlessChromium.start(dir);
        bot = new LocalBot(dir);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (bot != null) {
            bot.close();
        }
    }

    private List<WebElement> botMessages() {
        return browser.findElements(By.cssSelector("#messages .msg-bot"));
    }

    private void waitForBotMessages(int n) {
        wait.until(d -> botMessages().size() >= n);
    }

    @Test
    void aUserReportsAProblemByTypingAndPressingButtonsAndAReloadKeepsTheConversation() {
        browser.get(bot.url("/"));
        WebElement input = wait.until(d -> d.findElement(By.id("input")));
        input.sendKeys("the app crashes every time I open the asset page");
        browser.findElement(By.id("send")).click();
        waitForBotMessages(1);
        assertTrue(botMessages().get(0).getText().contains("App crashes or freezes"), botMessages().get(0).getText());

        WebElement iphone = botMessages().get(0).findElements(By.cssSelector(".msg-button")).stream()
                .filter(b -> b.getText().contains("iPhone")).findFirst().orElseThrow();
        iphone.click();
        waitForBotMessages(2);
        browser.findElement(By.id("input")).sendKeys("yesterday 3pm" + Keys.ENTER);
        waitForBotMessages(3);

        var conversation = bot.store.conversation(sessionKey()).orElseThrow();
        assertEquals("iPhone / iOS", conversation.details().get(DetailType.DEVICE).value());
        assertEquals("2026-11-24T15:00+08:00", conversation.details().get(DetailType.TIME).value());
        List<String> userTexts = browser.findElements(By.cssSelector("#messages .msg-user")).stream().map(WebElement::getText)
                .toList();
        assertTrue(userTexts.stream().anyMatch(t -> t.contains("iPhone / iOS")), "the pressed button shows as the user's reply: " + userTexts);

        browser.navigate().refresh();
        waitForBotMessages(3);
        assertEquals(3, browser.findElements(By.cssSelector("#messages .msg-user")).size(), "history comes back after a reload");
    }

    private String sessionKey() {
        Object id = browser.executeScript("return localStorage.getItem('support-bot.sessionId')");
        return "web:" + id;
    }
}
