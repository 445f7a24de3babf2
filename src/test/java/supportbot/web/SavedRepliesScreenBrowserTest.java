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
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The saved-replies screen: a supervisor creates, edits and deletes one, bad input is refused with a message that
 * says what to fix and stores nothing, every change is in the audit; an agent sees the list read-only.
 */
class SavedRepliesScreenBrowserTest extends ChromiumDeskTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    SavedRepliesScreenBrowserTest() {
        super("--window-size=1280,900", "--lang=en-US");
    }

    @BeforeEach
    void start() {
        // The table is redrawn after each save: a row found just before may be gone by the time it is read.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    private JsonNode api(String path) throws Exception {
        var req = HttpRequest.newBuilder(URI.create(bot.url(path))).header("Authorization", "Bearer " + LocalBot.SUE).GET();
        var res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, res.statusCode(), res.body());
        return json.readTree(res.body());
    }

    private JsonNode stored(String name) throws Exception {
        return StreamSupport.stream(api("/api/desk/saved-replies").get("replies").spliterator(), false)
                .filter(r -> r.get("name").asText().equals(name)).findFirst().orElse(null);
    }

    private void openAs(String token, String lang) {
        browser.get(bot.url("/desk/"));
        browser.executeScript("localStorage.setItem('desk.lang', arguments[0])", lang);
        browser.navigate().refresh();
        WebElement field = wait.until(d -> d.findElement(By.id("token")));
        wait.until(d -> field.isDisplayed());
        field.sendKeys(token);
        browser.findElement(By.id("sign-in")).click();
        WebElement link = wait.until(d -> d.findElement(By.id("replies-link")));
        wait.until(d -> link.isDisplayed());
        link.click();
        wait.until(d -> d.findElement(By.id("replies-view")).isDisplayed()
                && !d.findElements(By.cssSelector("#replies-table tbody tr")).isEmpty());
    }

    private WebElement row(String name) {
        return browser.findElements(By.cssSelector("#replies-table tbody tr")).stream()
                .filter(r -> name.equals(r.getAttribute("data-name"))).findFirst().orElse(null);
    }

    private void type(String id, String text) {
        WebElement e = browser.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    private String refusal() {
        browser.findElement(By.id("save-reply")).click();
        WebElement error = browser.findElement(By.id("form-error"));
        wait.until(d -> !error.getText().isBlank());
        return error.getText();
    }

    @Test
    void aSupervisorCreatesEditsAndDeletesAReplyAndBadInputChangesNothing() throws Exception {
        openAs(LocalBot.SUE, "en");
        assertTrue(row("ask-tx-hash") != null, "the shipped set is listed");
        browser.findElement(By.id("new-reply")).click();

        type("f-name", "Greet Them");
        assertTrue(refusal().startsWith("Name: 1 to 40 lowercase letters"), "says what a name may be");
        type("f-name", "ask-tx-hash");
        assertTrue(refusal().contains("already exists: edit it instead"));
        type("f-name", "greet");
        type("f-title-en", "Greeting");
        type("f-text-en", "Hi {nmae}, looking at {ticket} now.");
        assertTrue(refusal().contains("{nmae}, which is not a variable"));
        assertEquals("true", browser.findElement(By.id("f-text-en")).getAttribute("aria-invalid"));
        type("f-text-en", "Hi {name}, looking at {ticket} now.");
        assertEquals("Give the Chinese title (1 to 80 characters).", refusal());
        assertEquals(null, stored("greet"), "nothing stored while the form is refused");

        type("f-title-zh", "问候");
        type("f-text-zh", "{name}好，正在查看工单 {ticket}。");
        browser.findElement(By.id("save-reply")).click();
        wait.until(d -> row("greet") != null);
        assertEquals("Hi {name}, looking at {ticket} now.", stored("greet").get("texts").get("en").asText());
        assertEquals("desk", stored("greet").get("source").asText());

        row("greet").findElement(By.cssSelector("button[data-action=edit]")).click();
        assertFalse(browser.findElement(By.id("f-name")).isEnabled(), "the name is what agents type: kept on edit");
        type("f-text-en", "Hello {name}, I am on ticket {ticket}.");
        browser.findElement(By.id("save-reply")).click();
        wait.until(d -> row("greet") != null && row("greet").getText().contains("Hello {name}"));
        assertEquals("Hello {name}, I am on ticket {ticket}.", stored("greet").get("texts").get("en").asText());

        assertTrue(row("ask-tx-hash").findElements(By.cssSelector("button[data-action=delete]")).isEmpty(),
                "a shipped reply is changed in its file, not deleted here");
        browser.executeScript("window.confirm = () => true");
        row("greet").findElement(By.cssSelector("button[data-action=delete]")).click();
        wait.until(d -> row("greet") == null);
        assertEquals(null, stored("greet"));

        WebElement audit = browser.findElement(By.id("audit"));
        wait.until(d -> audit.findElements(By.tagName("li")).size() == 3);
        assertTrue(audit.getText().contains("sue deleted /greet") && audit.getText().contains("sue saved /greet"),
                audit.getText());
        assertEquals(3, api("/api/desk/saved-replies/audit").get("audit").size());
    }

    @Test
    void anAgentSeesTheListReadOnlyInTheirLanguage() throws Exception {
        openAs(LocalBot.ALICE, "zh");
        assertEquals("快捷回复", browser.findElement(By.cssSelector(".topbar h1")).getText());
        assertTrue(browser.findElement(By.id("read-only")).isDisplayed());
        assertFalse(browser.findElement(By.id("new-wrap")).isDisplayed(), "no way to create");
        assertTrue(browser.findElements(By.cssSelector("#replies-table button")).isEmpty(), "no edit or delete");
        assertFalse(browser.findElement(By.id("audit-panel")).isDisplayed());
        String ask = row("ask-tx-hash").getText();
        assertTrue(ask.contains("索取交易哈希") && !ask.contains("Ask for the transaction hash"), "one language: " + ask);
    }
}
