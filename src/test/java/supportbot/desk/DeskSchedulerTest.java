package supportbot.desk;

import supportbot.ticket.Ticket;
import supportbot.ticket.TicketEvent;
import supportbot.ticket.TicketStatus;
import supportbot.ticket.Tier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.channel.Inbox;
import supportbot.dialogue.DialogueEngine;
import supportbot.dialogue.EngineHarness;
import supportbot.dialogue.Inbound;
import supportbot.dialogue.details.DetailParsers;
import supportbot.faq.Lang;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;

/** Follow-ups, SLA escalation, reminders and auto-close, driven minute by minute with a test clock. */
class DeskSchedulerTest {
    /** Wednesday 14:00 in Shanghai; the desk (config/desk.yaml) is open 09:00-21:00. */
    private static final Instant OPENED = EngineHarness.NOW;
    private static final String USER = "web:u1";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(OPENED);
    private Store store;
    private GroupCommitter committer;
    private Inbox inbox;
    private DeskScheduler scheduler;
    private DeskService desk;
    private int messageId;

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeEach
    void start() {
        DeskSettings settings = new DeskSettingsLoader().load(Path.of("config", "desk.yaml"));
        store = Store.open(dir);
        committer = new GroupCommitter(store);
        var queue = new DeskQueue(store, settings, clock);
        var engine = new DialogueEngine(EngineHarness.DATA, new EngineHarness.StubFaq(),
                new DetailParsers(EngineHarness.DATA.details(), clock), new StoreTickets(store, queue), clock, Lang.EN);
        inbox = new Inbox(store, committer, engine, EngineHarness.DATA.messages(), 2, Set.of());
        scheduler = new DeskScheduler(store, committer, inbox, settings, queue, clock);
        var agents = new AgentDirectory(List.of(new Agent("alice", Role.AGENT, AgentDirectory.sha256("t"))));
        desk = new DeskService(store, committer, inbox, agents, clock);
    }

    @AfterEach
    void stop() {
        inbox.close();
        committer.close();
        store.close();
    }

    private void userSays(String text) {
        inbox.submit(Inbound.text("web", USER, USER, text, "m" + ++messageId, clock.now)).join();
    }

    private Ticket ticket() {
        return store.tickets().get(0);
    }

    private void at(Duration sinceOpened) {
        clock.now = OPENED.plus(sinceOpened);
    }

    private String lastBotLine() {
        var lines = store.transcript(USER, 0);
        return lines.get(lines.size() - 1).text();
    }

    @Test
    void aQueuedUserHearsOnceAfterThirtyQuietMinutesAndTheSlaEscalatesAtTheDueMinute() {
        userSays("talk to a human");
        assertEquals(3, ticket().draft().priority(), "'other' is priority 3: first response within 4 open hours");

        at(Duration.ofMinutes(29));
        assertEquals(0, scheduler.tick());
        at(Duration.ofMinutes(30));
        assertEquals(1, scheduler.tick());
        assertTrue(lastBotLine().contains("still in the queue"), lastBotLine());
        at(Duration.ofMinutes(90));
        assertEquals(0, scheduler.tick(), "one follow-up per quiet spell");

        at(Duration.ofHours(4).minusMinutes(1));
        assertEquals(0, scheduler.tick(), "not before the due minute");
        assertEquals(Tier.AGENT, ticket().tier());
        at(Duration.ofHours(4));
        assertEquals(1, scheduler.tick());
        assertEquals(Tier.SUPERVISOR, ticket().tier());
        assertTrue(ticket().events().stream().anyMatch(e -> e.type() == TicketEvent.Type.SLA_BREACH && e.text().equals("FIRST_RESPONSE")));
        assertTrue(lastBotLine().contains("longer than we promised"), lastBotLine());
        at(Duration.ofHours(4).plusMinutes(1));
        scheduler.tick();
        assertEquals(1, ticket().events().stream().filter(e -> e.type() == TicketEvent.Type.SLA_BREACH).count(), "recorded once");
    }

    @Test
    void aTicketOpenedAtNightHasItsClockStartWhenTheDeskOpens() {
        clock.now = Instant.parse("2026-11-25T15:00:00Z"); // 23:00 in Shanghai, desk closed
        userSays("talk to a human");
        String handoff = lastBotLine();
        assertTrue(handoff.contains("ticket #"), handoff);
        assertTrue(handoff.contains("off duty") && handoff.contains("11-26 09:00"), "offline notice with the opening time: " + handoff);
        clock.now = Instant.parse("2026-11-26T04:59:00Z"); // 12:59 next day: 3h59m of open time
        scheduler.tick();
        assertEquals(Tier.AGENT, ticket().tier());
        clock.now = Instant.parse("2026-11-26T05:00:00Z"); // 13:00: four open hours since 09:00
        scheduler.tick();
        assertEquals(Tier.SUPERVISOR, ticket().tier());
    }

    @Test
    void aUserWhoStopsAnsweringIsRemindedOnceThenClosedAndWritingAgainReopens() {
        userSays("talk to a human");
        long id = ticket().number();
        at(Duration.ofMinutes(10));
        desk.act(new Agent("alice", Role.AGENT, "x"), id, new DeskAction.Claim());
        desk.act(new Agent("alice", Role.AGENT, "x"), id, new DeskAction.Reply("Which app version?"));
        assertEquals(TicketStatus.WAITING_USER, ticket().status());

        at(Duration.ofMinutes(10).plusDays(1).minusMinutes(1));
        assertEquals(0, scheduler.tick());
        at(Duration.ofMinutes(10).plusDays(1));
        assertEquals(1, scheduler.tick());
        assertTrue(lastBotLine().contains("waiting for your answer"), lastBotLine());
        at(Duration.ofMinutes(10).plusDays(2));
        assertEquals(0, scheduler.tick(), "one reminder");

        at(Duration.ofMinutes(10).plusDays(3));
        assertEquals(1, scheduler.tick());
        assertEquals(TicketStatus.CLOSED, ticket().status());
        assertTrue(lastBotLine().contains("closed"), lastBotLine());
        assertEquals(0, scheduler.tick(), "closed tickets are left alone");

        userSays("sorry, it is version 5.2.1");
        assertEquals(TicketStatus.ASSIGNED, ticket().status());
        assertEquals("alice", ticket().assignee());
        assertTrue(lastBotLine().contains("open again"), lastBotLine());
    }
}
