package supportbot.channel.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import supportbot.desk.Agent;
import supportbot.desk.DeskAction;
import supportbot.desk.Role;

/**
 * Threads that last: users' threads private and not invitable, settled tickets' threads archived, reopened
 * tickets back in their own thread, and Discord's active thread limit (code 160006) met by archiving the
 * longest-settled threads of the bot, never anyone else's, then trying again.
 */
class DiscordThreadLimitTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long USER_A = FakeDiscord.CUSTOMER_ID;
    private static final long USER_B = 700000000000000051L;
    private static final long USER_C = 700000000000000052L;
    private static final Agent SUPERVISOR = new Agent("alice", Role.SUPERVISOR, null);

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

    /** The id of the thread the bot made whose name starts so, once it exists. */
    private long thread(String namePrefix) {
        JsonNode[] found = new JsonNode[1];
        fake.awaitCondition(() -> {
            found[0] = fake.threadsCreated().stream().filter(j -> j.path("name").asText().startsWith(namePrefix))
                    .findFirst().orElse(null);
            return found[0] != null;
        }, WAIT, "a thread named " + namePrefix);
        return found[0].path("id").asLong();
    }

    private long ticketOf(long staffThread) {
        fake.awaitCondition(() -> supportbot.channel.StaffFeed.ticketOf(t.bot.store, DiscordStaffSurface.NAME, staffThread)
                .isPresent(), WAIT, "the staff thread recorded");
        return supportbot.channel.StaffFeed.ticketOf(t.bot.store, DiscordStaffSurface.NAME, staffThread).orElseThrow();
    }

    @ParameterizedTest(name = "active thread limit {0}")
    @ValueSource(ints = {6, 1000})
    void atTheLimitSettledThreadsOfTheBotAreArchivedFirstAndAReopenedTicketGetsItsThreadBack(int limit) throws Exception {
        fake = FakeDiscord.start().activeThreadLimit(limit);
        fake.addMember(USER_B, "bea").addMember(USER_C, "cai");
        var foreign = new ArrayList<Long>();
        for (int i = 0; i < limit - 4; i++) {
            foreign.add(fake.foreignThread(FakeDiscord.SUPPORT_CHANNEL_ID, "community thread " + i));
        }
        t = new DiscordTestBot(dir, fake, null);

        fake.userMessage(FakeDiscord.SUPPORT_CHANNEL_ID, USER_A, "I want to talk to a human about my frozen account");
        long threadA = thread("support · ");
        assertTrue(fake.privateThread(threadA) && !fake.invitable(threadA), "a user's thread is private and not invitable");
        long staff1 = thread("#");
        long ticket1 = ticketOf(staff1);

        assertEquals(java.util.Optional.empty(), t.bot.desk.attempt(SUPERVISOR, ticket1, new DeskAction.Resolve()));
        fake.awaitCondition(() -> fake.archived(staff1), WAIT, "the resolved ticket's thread archived");
        assertFalse(fake.archived(threadA), "the user's thread stays for the rating and the transcript");

        fake.userMessage(FakeDiscord.SUPPORT_CHANNEL_ID, USER_B, "I want to talk to a human about my frozen account");
        fake.awaitCondition(() -> fake.threadsCreated().size() == 4, WAIT, "B's thread and ticket #2's staff thread");
        long threadB = fake.threadsCreated().get(2).path("id").asLong();
        long staff2 = fake.threadsCreated().get(3).path("id").asLong();
        fake.awaitCondition(() -> fake.sentTo(staff2).stream().anyMatch(s -> !s.embeds().isEmpty()), WAIT, "ticket #2's card");
        assertEquals(limit - 1, fake.activeThreads(FakeDiscord.GUILD_ID));

        // C's message fills the server; D's finds it full: A's thread (its ticket resolved) makes room.
        fake.userMessage(FakeDiscord.SUPPORT_CHANNEL_ID, USER_C, "hello");
        fake.awaitCondition(() -> fake.threadsCreated().size() == 5, WAIT, "C's thread");
        long threadC = fake.threadsCreated().get(4).path("id").asLong();
        fake.awaitSent(s -> s.channelId() == threadC, WAIT);
        assertEquals(limit, fake.activeThreads(FakeDiscord.GUILD_ID));
        long userD = 700000000000000053L;
        fake.addMember(userD, "dan");
        fake.userMessage(FakeDiscord.SUPPORT_CHANNEL_ID, userD, "hello");
        fake.awaitCondition(() -> fake.threadsCreated().size() == 6, WAIT, "D's thread, after making room");
        long threadD = fake.threadsCreated().get(5).path("id").asLong();
        fake.awaitSent(s -> s.channelId() == threadD, WAIT);
        assertTrue(fake.archived(threadA), "the thread of the resolved ticket was archived to make room");
        assertFalse(fake.archived(threadB) || fake.archived(staff2), "threads of open tickets stay active");
        assertTrue(foreign.stream().noneMatch(fake::archived), "other people's threads are never touched");
        assertTrue(fake.activeThreads(FakeDiscord.GUILD_ID) <= limit);

        // Reopening #1 unarchives its own thread (making room again), never a new one.
        assertEquals(java.util.Optional.empty(), t.bot.desk.attempt(SUPERVISOR, ticket1, new DeskAction.Reopen()));
        fake.awaitCondition(() -> !fake.archived(staff1), WAIT, "the reopened ticket's thread unarchived");
        fake.awaitSent(s -> s.channelId() == staff1 && s.content() != null && s.content().contains("reopened"), WAIT);
        assertEquals(6, fake.threadsCreated().size(), "no new thread for a reopened ticket");
        assertTrue(fake.activeThreads(FakeDiscord.GUILD_ID) <= limit);
        List<Long> archivedForRoom = List.of(threadA, threadC, threadD).stream().filter(fake::archived).toList();
        assertFalse(archivedForRoom.isEmpty());
        assertFalse(fake.archived(threadB) || fake.archived(staff2));

        // A user whose thread was archived comes back to the same thread.
        fake.awaitCondition(() -> fake.sentTo(threadA).stream().anyMatch(s -> s.content().contains("#" + ticket1 + " is open again")), WAIT, "the user told in their own thread");
        fake.userMessage(FakeDiscord.SUPPORT_CHANNEL_ID, USER_A, "it happened again today");
        fake.awaitSent(s -> s.channelId() == staff1 && s.content().contains("it happened again today"), WAIT);
        assertEquals(6, fake.threadsCreated().size(), "the returning user's archived thread is reused");
    }
}
