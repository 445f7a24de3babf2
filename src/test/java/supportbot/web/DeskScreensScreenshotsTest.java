package supportbot.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pictures of the screens issue 18 added, in docs/: the saved-replies screen, the one-language dashboard and
 * the widget's "an agent is typing", at desktop (1280×800) and phone (390×844) sizes, in English and Chinese.
 * Runs only with SCREENSHOTS_DIR set: {@code SCREENSHOTS_DIR=docs ./mvnw -o -q -Dtest=DeskScreensScreenshotsTest test}.
 */
class DeskScreensScreenshotsTest {
    private static final Dimension DESKTOP = new Dimension(1280, 800);
    private static final Dimension PHONE = new Dimension(390, 844);

    @TempDir
    Path dir;

    @Test
    void newScreensInBothLanguagesAndSizes() throws Exception {
        String target = System.getenv("SCREENSHOTS_DIR");
        Assumptions.assumeTrue(target != null, "set SCREENSHOTS_DIR to write the pictures");
        Path out = Files.createDirectories(Path.of(target));
        var http = HttpClient.newHttpClient();
        var json = new ObjectMapper();
        try (LocalBot bot = new LocalBot(dir)) {
            for (String lang : List.of("en", "zh")) {
                ChromeDriver browser = HeadlessChromium.start(dir.resolve(lang), "--lang=" + (lang.equals("zh") ? "zh-CN" : "en-US"));
                try {
                    var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
                    browser.manage().window().setSize(DESKTOP);

                    // The widget while the agent holding the ticket types.
                    browser.get(bot.url("/"));
                    browser.findElement(By.id("input")).sendKeys((lang.equals("zh") ? "转人工" : "talk to a human") + Keys.ENTER);
                    wait.until(d -> !d.findElements(By.cssSelector("#messages .msg-bot")).isEmpty());
                    String session = (String) browser.executeScript("return localStorage.getItem('support-bot.sessionId')");
                    long id = bot.store.tickets().stream().filter(t -> t.draft().conversationKey().equals("web:" + session))
                            .findFirst().orElseThrow().number();
                    send(http, bot, "/api/desk/tickets/" + id + "/claim", "");
                    send(http, bot, "/api/desk/tickets/" + id + "/typing", "{}");
                    WebElement typing = browser.findElement(By.id("typing"));
                    wait.until(d -> typing.isDisplayed() && typing.getAttribute("class").contains("agent"));
                    // Both within the hint's six seconds.
                    shoot(browser, out.resolve("widget-typing-" + lang + ".png"), false);
                    browser.manage().window().setSize(PHONE);
                    shoot(browser, out.resolve("widget-typing-" + lang + "-phone.png"), false);

                    // Sign in at the desk as a supervisor, in this language.
                    browser.manage().window().setSize(DESKTOP);
                    browser.get(bot.url("/desk/"));
                    browser.executeScript("localStorage.setItem('desk.lang', arguments[0])", lang);
                    browser.navigate().refresh();
                    wait.until(d -> d.findElement(By.id("token")).isDisplayed());
                    browser.findElement(By.id("token")).sendKeys(LocalBot.SUE);
                    browser.findElement(By.id("sign-in")).click();
                    wait.until(d -> d.findElement(By.id("whoami")).getText().contains("sue"));

                    browser.get(bot.url("/desk/dashboard.html"));
                    wait.until(d -> d.findElement(By.id("dashboard-view")).isDisplayed()
                            && !d.findElement(By.cssSelector("#tile-tickets .sub")).getText().isEmpty());
                    shoot(browser, out.resolve("dashboard-" + lang + ".png"), true);
                    browser.manage().window().setSize(PHONE);
                    shoot(browser, out.resolve("dashboard-" + lang + "-phone.png"), true);

                    browser.manage().window().setSize(DESKTOP);
                    browser.get(bot.url("/desk/replies.html"));
                    wait.until(d -> !d.findElements(By.cssSelector("#replies-table tbody tr")).isEmpty());
                    browser.findElement(By.id("new-reply")).click();
                    browser.findElement(By.id("f-name")).sendKeys("kyc-wait");
                    browser.findElement(By.id("f-title-en")).sendKeys("Identity check in progress");
                    browser.findElement(By.id("f-text-en")).sendKeys("Hi {name}, your identity check for {ticket} is in progress.");
                    browser.findElement(By.id("save-reply")).click();
                    wait.until(d -> !d.findElement(By.id("form-error")).getText().isBlank());
                    shoot(browser, out.resolve("replies-" + lang + ".png"), true);
                    browser.manage().window().setSize(PHONE);
                    shoot(browser, out.resolve("replies-" + lang + "-phone.png"), true);
                } finally {
                    browser.quit();
                }
            }
        }
        assertTrue(Files.size(out.resolve("replies-zh-phone.png")) > 0);
    }

    private static void send(HttpClient http, LocalBot bot, String path, String body) throws Exception {
        var res = http.send(HttpRequest.newBuilder(URI.create(bot.url(path))).header("Authorization", "Bearer " + LocalBot.ALICE)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(res.statusCode() / 100 == 2, res.body());
    }

    private static void shoot(ChromeDriver browser, Path file, boolean top) throws Exception {
        if (top) {
            browser.executeScript("window.scrollTo(0, 0)");
        }
        Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
    }
}
