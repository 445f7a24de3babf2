package supportbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import supportbot.dialogue.Contact;
import supportbot.dialogue.ContactKey;
import supportbot.dialogue.Inbound;
import supportbot.dialogue.TicketDraft;
import supportbot.faq.Lang;
import supportbot.store.Store;
import supportbot.store.StoredConversation;
import supportbot.ticket.Ticket;
import supportbot.ticket.TicketEvent;
import supportbot.ticket.TicketRating;
import supportbot.ticket.TicketStatus;

/**
 * In headless Chromium: an agent on a web-chat ticket finds the same person's Telegram contact in the contact
 * panel's picker, links it, and the panel then shows both contacts and both histories, in English and Chinese.
 */
class ContactLinkBrowserTest extends ChromiumDeskTest {

    ContactLinkBrowserTest() {
        super("--window-size=1280,1000");
    }

    /** With SCREENSHOTS_DIR set (docs/), the linked panel is saved for the desk guide. */
    private void screenshot(String name) throws Exception {
        String target = System.getenv("SCREENSHOTS_DIR");
        if (target != null) {
            java.nio.file.Files.createDirectories(Path.of(target));
            browser.executeScript("document.getElementById('tools-contact').scrollIntoView()");
            java.nio.file.Files.write(Path.of(target, name), browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        }
    }

    private void seed(long number, String channel, String conversation, String userId, Contact who, Lang lang,
                      TicketStatus status, TicketRating rating, String at) {
        Instant opened = Instant.parse(at);
        var t = Ticket.open(new TicketDraft(number, channel, conversation, userId, "transfer-pending", 3, false, "confirmed",
                lang, Map.of(), List.of(), opened));
        Ticket saved = new Ticket(t.draft(), status, t.tier(), null, t.events(), rating);
        var c = supportbot.dialogue.Conversation.start(Inbound.text(channel, conversation, userId, "hi", "x", opened), lang,
                "Asia/Shanghai");
        var stored = new StoredConversation(c, List.of(), List.of()).from(who);
        bot.committer.submit(tx -> {
            tx.saveConversation(conversation, Store.encodeConversation(stored));
            tx.saveTicket(saved);
        }).join();
    }

    @Test
    void anAgentLinksTheTelegramContactAndThePanelShowsBothHistories() throws Exception {
        var rated = new TicketRating(4, null, null, Instant.parse("2026-11-10T03:00:00Z"));
        seed(5001, "telegram", "telegram:777", "777", new Contact("Lin Wei", "linwei", "777"), Lang.ZH,
                TicketStatus.RESOLVED, rated, "2026-11-10T01:00:00Z");
        seed(5003, "web", "web:w1", null, null, Lang.EN, TicketStatus.CLOSED, null, "2026-11-15T01:00:00Z");
        seed(5004, "web", "web:w1", null, null, Lang.EN, TicketStatus.QUEUED, null, "2026-11-24T01:00:00Z");

        browser.get(bot.url("/desk/"));
        browser.executeScript("localStorage.setItem('desk.lang', 'en')");
        browser.get(bot.url("/desk/#ticket-5004"));
        WebElement field = wait.until(d -> d.findElement(By.id("token")));
        wait.until(d -> field.isDisplayed());
        field.sendKeys(LocalBot.ALICE);
        browser.findElement(By.id("sign-in")).click();
        WebElement contact = wait.until(d -> d.findElement(By.id("tools-contact")));
        wait.until(d -> contact.getText().contains("Ticket #5003"));
        assertFalse(contact.getText().contains("Ticket #5001"), "not linked yet: " + contact.getText());

        WebElement q = browser.findElement(By.id("contact-link-q"));
        q.sendKeys("@linwei");
        browser.findElement(By.id("contact-link-find")).click();
        WebElement candidate = wait.until(d -> d.findElement(By.cssSelector("#contact-link-results li.contact-candidate")));
        assertTrue(candidate.getText().contains("Telegram") && candidate.getText().contains("Lin Wei")
                && candidate.getText().contains("#5001"), candidate.getText());
        candidate.findElement(By.cssSelector("button.contact-link-btn")).click();

        wait.until(d -> d.findElement(By.id("tools-contact")).getText().contains("Ticket #5001"));
        WebElement people = browser.findElement(By.id("contact-people"));
        List<WebElement> persons = people.findElements(By.cssSelector("li.contact-person"));
        assertEquals(2, persons.size());
        assertTrue(persons.get(0).getText().startsWith("Web chat · Web chat visitor (this ticket)"), persons.get(0).getText());
        assertTrue(persons.get(1).getText().contains("Telegram · Lin Wei @linwei"), persons.get(1).getText());
        assertTrue(persons.get(1).getText().contains("Chinese") && persons.get(1).getText().contains("Asia/Shanghai"),
                persons.get(1).getText());
        assertFalse(people.getText().contains("777"), "no raw platform id until the agent expands it");
        persons.get(1).findElement(By.cssSelector("button.contact-id-toggle")).click();
        wait.until(d -> d.findElement(By.id("contact-people")).getText().contains("Platform id: 777"));

        screenshot("desk-contact-linked-en.png");
        String history = browser.findElement(By.id("tools-contact")).getText();
        assertTrue(history.contains("Earlier tickets (2)"), history);
        assertTrue(history.indexOf("Ticket #5003") < history.indexOf("Ticket #5001"), "newest first: " + history);
        assertTrue(history.contains("Ticket #5001 · Telegram · Resolved") && history.contains("4★"), history);
        assertEquals("4★", browser.findElement(By.cssSelector("#tools-contact dl.kv dd")).getText());

        String person = bot.store.contactLink(ContactKey.of("web", null, "web:w1")).orElseThrow().person();
        assertEquals(person, bot.store.contactLink(ContactKey.of("telegram", "777", "telegram:777")).orElseThrow().person());
        assertTrue(bot.store.ticket(5004).orElseThrow().events().stream()
                .anyMatch(e -> e.type() == TicketEvent.Type.LINKED && e.actor().equals("alice")));

        browser.executeScript("localStorage.setItem('desk.lang', 'zh')");
        browser.navigate().refresh();
        wait.until(d -> d.findElement(By.id("tools-contact")).getText().contains("工单 #5001"));
        String zh = browser.findElement(By.id("tools-contact")).getText();
        assertTrue(zh.contains("网页聊天") && zh.contains("由 alice 关联") && zh.contains("以往工单（2）"), zh);
        assertTrue(zh.contains("（本工单）") && zh.contains("语言：中文") && zh.contains("时区：Asia/Shanghai"), zh);
        assertFalse(zh.contains("Web chat"), zh);
        screenshot("desk-contact-linked-zh.png");
    }
}
