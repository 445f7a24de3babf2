package supportbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import supportbot.dialogue.Category;
import supportbot.dialogue.EngineHarness;
import supportbot.faq.Lang;

/** The desk in one language at a time, category names instead of ids, and an SLA that stops at resolution. */
class DeskLanguageBrowserTest extends ChromiumDeskTest {
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    DeskLanguageBrowserTest() {
        super("--window-size=1280,800", "--lang=en-US");
    }

    private JsonNode call(String method, String path, String token, String body) throws Exception {
        var req = HttpRequest.newBuilder(URI.create(bot.url(path))).header("Content-Type", "application/json");
        if (token != null) {
            req.header("Authorization", "Bearer " + token);
        }
        req.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        var res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(2, res.statusCode() / 100, res.body());
        return json.readTree(res.body());
    }

    /** A crash report with several details, confirmed in the web chat; returns the ticket. */
    private JsonNode reportedTicket() throws Exception {
        String session = call("POST", "/api/chat/sessions", null, "").get("sessionId").asText();
        for (String body : List.of("{\"text\":\"the app crashes every time I open it\"}", "{\"text\":\"iPhone 15 iOS 17.2\"}",
                "{\"text\":\"yesterday 3pm\"}", "{\"button\":\"skip\"}", "{\"button\":\"skip\"}", "{\"button\":\"confirm\"}")) {
            call("POST", "/api/chat/sessions/" + session + "/messages", null, body);
        }
        supportbot.Await.until(() -> !call("GET", "/api/desk/tickets", LocalBot.SUE, null).get("tickets").isEmpty(),
                Duration.ofSeconds(10), "the ticket on the desk");
        long id = call("GET", "/api/desk/tickets", LocalBot.SUE, null).get("tickets").get(0).get("id").asLong();
        return call("GET", "/api/desk/tickets/" + id, LocalBot.ALICE, null);
    }

    private void signIn(String token) {
        browser.get(bot.url("/desk/"));
        WebElement field = wait.until(d -> d.findElement(By.id("token")));
        wait.until(d -> field.isDisplayed());
        field.sendKeys(token);
        browser.findElement(By.id("sign-in")).click();
        wait.until(d -> d.findElement(By.id("whoami")).getText().contains("alice"));
    }

    private WebElement row(long id) {
        return wait.until(d -> d.findElements(By.cssSelector(".ticket-row")).stream()
                .filter(b -> String.valueOf(id).equals(b.getAttribute("data-id"))).findFirst().orElse(null));
    }

    @Test
    void everyLabelIsInTheAgentsLanguageSwitchableAndRemembered() throws Exception {
        JsonNode ticket = reportedTicket();
        long id = ticket.get("id").asLong();
        Category category = EngineHarness.DATA.categories().get(ticket.get("category").asText()).orElseThrow();
        signIn(LocalBot.ALICE);

        WebElement queueRow = row(id);
        wait.until(d -> queueRow.getText().contains(category.name(Lang.EN)));
        assertEquals("Queue", browser.findElement(By.id("queue-heading")).getText());
        // Everything but the switch itself, which names the other language in that language.
        String page = (String) browser.executeScript("const c = document.getElementById('desk-view').cloneNode(true);"
                + " c.querySelectorAll('.lang-toggle').forEach(b => b.remove()); return c.textContent;");
        assertFalse(HAN.matcher(page).find(), "no Chinese on an English desk: " + page);
        assertFalse(queueRow.getText().contains(category.id()), "the name, not the id: " + queueRow.getText());

        browser.findElement(By.id("lang-toggle")).click();
        wait.until(d -> d.findElement(By.id("queue-heading")).getText().equals("队列"));
        wait.until(d -> row(id).getText().contains(category.name(Lang.ZH)));
        assertEquals("zh", browser.executeScript("return localStorage.getItem('desk.lang')"));
        String zh = browser.findElement(By.id("desk-view")).getText();
        assertFalse(zh.contains("Queue") || zh.contains("Filters") || zh.contains(" / "), "one language only: " + zh);

        browser.navigate().refresh();
        wait.until(d -> d.findElement(By.id("queue-heading")).getText().equals("队列"));
        assertEquals("English", browser.findElement(By.id("lang-toggle")).getText(), "the way back is named in English");
    }

    @Test
    void detailsShowOnceInTheCategorysOrderWithTheRawValueOnDemand() throws Exception {
        JsonNode ticket = reportedTicket();
        long id = ticket.get("id").asLong();
        signIn(LocalBot.ALICE);
        row(id).click();
        WebElement details = wait.until(d -> {
            WebElement dl = d.findElement(By.id("ticket-details"));
            return dl.findElements(By.tagName("dt")).size() >= 2 ? dl : null;
        });
        List<String> keys = new java.util.ArrayList<>();
        ticket.get("details").fieldNames().forEachRemaining(keys::add);
        List<String> labels = details.findElements(By.tagName("dt")).stream().map(WebElement::getText).toList();
        assertEquals(keys.size(), labels.size(), "each detail once: " + labels);
        assertEquals(List.of("Description", "Device", "Time"), labels.subList(0, 3), "the category's order: " + labels);
        WebElement time = details.findElements(By.cssSelector(".detail-value")).get(2);
        assertTrue(time.getText().matches("(?s).*\\d{4}.*user's time.*"), "an absolute date with the user's zone: " + time.getText());
        assertFalse(time.getText().toLowerCase().contains("yesterday"), time.getText());
        assertTrue(time.getAttribute("title").contains(ticket.get("details").get("time").get("value").asText()),
                "the raw value on hover: " + time.getAttribute("title"));
    }

    @Test
    void aResolvedTicketShowsSlaMetInsteadOfACountdown() throws Exception {
        long id = reportedTicket().get("id").asLong();
        call("POST", "/api/desk/tickets/" + id + "/claim", LocalBot.ALICE, "");
        call("POST", "/api/desk/tickets/" + id + "/resolve", LocalBot.ALICE, "");
        signIn(LocalBot.ALICE);
        new Select(browser.findElement(By.id("filter-status"))).selectByValue("resolved");
        WebElement sla = wait.until(d -> row(id).findElement(By.cssSelector(".sla")));
        wait.until(d -> sla.getText().contains("SLA met"));
        assertTrue(sla.getAttribute("class").contains("sla-met"), sla.getAttribute("class"));
        assertFalse(sla.getText().contains("left") || sla.getText().contains("overdue"), sla.getText());
        // The store's clock is a week behind the browser's: a countdown that kept running would read "overdue".
    }
}
