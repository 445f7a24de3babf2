package supportbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import supportbot.ticket.Ticket;
import supportbot.ticket.TicketEvent;
import supportbot.ticket.TicketStatus;
import supportbot.dialogue.TicketDraft;
import supportbot.faq.Lang;

/** The contact panel's "Merge into #N" in headless Chromium: offered for the user's other open ticket only. */
class DeskMergeBrowserTest extends ChromiumDeskTest {

    DeskMergeBrowserTest() {
        super("--window-size=1280,800");
    }

    private void seed(long number, String user, TicketStatus status) {
        var t = Ticket.open(new TicketDraft(number, "telegram", "tg:" + user, user, "other", 3, false, "confirmed", Lang.EN,
                Map.of(), List.of(), Instant.parse("2026-11-20T01:00:00Z")));
        Ticket saved = new Ticket(t.draft(), status, t.tier(), null, t.events(), null);
        bot.committer.submit(tx -> tx.saveTicket(saved)).join();
    }

    @Test
    void anAgentMergesADuplicateFromTheContactPanel() throws Exception {
        seed(4001, "u1", TicketStatus.QUEUED);
        seed(4002, "u1", TicketStatus.CLOSED);
        seed(4003, "u1", TicketStatus.QUEUED);

        browser.get(bot.url("/desk/"));
        browser.executeScript("localStorage.setItem('desk.lang', 'en')");
        browser.get(bot.url("/desk/#ticket-4003"));
        WebElement field = wait.until(d -> d.findElement(By.id("token")));
        wait.until(d -> field.isDisplayed());
        field.sendKeys(LocalBot.SUE);
        browser.findElement(By.id("sign-in")).click();
        WebElement contact = wait.until(d -> d.findElement(By.id("tools-contact")));
        wait.until(d -> contact.getText().contains("Ticket #4002"));

        List<WebElement> merges = contact.findElements(By.cssSelector("button.merge-into"));
        assertEquals(1, merges.size(), "only the open ticket is offered, not the closed one");
        assertEquals("Merge into #4001", merges.get(0).getText());
        merges.get(0).click();

        wait.until(d -> bot.store.ticket(4003).orElseThrow().status() == TicketStatus.CLOSED);
        assertTrue(bot.store.ticket(4001).orElseThrow().events().stream().anyMatch(e -> e.type() == TicketEvent.Type.MERGED_IN));
        wait.until(d -> d.getCurrentUrl().endsWith("#ticket-4001"));
    }
}
