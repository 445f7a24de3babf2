package supportbot.channel.discord;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.desk.Agent;
import supportbot.desk.DeskAction;
import supportbot.desk.Role;
import supportbot.safety.TestPhrases;

/**
 * Transcripts on Discord: on resolve the staff thread keeps one, and the user gets one from the button beside the
 * stars (buttons, not a menu) or from /transcript; a phrase the user sent is never in the file.
 */
class DiscordTranscriptTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long USER = FakeDiscord.CUSTOMER_ID;
    private static final String PHRASE = String.join(" ", TestPhrases.words("english", 12, 93));

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

    private static boolean hasFile(FakeDiscord.Sent s, String name) {
        return s.files().stream().anyMatch(f -> f.filename().endsWith(name));
    }

    private static String file(FakeDiscord.Sent s, String name) {
        return s.files().stream().filter(f -> f.filename().endsWith(name)).findFirst().orElseThrow().text();
    }

    @Test
    void theStaffThreadKeepsATranscriptAndTheUserGetsOneOnRequest() throws Exception {
        fake = FakeDiscord.start();
        t = new DiscordTestBot(dir, fake, null);
        fake.directMessage(USER, "I want to talk to a human about my frozen account");
        long dm = fake.dmChannelId(USER);
        var card = fake.awaitSent(s -> !s.embeds().isEmpty() && s.customIds().stream().anyMatch(id -> id.startsWith("desk:claim:")),
                WAIT);
        long staff = card.channelId();
        long number = supportbot.channel.StaffFeed.ticketOf(t.bot.store, DiscordStaffSurface.NAME, staff).orElseThrow();
        fake.directMessage(USER, "my wallet shows zero since Monday");
        fake.directMessage(USER, PHRASE);
        fake.awaitSent(s -> s.channelId() == staff && s.content().contains("since Monday"), WAIT);

        t.bot.desk.attempt(new Agent("alice", Role.SUPERVISOR, null), number, new DeskAction.Resolve()).ifPresent(e -> {
            throw new AssertionError(e);
        });
        var kept = fake.awaitSent(s -> s.channelId() == staff && hasFile(s, "transcript-" + number + ".txt"), WAIT);
        String staffCopy = file(kept, "transcript-" + number + ".txt");
        assertTrue(staffCopy.contains("my wallet shows zero since Monday"), staffCopy);
        assertFalse(staffCopy.contains(PHRASE.split(" ")[3] + " " + PHRASE.split(" ")[4]), "no phrase in the file");

        var stars = fake.awaitSent(s -> s.channelId() == dm && DiscordFlowsTest.payloads(s).contains("transcript"), WAIT);
        assertTrue(stars.customIds().stream().anyMatch(id -> id.startsWith("rate:5~")), "the stars stay buttons");
        String pressed = stars.customIds().stream().filter(id -> id.startsWith("transcript~")).findFirst().orElseThrow();
        fake.buttonPress(dm, USER, stars.messageId(), pressed);
        var mine = fake.awaitSent(s -> s.channelId() == dm && hasFile(s, "transcript.txt"), WAIT);
        String text = file(mine, "transcript.txt");
        assertTrue(text.startsWith("Your conversation with support"), text);
        assertTrue(text.contains("my wallet shows zero since Monday"));
        assertFalse(text.contains(PHRASE.split(" ")[3] + " " + PHRASE.split(" ")[4]), "no phrase in the file");

        fake.slashCommand(dm, USER, "transcript", Map.of());
        fake.awaitCondition(() -> fake.sentTo(dm).stream().filter(s -> hasFile(s, "transcript.txt")).count() == 2, WAIT,
                "a second transcript on /transcript");
    }
}
