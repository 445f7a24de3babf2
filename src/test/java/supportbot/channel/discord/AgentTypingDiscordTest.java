package supportbot.channel.discord;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desk's "agent is typing" reaches a Discord user as Discord's own typing indicator, through the outbox's sender. */
class AgentTypingDiscordTest {
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
    void anAgentTypingShowsDiscordsTypingIndicatorInTheUsersDm() throws Exception {
        fake = FakeDiscord.start();
        t = new DiscordTestBot(dir, fake, null);
        int before = fake.typingCount();

        t.bot.webChat.agentTyping().typing(DiscordKeys.CHANNEL, DiscordKeys.dm(FakeDiscord.CUSTOMER_ID));

        fake.awaitCondition(() -> fake.typingCount() == before + 1, Duration.ofSeconds(20), "a typing call to Discord");
    }
}
