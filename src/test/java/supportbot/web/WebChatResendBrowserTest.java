package supportbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import supportbot.safety.InboundGuard;

/** The widget in headless Chromium: what it sent but never saw confirmed goes again, once, and a 429 is told and retried. */
class WebChatResendBrowserTest {
    @TempDir
    Path dir;

    private LocalBot bot;
    private ChromeDriver browser;
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private void start(int floodMessages, Duration window) throws Exception {
        browser = HeadlessChromium.start(dir);
        bot = new LocalBot(dir, WebSettings.defaults(), new InboundGuard.Settings(4000, floodMessages, window), nanos::get);
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

    private long userLines(String session, String text) {
        return bot.store.transcript("web:" + session, 0).stream().filter(l -> l.from().equals("user") && l.text().equals(text)).count();
    }

    @Test
    void aMessageStoredButNeverConfirmedIsResentAfterAReloadAndStoredOnce() throws Exception {
        start(12, Duration.ofSeconds(10));
        var http = HttpClient.newHttpClient();
        var json = new ObjectMapper();
        String session = json.readTree(http.send(HttpRequest.newBuilder(URI.create(bot.url("/api/chat/sessions")))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body())
                .get("sessionId").asText();
        // The page sent this and the server stored it, but the answer never arrived (the tab was closed).
        String body = "{\"text\":\"my withdrawal is stuck\",\"id\":\"w-lost-answer-1\"}";
        assertEquals(202, http.send(HttpRequest.newBuilder(URI.create(bot.url("/api/chat/sessions/" + session + "/messages")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());

        browser.get(bot.url("/"));
        browser.executeScript("localStorage.setItem('support-bot.sessionId', arguments[0]);"
                + "localStorage.setItem('support-bot.pending', JSON.stringify([{sid: arguments[0], body: JSON.parse(arguments[1])}]));",
                session, body);
        browser.navigate().refresh();
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> browser.executeScript("return localStorage.getItem('support-bot.pending')") == null);
        wait.until(d -> !d.findElements(By.cssSelector("#messages .msg-bot")).isEmpty());
        assertEquals(1, userLines(session, "my withdrawal is stuck"), "the resend was recognised");
        assertEquals(1, browser.findElements(By.cssSelector("#messages .msg-user")).stream()
                .filter(e -> e.getText().contains("my withdrawal is stuck")).count());
    }

    @Test
    void over429TheWidgetSaysTheMessageWasNotReadYetAndSendsItAgain() throws Exception {
        start(1, Duration.ofSeconds(2));
        browser.get(bot.url("/"));
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        var input = wait.until(d -> d.findElement(By.id("input")));
        input.sendKeys("first message");
        browser.findElement(By.id("send")).click();
        wait.until(d -> d.findElements(By.cssSelector("#messages .msg-user")).size() == 1);
        input.sendKeys("second message");
        browser.findElement(By.id("send")).click();
        wait.until(d -> d.findElement(By.id("status")).getText().contains("not read yet"));
        String session = (String) browser.executeScript("return localStorage.getItem('support-bot.sessionId')");
        assertEquals(0, userLines(session, "second message"));
        nanos.addAndGet(Duration.ofSeconds(2).toNanos()); // the user has now waited long enough
        wait.until(d -> d.findElements(By.cssSelector("#messages .msg-user")).size() == 2);
        assertEquals(1, userLines(session, "second message"));
        wait.until(d -> d.findElement(By.id("status")).getText().isEmpty());
    }
}
