package supportbot.channel.discord;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.channel.telegram.FakeBotApi;

/** Files an agent posts in the Discord staff thread reach the user on Discord and on Telegram, or the agent hears why not. */
class AgentFilesDiscordTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long USER = FakeDiscord.CUSTOMER_ID;
    private static final long AGENT = FakeDiscord.AGENT_ID;
    private static final byte[] PNG = "png-bytes-of-the-agent's-screenshot".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;
    private FakeDiscord fake;
    private DiscordTestBot t;
    private FakeBotApi telegram;

    @AfterEach
    void close() {
        if (t != null) {
            t.close();
        }
        if (fake != null) {
            fake.close();
        }
        if (telegram != null) {
            telegram.close();
        }
    }

    /** Claims the newest ticket from its card; returns the staff thread. */
    private long claimed() {
        var card = fake.awaitSent(s -> !s.embeds().isEmpty() && s.customIds().stream().anyMatch(id -> id.startsWith("desk:claim:")),
                WAIT);
        String claim = DiscordFlowsTest.payloads(card).stream().filter(p -> p.startsWith("desk:claim:")).findFirst().orElseThrow();
        long number = Long.parseLong(claim.substring("desk:claim:".length()));
        for (String id : card.customIds()) {
            if (id.startsWith(claim + "~")) {
                fake.buttonPress(card.channelId(), AGENT, card.messageId(), id);
            }
        }
        fake.awaitCondition(() -> "bob".equals(t.bot.store.ticket(number).orElseThrow().assignee()), WAIT, "claimed");
        fake.awaitCondition(() -> fake.threadMembersAdded().stream().anyMatch(m -> m[0] == card.channelId() && m[1] == AGENT),
                WAIT, "the claiming agent added to the ticket's thread");
        return card.channelId();
    }

    @Test
    void imageOnlyImageWithTextAndAnOversizedFileToADiscordUser() throws Exception {
        fake = FakeDiscord.start();
        t = new DiscordTestBot(dir, fake, null);
        fake.directMessage(USER, "I want to talk to a human about my frozen account");
        long dm = fake.dmChannelId(USER);
        long staff = claimed();

        fake.userMessage(staff, AGENT, "", FakeDiscord.file("screen.png", "image/png", PNG));
        var image = fake.awaitSent(s -> s.channelId() == dm && !s.files().isEmpty(), WAIT);
        assertTrue(image.files().get(0).filename().endsWith("screen.png"), image.files().toString());
        assertArrayEquals(PNG, image.files().get(0).bytes());

        fake.userMessage(staff, AGENT, "Here is the form to fill in", FakeDiscord.file("form.txt", "name: ____"));
        fake.awaitSent(s -> s.channelId() == dm && s.content() != null && s.content().contains("Here is the form to fill in"), WAIT);
        var form = fake.awaitSent(s -> s.channelId() == dm && s.files().stream().anyMatch(f -> f.filename().endsWith("form.txt")),
                WAIT);
        assertTrue(form.files().get(0).text().contains("name: ____"));

        byte[] big = new byte[10 * 1024 * 1024 + 1];
        Arrays.fill(big, (byte) 'x');
        fake.userMessage(staff, AGENT, "", FakeDiscord.file("huge.bin", "application/octet-stream", big));
        var notice = fake.awaitSent(s -> s.channelId() == staff && s.content() != null && s.content().contains("Not sent to the user"),
                WAIT);
        assertTrue(notice.content().contains("huge.bin") && notice.content().contains("limit"), notice.content());
        assertTrue(fake.sentTo(dm).stream().noneMatch(s -> s.files().stream().anyMatch(f -> f.filename().endsWith("huge.bin"))));
    }

    @Test
    void anAgentsImageReachesATelegramUser() throws Exception {
        fake = FakeDiscord.start();
        telegram = FakeBotApi.start("123456:TEST-token-for-the-fake-bot-api");
        t = new DiscordTestBot(dir, fake, telegram.baseUrl());
        long tgUser = 4712;
        telegram.userText(tgUser, "I want to talk to a human about my frozen account");
        long staff = claimed();
        fake.userMessage(staff, AGENT, "This screen", FakeDiscord.file("screen.png", "image/png", PNG));
        telegram.awaitSent(s -> s.chatId() == tgUser && s.text() != null && s.text().contains("This screen"), WAIT);
        telegram.awaitCondition(() -> telegram.uploads().stream().anyMatch(u -> u.chatId() == tgUser
                && u.fileName().endsWith("screen.png") && Arrays.equals(PNG, u.bytes())), WAIT, "the image on Telegram");
    }
}
