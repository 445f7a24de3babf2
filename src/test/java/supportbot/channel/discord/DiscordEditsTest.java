package supportbot.channel.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.ticket.TicketEvent;

/**
 * Edits and deletions both ways, with the real JDA against the fake Discord: a user's edit and deletion in a DM
 * reach the ticket and the staff thread; an agent's edit and deletion of a relayed reply change the user's copy
 * (through a 429 with Retry-After), and a phrase typed into an edit never reaches the user.
 */
class DiscordEditsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long USER = FakeDiscord.CUSTOMER_ID;
    private static final long AGENT = FakeDiscord.AGENT_ID;
    private static final String PHRASE = String.join(" ", supportbot.safety.TestPhrases.words("english", 12, 77));

    @TempDir
    Path dir;
    private FakeDiscord fake;
    private DiscordTestBot t;

    @AfterEach
    void close() {
        if (t != null) {
            t.close();
        }
        if (fake != null) {
            fake.close();
        }
    }

    /** Claims the newest ticket from its card; returns the ticket number. */
    private long claim() {
        var card = fake.awaitSent(s -> !s.embeds().isEmpty() && s.customIds().stream().anyMatch(id -> id.startsWith("desk:claim:")),
                WAIT);
        String claim = DiscordFlowsTest.payloads(card).stream().filter(p -> p.startsWith("desk:claim:")).findFirst().orElseThrow();
        long number = Long.parseLong(claim.substring("desk:claim:".length()));
        card.customIds().stream().filter(id -> id.startsWith(claim + "~")).findFirst()
                .ifPresent(id -> fake.buttonPress(card.channelId(), AGENT, card.messageId(), id));
        fake.awaitCondition(() -> "bob".equals(t.bot.store.ticket(number).orElseThrow().assignee()), WAIT, "claimed");
        return number;
    }

    private long staffThread(long ticket) {
        return supportbot.channel.StaffFeed.placeOf(t.bot.store, DiscordStaffSurface.NAME, ticket).orElseThrow().place();
    }

    private boolean hasEvent(long ticket, String type, String text) {
        return t.bot.store.ticket(ticket).orElseThrow().events().stream().map(TicketEvent.class::cast)
                .anyMatch(e -> e.type().label().equals(type) && (text == null || e.text() != null && e.text().contains(text)));
    }

    @Test
    void editsAndDeletionsReachTheOtherSide() throws Exception {
        fake = FakeDiscord.start();
        t = new DiscordTestBot(dir, fake, null);
        fake.directMessage(USER, "I want to talk to a human about my frozen account");
        long dm = fake.dmChannelId(USER);
        long ticket = claim();
        long staff = staffThread(ticket);

        // The user's edit and deletion in the DM.
        long said = fake.directMessage(USER, "my account id is 12345");
        fake.awaitSent(s -> s.channelId() == staff && s.content().contains("my account id is 12345"), WAIT);
        fake.userEdit(said, "my account id is 67890");
        fake.awaitSent(s -> s.channelId() == staff && s.content().contains("(edited) my account id is 67890"), WAIT);
        assertTrue(hasEvent(ticket, "user-message", "(edited) my account id is 67890"));
        fake.userDelete(said);
        fake.awaitSent(s -> s.channelId() == staff && s.content().contains("deleted their message"), WAIT);
        assertTrue(hasEvent(ticket, "user-deleted", null));

        // The agent's reply, edited through a rate limit, then deleted: the user's copy follows.
        long reply = fake.userMessage(staff, AGENT, "Please restart the app");
        var copy = fake.awaitSent(s -> s.channelId() == dm && s.content().contains("Please restart the app"), WAIT);
        fake.awaitCondition(() -> t.bot.store.surfaceState(DiscordEdits.RELAY + reply, DiscordEdits.RelayedCopy.class)
                .isPresent(), WAIT, "the copy recorded against the staff message");
        fake.rateLimitNext("PATCH", "channels/" + dm + "/messages/\\d+", 0.5);
        fake.userEdit(reply, "Please update the app, then restart it");
        fake.awaitCondition(() -> String.valueOf(fake.contentOf(copy.messageId())).contains("Please update the app"),
                WAIT, "the user's copy edited");
        String edited = fake.contentOf(copy.messageId());
        assertTrue(edited.startsWith(copy.content().substring(0, copy.content().indexOf("Please"))),
                "the agent's name stays in front: " + edited);
        assertFalse(fake.rateLimited().isEmpty(), "the edit went through a 429");
        fake.awaitCondition(() -> hasEvent(ticket, "reply-edited", "Please update the app"), WAIT, "the edit in the ticket");

        // A phrase typed into an edit is deleted from the staff thread and never reaches the user.
        long second = fake.userMessage(staff, AGENT, "Here is the next step");
        var secondCopy = fake.awaitSent(s -> s.channelId() == dm && s.content().contains("Here is the next step"), WAIT);
        fake.awaitCondition(() -> t.bot.store.surfaceState(DiscordEdits.RELAY + second, DiscordEdits.RelayedCopy.class)
                .isPresent(), WAIT, "the second copy recorded");
        fake.userEdit(second, PHRASE);
        fake.awaitCondition(() -> fake.contentOf(second) == null, WAIT, "the staff message with the phrase deleted");
        fake.awaitSent(s -> s.channelId() == staff && s.content().contains("the user keeps the earlier wording"), WAIT);
        assertEquals(secondCopy.content(), fake.contentOf(secondCopy.messageId()));
        assertTrue(fake.sent().stream().noneMatch(s -> s.channelId() == dm && s.content().contains(PHRASE)));

        fake.userDelete(reply);
        fake.awaitCondition(() -> fake.contentOf(copy.messageId()) == null, WAIT, "the user's copy deleted");
        fake.awaitCondition(() -> hasEvent(ticket, "reply-deleted", null), WAIT, "the deletion in the ticket");
        fake.awaitSent(s -> s.channelId() == staff && s.content().contains("deleted their reply"), WAIT);
        assertNull(fake.contentOf(copy.messageId()));
    }
}
