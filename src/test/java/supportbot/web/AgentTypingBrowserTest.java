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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Two browsers: a user in the widget and the agent holding their ticket in the desk. The agent's keystrokes show
 * "An agent is typing…" to the user, which fades by itself; while a person holds the ticket the bot's own dots
 * stay away.
 */
class AgentTypingBrowserTest {
    @TempDir
    Path dir;
    private LocalBot bot;
    private ChromeDriver user;
    private ChromeDriver agent;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() throws Exception {
        user = HeadlessChromium.start(dir.resolve("user"), "--window-size=420,800", "--lang=en-US");
        agent = HeadlessChromium.start(dir.resolve("agent"), "--window-size=1280,800", "--lang=en-US");
        bot = new LocalBot(dir);
    }

    @AfterEach
    void stop() {
        for (ChromeDriver b : new ChromeDriver[] {user, agent}) {
            if (b != null) {
                b.quit();
            }
        }
        if (bot != null) {
            bot.close();
        }
    }

    private String call(String method, String path, String body) throws Exception {
        var req = HttpRequest.newBuilder(URI.create(bot.url(path))).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + LocalBot.ALICE)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(req.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void theHoldersTypingShowsInTheWidgetAndFades() throws Exception {
        var userWait = new WebDriverWait(user, Duration.ofSeconds(20));
        user.get(bot.url("/"));
        userWait.until(d -> d.findElement(By.id("input"))).sendKeys("talk to a human" + Keys.ENTER);
        userWait.until(d -> !d.findElements(By.cssSelector("#messages .msg-bot")).isEmpty());
        long id = json.readTree(call("GET", "/api/desk/tickets", null)).get("tickets").get(0).get("id").asLong();
        call("POST", "/api/desk/tickets/" + id + "/claim", "");

        var agentWait = new WebDriverWait(agent, Duration.ofSeconds(20));
        agent.get(bot.url("/desk/"));
        agent.executeScript("localStorage.setItem('desk.lang', 'en')");
        agent.get(bot.url("/desk/#ticket-" + id));
        WebElement token = agentWait.until(d -> d.findElement(By.id("token")));
        agentWait.until(d -> token.isDisplayed());
        token.sendKeys(LocalBot.ALICE);
        agent.findElement(By.id("sign-in")).click();
        WebElement reply = agentWait.until(d -> d.findElement(By.id("reply-text")));
        agentWait.until(d -> reply.isDisplayed() && d.findElement(By.id("tools-panel")).isDisplayed());
        reply.sendKeys("Let me check your");

        WebElement typing = user.findElement(By.id("typing"));
        userWait.until(d -> typing.isDisplayed());
        assertEquals("An agent is typing…", typing.getText().strip());
        assertTrue(typing.getAttribute("class").contains("agent"));

        // No more keystrokes: the hint goes by itself, a few seconds later.
        new WebDriverWait(user, Duration.ofSeconds(20)).until(d -> !typing.isDisplayed());

        // A person holds the ticket: the user's next message brings no bot "typing" dots.
        user.findElement(By.id("input")).sendKeys("are you there?" + Keys.ENTER);
        userWait.until(d -> d.findElements(By.cssSelector("#messages .msg-user")).stream()
                .anyMatch(m -> m.getText().contains("are you there?")));
        assertTrue(!typing.isDisplayed(), "bot dots showed while an agent holds the ticket");
    }
}
