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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import supportbot.Await;
import supportbot.desk.KnowledgeGaps;
import supportbot.ticket.Ticket;
import supportbot.ticket.TicketEvent;
import supportbot.ticket.TicketRating;
import supportbot.dialogue.TicketDraft;

/**
 * The desk tools in headless Chromium, as an agent uses them on one ticket: assist insert, the "/" picker, a
 * label, the assignee picker, search, the contact panel. With SCREENSHOTS_DIR set, it saves the pictures in
 * docs/desk-tools.md (desktop and phone, English and Chinese).
 */
class DeskToolsBrowserTest extends ChromiumDeskTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    DeskToolsBrowserTest() {
        super("--window-size=1280,800");
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(bot.url(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A web-chat user asks about their PIN, then for a person; they had one rated ticket before. */
    private long ticketAboutAPin() throws Exception {
        String session = json.readTree(post("/api/chat/sessions", "").body()).get("sessionId").asText();
        post("/api/chat/sessions/" + session + "/messages", "{\"text\":\"I cannot reset my PIN code\"}");
        post("/api/chat/sessions/" + session + "/messages", "{\"text\":\"talk to a human\"}");
        Await.until(() -> !bot.store.tickets().isEmpty(), Duration.ofSeconds(10), "the ticket");
        Ticket t = bot.store.tickets().get(0);
        var d = t.draft();
        var earlier = Ticket.open(new TicketDraft(900, d.channel(), d.conversationKey(), d.userId(), "other", 3, false,
                "confirmed", d.lang(), Map.of(), List.of(), Instant.parse("2026-10-01T01:00:00Z")))
                .rated(new TicketRating(5, null, null, Instant.parse("2026-10-02T01:00:00Z")));
        bot.committer.submit(tx -> tx.saveTicket(earlier)).join();
        return t.number();
    }

    private void signInAndOpen(String token, long number, String lang) {
        browser.get(bot.url("/desk/"));
        browser.executeScript("localStorage.setItem('desk.lang', arguments[0])", lang);
        browser.get(bot.url("/desk/#ticket-" + number));
        WebElement field = wait.until(d -> d.findElement(By.id("token")));
        wait.until(d -> field.isDisplayed());
        field.sendKeys(token);
        browser.findElement(By.id("sign-in")).click();
        wait.until(d -> d.findElement(By.id("tools-panel")).isDisplayed());
    }

    private void screenshot(String name) throws Exception {
        String target = System.getenv("SCREENSHOTS_DIR");
        if (target != null) {
            Files.createDirectories(Path.of(target));
            Files.write(Path.of(target, name), browser.getScreenshotAs(OutputType.BYTES));
        }
    }

    @Test
    void anAgentAnswersWithAssistAndASavedReplyLabelsReassignsAndSearches() throws Exception {
        long number = ticketAboutAPin();
        signInAndOpen(LocalBot.ALICE, number, "en");
        browser.findElement(By.id("claim")).click();
        wait.until(d -> "alice".equals(bot.store.ticket(number).orElseThrow().assignee()));

        // the contact panel: their earlier ticket and its rating
        WebElement contact = wait.until(d -> d.findElement(By.id("tools-contact")));
        wait.until(d -> contact.getText().contains("Ticket #900"));
        assertTrue(contact.getText().contains("5★"), contact.getText());

        // the "/" picker: type, arrow, Enter
        WebElement reply = browser.findElement(By.id("reply-text"));
        reply.sendKeys("/team");
        WebElement picker = wait.until(d -> d.findElement(By.id("reply-picker")));
        wait.until(d -> picker.isDisplayed());
        assertEquals(1, picker.findElements(By.cssSelector("li[role=option]")).size());
        screenshot("desk-tools-en.png");
        reply.sendKeys(Keys.ENTER);
        wait.until(d -> reply.getAttribute("value").contains("passed ticket #" + number + " to our specialist team"));
        assertTrue(!picker.isDisplayed(), "the picker closes once a reply is chosen");

        // assist: the PIN answer, inserted, edited, sent
        WebElement insert = wait.until(d -> d.findElement(By.cssSelector(".assist-insert[data-faq='pin']")));
        insert.click();
        assertEquals("Settings, Security, Reset PIN.", reply.getAttribute("value"));
        reply.sendKeys(" Tell me if it works.");
        browser.findElement(By.id("reply-send")).click();
        Await.until(() -> KnowledgeGaps.assistUsage(bot.store.tickets()).equals(List.of(Map.entry("pin", 1L))),
                Duration.ofSeconds(10), "the assist answer counted as FAQ usage");
        assertTrue(bot.store.ticket(number).orElseThrow().events().stream()
                .anyMatch(e -> e.type() == TicketEvent.Type.REPLY && e.text().endsWith("Tell me if it works.")), "the edited text was sent");

        // a label, shown as a chip
        browser.findElement(By.id("tools-label-input")).sendKeys("vip");
        browser.findElement(By.id("tools-label-add")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#tools-chips .chip[data-label='vip']")).isEmpty());
        assertEquals(java.util.Set.of("vip"), bot.store.ticket(number).orElseThrow().labels());

        // search by words and by the label
        browser.findElement(By.id("search-q")).sendKeys("PIN");
        browser.findElement(By.id("search-go")).click();
        wait.until(d -> d.findElement(By.id("search-list")).getText().contains("Ticket #" + number));
        browser.findElement(By.id("search-q")).clear();
        browser.findElement(By.id("search-agent")).click();
        wait.until(d -> d.findElements(By.cssSelector("#search-agent option[value='alice']")).size() == 1);
        new Select(browser.findElement(By.id("search-agent"))).selectByValue("alice");
        browser.findElement(By.id("search-label")).sendKeys("vip");
        browser.findElement(By.id("search-go")).click();
        wait.until(d -> d.findElement(By.id("search-results")).getText().contains("1 found"));
        browser.findElement(By.id("search-label")).clear();
        browser.findElement(By.id("search-label")).sendKeys("nolabel");
        browser.findElement(By.id("search-go")).click();
        wait.until(d -> d.findElement(By.id("search-results")).getText().contains("0 found"));

        // the assignee picker lists agents with their load; reassign to bob
        Select assignee = new Select(browser.findElement(By.id("tools-assignee")));
        assertTrue(assignee.getOptions().stream().anyMatch(o -> o.getText().equals("bob (0 open)")),
                assignee.getOptions().stream().map(WebElement::getText).toList().toString());
        assignee.selectByValue("bob");
        browser.findElement(By.id("tools-assign")).click();
        wait.until(d -> "bob".equals(bot.store.ticket(number).orElseThrow().assignee()));
    }

    @Test
    void theToolsSpeakTheAgentsDeskLanguageAndFitAPhone() throws Exception {
        long number = ticketAboutAPin();
        signInAndOpen(LocalBot.SUE, number, "zh");
        WebElement panel = browser.findElement(By.id("tools-panel"));
        wait.until(d -> panel.getText().contains("推荐的常见问题答案") && panel.getText().contains("工单 #900"));
        assertTrue(browser.findElement(By.id("search-go")).getText().equals("搜索"));
        browser.findElement(By.id("reply-text")).sendKeys("/");
        wait.until(d -> d.findElement(By.id("reply-picker")).isDisplayed());
        browser.executeScript("document.getElementById('tools-panel').scrollIntoView()");
        screenshot("desk-tools-zh.png");

        for (String lang : List.of("zh", "en")) {
            browser.manage().window().setSize(new Dimension(390, 844));
            browser.executeScript("localStorage.setItem('desk.lang', arguments[0])", lang);
            browser.navigate().refresh();
            wait.until(d -> d.findElement(By.id("tools-panel")).isDisplayed()
                    && d.findElement(By.id("tools-contact")).getText().contains("900"));
            Object scroll = browser.executeScript("return document.documentElement.scrollWidth");
            assertTrue(((Number) scroll).intValue() <= 391, "no sideways scrolling on a phone: " + scroll);
            browser.executeScript("document.getElementById('tools-panel').scrollIntoView()");
            screenshot("desk-tools-phone-" + lang + ".png");
        }
    }
}
