package supportbot.channel.discord;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static supportbot.channel.discord.DiscordFlowsTest.WAIT;
import static supportbot.channel.discord.DiscordFlowsTest.payloads;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.dialogue.Phase;

/** The staff card says who the user is on Discord: global name, username and id; literal, no ping, gone after /forget. */
class DiscordCardNamesUserTest {
    private static final long USER = FakeDiscord.CUSTOMER_ID; // username "alice" in the fake's guild
    private static final String HUMAN = "I want to talk to a human about my account";

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

    private void start() throws Exception {
        fake = FakeDiscord.start();
        t = new DiscordTestBot(dir, fake, null);
    }

    private FakeDiscord.Sent card() {
        String key = DiscordKeys.dm(USER);
        fake.awaitCondition(() -> t.bot.store.conversation(key).map(c -> c.phase() == Phase.WITH_TICKET).orElse(false),
                WAIT, "ticket open");
        long number = t.bot.store.conversation(key).orElseThrow().ticketNumber();
        return fake.awaitSent(s -> !s.embeds().isEmpty() && payloads(s).contains("desk:claim:" + number), WAIT);
    }

    private static String description(FakeDiscord.Sent card) {
        return card.embeds().get(0).path("description").asText();
    }

    @Test
    void theCardNamesTheUserWithMarkdownShownLiterallyAndNoPing() throws Exception {
        start();
        fake.globalName(USER, "**Bob** _the_ `coder`");
        fake.directMessage(USER, HUMAN);
        var card = card();
        String text = description(card);
        assertTrue(text.contains("User: \\*\\*Bob\\*\\* \\_the\\_ \\`coder\\` (@alice, id " + USER + ") · <@" + USER + ">"),
                text);
        assertTrue(card.body().path("allowed_mentions").path("parse").isArray()
                && card.body().path("allowed_mentions").path("parse").isEmpty(), "the mention in the card pings no one");
    }

    @Test
    void aUserWithoutGlobalNameIsNamedByUsername() throws Exception {
        start();
        fake.directMessage(USER, HUMAN);
        String text = description(card());
        assertTrue(text.contains("User: alice (@alice, id " + USER + ")"), text);
    }

    @Test
    void afterForgetTheCardNoLongerNamesTheUser() throws Exception {
        start();
        fake.globalName(USER, "Carol Forgetme");
        fake.directMessage(USER, HUMAN);
        var card = card();
        assertTrue(description(card).contains("Carol Forgetme"), description(card));

        fake.directMessage(USER, "/forget");
        long dm = fake.dmChannelId(USER);
        var prompt = fake.awaitSent(s -> s.channelId() == dm && payloads(s).contains("forget:yes"), WAIT);
        String yes = prompt.customIds().stream().filter(id -> id.startsWith("forget:yes~")).findFirst().orElseThrow();
        fake.buttonPress(dm, USER, prompt.messageId(), yes);
        fake.awaitCondition(() -> fake.edits().stream().anyMatch(e -> e.messageId() == card.messageId()
                && e.body().path("embeds").path(0).path("description").isTextual()
                && !e.body().path("embeds").path(0).path("description").asText().contains("User:")), WAIT,
                "the card drawn again without the user");
        var last = fake.edits().stream().filter(e -> e.messageId() == card.messageId()).reduce((a, b) -> b).orElseThrow();
        String after = last.body().path("embeds").path(0).toString();
        assertFalse(after.contains("Carol") || after.contains("alice") || after.contains("<@" + USER + ">"), after);
        fake.awaitCondition(() -> t.bot.store.stored(DiscordKeys.dm(USER)).map(c -> c.contact() == null).orElse(true), WAIT,
                "the stored conversation without the name");
        assertNull(t.bot.store.stored(DiscordKeys.dm(USER)).map(c -> c.contact()).orElse(null));
    }
}
