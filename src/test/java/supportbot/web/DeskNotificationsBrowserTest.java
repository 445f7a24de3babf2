package supportbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Desk notifications: asked for on a click, then one for a new ticket and one when the user answers a ticket I
 * hold. The browser's Notification is replaced by a recorder that grants permission, so the test sees exactly
 * what the desk would show.
 */
class DeskNotificationsBrowserTest extends ChromiumDeskTest {
    private static final String RECORDER = "window.__notes = []; window.__asked = 0;"
            + " window.Notification = function (title, o) { window.__notes.push(o.body); };"
            + " window.Notification.permission = 'default';"
            + " window.Notification.requestPermission = async () => { window.__asked++; window.Notification.permission = 'granted'; return 'granted'; };";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    DeskNotificationsBrowserTest() {
        super("--window-size=1280,800", "--lang=en-US");
    }

    private String call(String method, String path, String token, String body) throws Exception {
        var req = HttpRequest.newBuilder(URI.create(bot.url(path))).header("Content-Type", "application/json");
        if (token != null) {
            req.header("Authorization", "Bearer " + token);
        }
        req.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(req.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @SuppressWarnings("unchecked")
    private List<String> notes() {
        return (List<String>) browser.executeScript("return window.__notes.slice()");
    }

    @Test
    void aNewTicketAndTheUsersAnswerOnMineNotifyOnceAskedOnAClick() throws Exception {
        browser.get(bot.url("/desk/"));
        WebElement token = wait.until(d -> d.findElement(By.id("token")));
        browser.executeScript(RECORDER);
        token.sendKeys(LocalBot.ALICE);
        browser.findElement(By.id("sign-in")).click();
        wait.until(d -> d.findElement(By.id("whoami")).getText().contains("alice"));
        assertEquals(0L, browser.executeScript("return window.__asked"), "no prompt before the agent asks");
        browser.findElement(By.id("notify-on")).click();
        wait.until(d -> "on".equals(browser.executeScript("return localStorage.getItem('desk.notify')")));
        assertEquals(1L, browser.executeScript("return window.__asked"));

        String session = json.readTree(call("POST", "/api/chat/sessions", null, "")).get("sessionId").asText();
        call("POST", "/api/chat/sessions/" + session + "/messages", null, "{\"text\":\"talk to a human\"}");
        wait.until(d -> notes().stream().anyMatch(n -> n.startsWith("New ticket #")));

        long id = json.readTree(call("GET", "/api/desk/tickets", LocalBot.ALICE, null)).get("tickets").get(0).get("id").asLong();
        call("POST", "/api/desk/tickets/" + id + "/claim", LocalBot.ALICE, "");
        call("POST", "/api/desk/tickets/" + id + "/reply", LocalBot.ALICE, "{\"text\":\"Which version?\"}");
        wait.until(d -> d.findElements(By.cssSelector(".ticket-row")).stream().anyMatch(r -> r.getText().contains("Waiting")));
        call("POST", "/api/chat/sessions/" + session + "/messages", null, "{\"text\":\"version 5.2\"}");
        wait.until(d -> notes().contains("The user replied on #" + id));
        assertEquals(2, notes().size(), "one per event: " + notes());
    }
}
