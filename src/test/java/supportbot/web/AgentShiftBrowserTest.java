package supportbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import supportbot.Await;
import supportbot.desk.KnowledgeGaps;
import supportbot.dialogue.TicketDraft;
import supportbot.ticket.Ticket;
import supportbot.ticket.TicketStatus;

/**
 * An agent's whole shift in one browser: sign in, get notified of a new ticket, find it by search, answer with a
 * saved reply and an assist answer, label it, merge the user's duplicate into it, hand another ticket to a
 * colleague, resolve, and the user downloads the transcript with the agent's answers in it.
 */
class AgentShiftBrowserTest extends ChromiumDeskTest {
    private static final String RECORDER = "window.__notes = [];"
            + " window.Notification = function (title, o) { window.__notes.push(o.body); };"
            + " window.Notification.permission = 'default';"
            + " window.Notification.requestPermission = async () => { window.Notification.permission = 'granted'; return 'granted'; };";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    AgentShiftBrowserTest() {
        super("--window-size=1280,900", "--lang=en-US");
    }

    @BeforeEach
    void start() {
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    private HttpResponse<String> user(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(bot.url(path))).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private void seed(long number, String conversationKey, String user) {
        var t = Ticket.open(new TicketDraft(number, "web", conversationKey, user, "other", 3, false, "confirmed",
                supportbot.faq.Lang.EN, Map.of(), List.of(), Instant.parse("2026-11-20T01:00:00Z")));
        bot.committer.submit(tx -> tx.saveTicket(t)).join();
    }

    @SuppressWarnings("unchecked")
    private List<String> notes() {
        return (List<String>) browser.executeScript("return window.__notes.slice()");
    }

    private Ticket ticket(long n) {
        return bot.store.ticket(n).orElseThrow();
    }

    @Test
    void aWholeShift() throws Exception {
        // Sign in, notifications on.
        browser.get(bot.url("/desk/"));
        browser.executeScript("localStorage.setItem('desk.lang', 'en')");
        browser.navigate().refresh();
        WebElement token = wait.until(d -> d.findElement(By.id("token")));
        wait.until(d -> token.isDisplayed());
        browser.executeScript(RECORDER);
        token.sendKeys(LocalBot.ALICE);
        browser.findElement(By.id("sign-in")).click();
        wait.until(d -> d.findElement(By.id("whoami")).getText().contains("alice"));
        browser.findElement(By.id("notify-on")).click();
        wait.until(d -> "on".equals(browser.executeScript("return localStorage.getItem('desk.notify')")));

        // A user asks about their PIN and wants a person: the agent is told.
        String session = json.readTree(user("POST", "/api/chat/sessions", "").body()).get("sessionId").asText();
        user("POST", "/api/chat/sessions/" + session + "/messages", "{\"text\":\"I cannot reset my PIN code\"}");
        user("POST", "/api/chat/sessions/" + session + "/messages", "{\"text\":\"talk to a human\"}");
        wait.until(d -> notes().stream().anyMatch(n -> n.startsWith("New ticket #")));
        long pin = bot.store.tickets().stream().filter(t -> t.draft().conversationKey().equals("web:" + session))
                .findFirst().orElseThrow().number();
        seed(8001, "web:" + session, ticket(pin).draft().userId());   // the same user's duplicate
        seed(8002, "web:someone-else", "someone-else");                // a colleague's kind of ticket

        // Found by search, opened from the results, claimed.
        browser.findElement(By.id("search-q")).sendKeys("PIN");
        browser.findElement(By.id("search-go")).click();
        WebElement hit = wait.until(d -> d.findElement(By.cssSelector("#search-list a[href='#ticket-" + pin + "']")));
        hit.click();
        WebElement claim = wait.until(d -> d.findElement(By.id("claim")));
        wait.until(d -> claim.isDisplayed() && claim.isEnabled() && d.findElement(By.id("tools-panel")).isDisplayed());
        claim.click();
        wait.until(d -> "alice".equals(ticket(pin).assignee()));

        // A saved reply with "/", then an assist answer, each sent.
        WebElement reply = browser.findElement(By.id("reply-text"));
        reply.sendKeys("/team");
        wait.until(d -> d.findElement(By.id("reply-picker")).isDisplayed());
        reply.sendKeys(Keys.ENTER);
        wait.until(d -> reply.getAttribute("value").contains("passed ticket #" + pin));
        browser.findElement(By.id("reply-send")).click();
        wait.until(d -> ticket(pin).events().stream().filter(e -> e.type() == supportbot.ticket.TicketEvent.Type.REPLY).count() == 1);
        WebElement insert = wait.until(d -> d.findElement(By.cssSelector(".assist-insert[data-faq='pin']")));
        insert.click();
        assertEquals("Settings, Security, Reset PIN.", reply.getAttribute("value"));
        browser.findElement(By.id("reply-send")).click();
        Await.until(() -> KnowledgeGaps.assistUsage(bot.store.tickets()).equals(List.of(Map.entry("pin", 1L))),
                Duration.ofSeconds(10), "the assist answer counted as FAQ usage");

        // A label.
        browser.findElement(By.id("tools-label-input")).sendKeys("pin-reset");
        browser.findElement(By.id("tools-label-add")).click();
        wait.until(d -> ticket(pin).labels().contains("pin-reset"));

        // The duplicate: opened from the contact panel, claimed, merged into the ticket being worked on.
        WebElement earlier = wait.until(d -> d.findElement(By.cssSelector("#tools-contact a[href='#ticket-8001']")));
        earlier.click();
        wait.until(d -> d.getCurrentUrl().endsWith("#ticket-8001") && d.findElement(By.id("claim")).isEnabled());
        browser.findElement(By.id("claim")).click();
        wait.until(d -> "alice".equals(ticket(8001).assignee()));
        WebElement merge = wait.until(d -> d.findElement(By.cssSelector("#tools-contact button.merge-into")));
        assertEquals("Merge into #" + pin, merge.getText());
        merge.click();
        wait.until(d -> ticket(8001).status() == TicketStatus.CLOSED);
        wait.until(d -> d.getCurrentUrl().endsWith("#ticket-" + pin));

        // Another ticket handed to a colleague with the assignee picker.
        browser.get(bot.url("/desk/#ticket-8002"));
        WebElement claim2 = wait.until(d -> d.findElement(By.id("claim")));
        wait.until(d -> claim2.isDisplayed() && claim2.isEnabled() && d.findElement(By.id("tools-panel")).isDisplayed());
        claim2.click();
        wait.until(d -> "alice".equals(ticket(8002).assignee()));
        wait.until(d -> d.findElements(By.cssSelector("#tools-assignee option[value='bob']")).size() == 1);
        new Select(browser.findElement(By.id("tools-assignee"))).selectByValue("bob");
        browser.findElement(By.id("tools-assign")).click();
        wait.until(d -> "bob".equals(ticket(8002).assignee()));

        // Resolved; the user downloads the transcript, with both answers in it.
        browser.get(bot.url("/desk/#ticket-" + pin));
        WebElement resolve = wait.until(d -> d.findElement(By.id("resolve")));
        wait.until(d -> resolve.isDisplayed() && resolve.isEnabled());
        resolve.click();
        wait.until(d -> ticket(pin).status() == TicketStatus.RESOLVED);
        var transcript = user("GET", "/api/chat/sessions/" + session + "/transcript", null);
        assertEquals(200, transcript.statusCode());
        assertTrue(transcript.body().contains("Settings, Security, Reset PIN.")
                && transcript.body().contains("passed ticket #" + pin), transcript.body());
        assertTrue(ticket(pin).events().stream().anyMatch(e -> e.type() == supportbot.ticket.TicketEvent.Type.MERGED_IN), "the duplicate's story kept");
    }
}
