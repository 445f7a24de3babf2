package supportbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The chat widget on a phone: one-line header, a first open that says what to do, and every bubble readable. */
class WidgetFixesBrowserTest extends ChromiumDeskTest {
    // A 2x2 red PNG.
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==");


    WidgetFixesBrowserTest() {
        super("--window-size=390,844", "--lang=en-US");
    }

    private long number(String script) {
        return ((Number) browser.executeScript(script)).longValue();
    }

    @Test
    void onAPhoneTheHeaderIsOneLineTheFirstOpenIsNotBlankAndArabicRunsRightToLeft() {
        browser.get(bot.url("/"));
        WebElement welcome = wait.until(d -> d.findElement(By.cssSelector("#messages .welcome")));
        assertTrue(welcome.getText().contains("Ask a question"), welcome.getText());
        assertTrue(number("return document.getElementById('new-chat').getBoundingClientRect().top")
                < number("return document.querySelector('header h1').getBoundingClientRect().bottom"), "title and link on one line");
        assertTrue(number("return document.querySelector('header').getBoundingClientRect().height") < 60, "one line high");
        assertEquals("auto", browser.findElement(By.id("input")).getAttribute("dir"));

        browser.findElement(By.id("input")).sendKeys("مرحبا، التطبيق لا يعمل" + Keys.ENTER);
        WebElement mine = wait.until(d -> d.findElement(By.cssSelector("#messages .msg-user .msg-text")));
        assertEquals("auto", mine.getAttribute("dir"));
        assertEquals("rtl", browser.executeScript("return getComputedStyle(arguments[0]).direction", mine));
        WebElement time = wait.until(d -> d.findElement(By.cssSelector("#messages .msg-user time")));
        assertTrue(time.getText().matches(".*\\d{1,2}:\\d{2}.*"), "a timestamp: " + time.getText());
        assertTrue(browser.findElements(By.cssSelector("#messages .welcome")).isEmpty(), "the hint goes once the chat starts");
    }

    @Test
    void aTooLongMessageIsRefusedWithTheLimitInTheUsersLanguageAndKept() {
        browser.get(bot.url("/"));
        WebElement input = wait.until(d -> d.findElement(By.id("input")));
        browser.executeScript("arguments[0].value = 'a'.repeat(4001)", input);
        browser.findElement(By.id("send")).click();
        String status = wait.until(d -> {
            String s = d.findElement(By.id("status")).getText();
            return s.isBlank() ? null : s;
        });
        assertTrue(status.contains("too long") && status.contains("4001") && status.contains("4000"), status);
        assertEquals(4001, input.getAttribute("value").length(), "the text stays for the user to shorten");
    }

    @Test
    void theUsersOwnScreenshotShowsInItsBubble() throws Exception {
        browser.get(bot.url("/"));
        browser.findElement(By.id("input")).sendKeys("hello" + Keys.ENTER);
        wait.until(d -> !d.findElements(By.cssSelector("#messages .msg-bot")).isEmpty());
        Path png = Files.write(dir.resolve("screen.png"), PNG);
        browser.findElement(By.id("file")).sendKeys(png.toString());
        WebElement img;
        try {
            img = wait.until(d -> d.findElement(By.cssSelector("#messages .msg-user .msg-files img")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(browser.findElement(By.id("status")).getText() + " / "
                    + browser.executeScript("return document.getElementById('messages').innerHTML"), e);
        }
        wait.until(d -> "2".equals(img.getDomProperty("naturalWidth")));
        assertEquals("screen.png", img.getAttribute("alt"), "the image itself, loaded from the server");
    }

    @Test
    void theAgentsCodeIsExplained() throws Exception {
        browser.get(bot.url("/"));
        browser.findElement(By.id("input")).sendKeys("talk to a human" + Keys.ENTER);
        var http = HttpClient.newHttpClient();
        var json = new ObjectMapper();
        supportbot.Await.until(() -> json.readTree(http.send(HttpRequest.newBuilder(URI.create(bot.url("/api/desk/tickets")))
                .header("Authorization", "Bearer " + LocalBot.ALICE).build(), HttpResponse.BodyHandlers.ofString()).body())
                .get("tickets").size() > 0, Duration.ofSeconds(15), "a ticket");
        long id = json.readTree(http.send(HttpRequest.newBuilder(URI.create(bot.url("/api/desk/tickets")))
                .header("Authorization", "Bearer " + LocalBot.ALICE).build(), HttpResponse.BodyHandlers.ofString()).body())
                .get("tickets").get(0).get("id").asLong();
        for (String action : new String[] {"claim", "reply"}) {
            http.send(HttpRequest.newBuilder(URI.create(bot.url("/api/desk/tickets/" + id + "/" + action)))
                    .header("Authorization", "Bearer " + LocalBot.ALICE).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Hi, I am here to help.\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        WebElement from = wait.until(d -> d.findElement(By.cssSelector("#messages .msg-agent .msg-from")));
        assertTrue(from.getText().contains("verification code") && from.getText().contains("/verify"), from.getText());
    }
}
