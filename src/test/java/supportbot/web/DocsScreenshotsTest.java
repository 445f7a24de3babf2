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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pictures in docs/: the desk and the widget at desktop (1280×800) and phone (390×844) sizes, in English
 * and Chinese. Runs only with SCREENSHOTS_DIR set: {@code SCREENSHOTS_DIR=docs ./mvnw -o -q -Dtest=DocsScreenshotsTest test}.
 */
class DocsScreenshotsTest {
    private static final Dimension DESKTOP = new Dimension(1280, 800);
    private static final Dimension PHONE = new Dimension(390, 844);

    @TempDir
    Path dir;

    @Test
    void deskAndWidgetInBothLanguagesAndSizes() throws Exception {
        String target = System.getenv("SCREENSHOTS_DIR");
        Assumptions.assumeTrue(target != null, "set SCREENSHOTS_DIR to write the pictures");
        Path out = Files.createDirectories(Path.of(target));
        try (LocalBot bot = new LocalBot(dir)) {
            long id = seedTicket(bot);
            for (String lang : List.of("en", "zh")) {
                ChromeDriver browser = HeadlessChromium.start(dir.resolve(lang), "--lang=" + (lang.equals("zh") ? "zh-CN" : "en-US"));
                try {
                    var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
                    String suffix = lang.equals("zh") ? "-zh" : "";
                    browser.manage().window().setSize(DESKTOP);
                    browser.get(bot.url("/"));
                    browser.findElement(By.id("input")).sendKeys(lang.equals("zh") ? "我的充值没到账" + Keys.ENTER : "my deposit has not arrived" + Keys.ENTER);
                    wait.until(d -> !d.findElements(By.cssSelector("#messages .msg-bot")).isEmpty());
                    shoot(browser, out.resolve("widget" + suffix + ".png"));
                    browser.manage().window().setSize(PHONE);
                    shoot(browser, out.resolve("widget" + suffix + "-phone.png"));

                    browser.manage().window().setSize(DESKTOP);
                    browser.get(bot.url("/desk/#ticket-" + id));
                    browser.executeScript("localStorage.setItem('desk.lang', arguments[0])", lang);
                    browser.get(bot.url("/desk/#ticket-" + id));
                    wait.until(d -> d.findElement(By.id("token")).isDisplayed());
                    browser.findElement(By.id("token")).sendKeys(LocalBot.ALICE);
                    browser.findElement(By.id("sign-in")).click();
                    wait.until(d -> d.findElement(By.id("ticket-details")).findElements(By.tagName("dt")).size() >= 2);
                    shoot(browser, out.resolve("desk" + suffix + ".png"));
                    browser.manage().window().setSize(PHONE);
                    shoot(browser, out.resolve("desk" + suffix + "-phone.png"));
                } finally {
                    browser.quit();
                }
            }
        }
        assertTrue(Files.size(out.resolve("desk-zh-phone.png")) > 0);
    }

    private static void shoot(ChromeDriver browser, Path file) throws Exception {
        browser.executeScript("window.scrollTo(0, 0)");
        Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
    }

    /** A confirmed crash report with details, claimed and answered once. */
    private static long seedTicket(LocalBot bot) throws Exception {
        var http = HttpClient.newHttpClient();
        var json = new ObjectMapper();
        String session = json.readTree(http.send(HttpRequest.newBuilder(URI.create(bot.url("/api/chat/sessions")))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body()).get("sessionId").asText();
        for (String body : List.of("{\"text\":\"the app crashes every time I open it\"}", "{\"text\":\"iPhone 15 iOS 17.2\"}",
                "{\"text\":\"yesterday 3pm\"}", "{\"button\":\"skip\"}", "{\"button\":\"skip\"}", "{\"button\":\"confirm\"}")) {
            http.send(HttpRequest.newBuilder(URI.create(bot.url("/api/chat/sessions/" + session + "/messages")))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        var list = HttpRequest.newBuilder(URI.create(bot.url("/api/desk/tickets"))).header("Authorization", "Bearer " + LocalBot.ALICE).build();
        supportbot.Await.until(() -> json.readTree(http.send(list, HttpResponse.BodyHandlers.ofString()).body()).get("tickets").size() > 0,
                Duration.ofSeconds(15), "the ticket");
        return json.readTree(http.send(list, HttpResponse.BodyHandlers.ofString()).body()).get("tickets").get(0).get("id").asLong();
    }
}
