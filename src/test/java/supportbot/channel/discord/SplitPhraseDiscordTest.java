package supportbot.channel.discord;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.dialogue.Phase;
import supportbot.safety.SecretDetector;
import supportbot.safety.TestPhrases;

/**
 * A phrase sent as 6+6 in a Discord DM while a ticket is open, with JDA against {@link FakeDiscord}: the first
 * piece, already relayed to the staff thread, is edited to the redaction marker; the user is told that a bot
 * cannot delete their DM messages and asked to delete them; the bot deletes nothing in the DM.
 */
class SplitPhraseDiscordTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long USER = FakeDiscord.CUSTOMER_ID;
    private static final List<String> WORDS = TestPhrases.words("english", 12, 401);

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

    @Test
    void theRelayedPieceIsEditedAndTheUserAskedToDeleteTheirOwn() throws Exception {
        fake = FakeDiscord.start();
        t = new DiscordTestBot(dir, fake, null);
        fake.directMessage(USER, "I want to talk to a human about my frozen account");
        String key = DiscordKeys.dm(USER);
        long dm = fake.dmChannelId(USER);
        fake.awaitCondition(() -> t.bot.store.conversation(key).map(c -> c.phase() == Phase.WITH_TICKET).orElse(false), WAIT,
                "a ticket");
        long number = t.bot.store.conversation(key).orElseThrow().ticketNumber();
        var card = fake.awaitSent(s -> !s.embeds().isEmpty() && DiscordFlowsTest.payloads(s).contains("desk:claim:" + number),
                WAIT);
        long staffThread = card.channelId();

        String first = String.join(" ", WORDS.subList(0, 6));
        fake.directMessage(USER, first);
        var relayed = fake.awaitSent(s -> s.channelId() == staffThread && s.content() != null && s.content().contains(first),
                WAIT);
        fake.directMessage(USER, String.join(" ", WORDS.subList(6, 12)));

        fake.awaitSent(s -> s.channelId() == dm && s.content() != null
                && s.content().contains("please delete those 2 messages yourself"), WAIT);
        fake.awaitCondition(() -> fake.edits().stream().anyMatch(e -> e.channelId() == staffThread
                && e.messageId() == relayed.messageId() && e.body().path("content").asText().contains(SecretDetector.REDACTION)),
                WAIT, "the staff copy edited");
        var edit = fake.edits().stream().filter(e -> e.messageId() == relayed.messageId()).toList();
        assertFalse(edit.get(edit.size() - 1).body().toString().contains(String.join(" ", WORDS.subList(0, 3))));
        assertTrue(fake.deletedMessages().stream().noneMatch(d -> d[0] == dm), "a bot cannot delete in a DM, and did not try");
        var lines = new ArrayList<String>();
        t.bot.store.transcript(key, 0).forEach(l -> lines.add(l.text()));
        assertFalse(String.join("\n", lines).contains(String.join(" ", WORDS.subList(0, 3))), "transcript");
    }
}
