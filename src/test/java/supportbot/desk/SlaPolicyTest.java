package supportbot.desk;

import supportbot.ticket.Ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static supportbot.desk.TestTickets.SHANGHAI;
import static supportbot.desk.TestTickets.event;
import static supportbot.desk.TestTickets.reply;
import static supportbot.desk.TestTickets.sh;
import static supportbot.desk.TestTickets.ticket;
import static supportbot.desk.TestTickets.userMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import supportbot.desk.SlaStatus.BreachKind;

class SlaPolicyTest {
    private static final ServiceHours HOURS = ServiceHoursTest.everyDay(SHANGHAI, "09:00-21:00");
    // The shipped defaults: priority 1 around the clock, the rest in business hours.
    private static final SlaPolicy POLICY = new SlaPolicy(Map.of(
            1, targets("15m", "30m", "4h", false),
            2, targets("1h", "2h", "1d", true),
            3, targets("4h", "6h", "2d", true),
            4, targets("1d", "1d", "5d", true)), HOURS);
    // Monday 10:00 in Shanghai, desk open.
    private static final Instant OPENED = sh("2026-06-01T10:00");

    private static SlaPolicy.Targets targets(String first, String next, String resolution, boolean businessHoursOnly) {
        return new SlaPolicy.Targets(DurationText.parse(first), DurationText.parse(next), DurationText.parse(resolution),
                businessHoursOnly);
    }

    @Nested
    class FirstResponse {
        @Test
        void breachedExactlyAtTheDueMinuteAndNotOneMinuteBefore() {
            Ticket t = ticket(1, OPENED);
            SlaStatus before = POLICY.evaluate(t, sh("2026-06-01T10:14"));
            assertEquals(sh("2026-06-01T10:15"), before.firstResponseDue());
            assertFalse(before.breached());
            assertEquals(Optional.empty(), before.breach());

            SlaStatus at = POLICY.evaluate(t, sh("2026-06-01T10:15"));
            assertEquals(Set.of(BreachKind.FIRST_RESPONSE), at.breaches());
            assertEquals(Optional.of(BreachKind.FIRST_RESPONSE), at.breach());
        }

        @Test
        void aReplyInTimeStopsTheClock() {
            Ticket t = ticket(1, OPENED, event("claimed", sh("2026-06-01T10:02")), reply(sh("2026-06-01T10:10")));
            SlaStatus s = POLICY.evaluate(t, sh("2026-06-01T12:00"));
            assertEquals(sh("2026-06-01T10:10"), s.firstRespondedAt());
            assertFalse(s.breached(BreachKind.FIRST_RESPONSE));
            assertFalse(s.breached());
        }

        @Test
        void claimsAndNotesAreNotResponses() {
            Ticket t = ticket(1, OPENED, event("claimed", sh("2026-06-01T10:01")), event("note", sh("2026-06-01T10:05")),
                    event("transferred", sh("2026-06-01T10:06")));
            SlaStatus s = POLICY.evaluate(t, sh("2026-06-01T10:20"));
            assertNull(s.firstRespondedAt());
            assertTrue(s.breached(BreachKind.FIRST_RESPONSE));
        }

        @Test
        void aLateReplyRemainsABreach() {
            Ticket t = ticket(1, OPENED, reply(sh("2026-06-01T10:20")));
            assertTrue(POLICY.evaluate(t, sh("2026-06-01T11:00")).breached(BreachKind.FIRST_RESPONSE));
        }

        @Test
        void judgedAsOfNowARepliedTicketWasStillLateEarlier() {
            Ticket t = ticket(1, OPENED, reply(sh("2026-06-01T10:20")));
            SlaStatus earlier = POLICY.evaluate(t, sh("2026-06-01T10:16"));
            assertNull(earlier.firstRespondedAt(), "the reply has not happened yet at 10:16");
            assertTrue(earlier.breached(BreachKind.FIRST_RESPONSE));
            assertFalse(POLICY.evaluate(t, sh("2026-06-01T10:14")).breached());
        }

        @Test
        void priorityChoosesTheTarget() {
            assertEquals(sh("2026-06-01T10:15"), POLICY.evaluate(ticket(1, OPENED), OPENED).firstResponseDue());
            assertEquals(sh("2026-06-01T11:00"), POLICY.evaluate(ticket(2, OPENED), OPENED).firstResponseDue());
            assertEquals(sh("2026-06-01T14:00"), POLICY.evaluate(ticket(3, OPENED), OPENED).firstResponseDue());
            // 1d of business time = 24 open hours = two 12-hour days.
            assertEquals(sh("2026-06-03T10:00"), POLICY.evaluate(ticket(4, OPENED), OPENED).firstResponseDue());

            Instant noon = sh("2026-06-01T12:00");
            assertTrue(POLICY.evaluate(ticket(1, OPENED), noon).breached(BreachKind.FIRST_RESPONSE));
            assertTrue(POLICY.evaluate(ticket(2, OPENED), noon).breached(BreachKind.FIRST_RESPONSE));
            assertFalse(POLICY.evaluate(ticket(3, OPENED), noon).breached());
            assertFalse(POLICY.evaluate(ticket(4, OPENED), noon).breached());
        }
    }

    @Nested
    class NextResponse {
        @Test
        void notWaitingBeforeTheFirstReplyNorAfterAnAnswer() {
            Ticket waitingForFirst = ticket(1, OPENED, userMessage(sh("2026-06-01T10:05")));
            assertNull(POLICY.evaluate(waitingForFirst, sh("2026-06-01T10:06")).nextResponseDue());

            Ticket answered = ticket(1, OPENED, reply(sh("2026-06-01T10:05")), userMessage(sh("2026-06-01T10:30")),
                    reply(sh("2026-06-01T10:40")));
            SlaStatus s = POLICY.evaluate(answered, sh("2026-06-01T12:00"));
            assertNull(s.nextResponseDue());
            assertFalse(s.breached());
        }

        @Test
        void dueFromTheOldestUnansweredMessage() {
            Ticket t = ticket(1, OPENED, reply(sh("2026-06-01T10:05")), userMessage(sh("2026-06-01T10:30")),
                    userMessage(sh("2026-06-01T10:45")), event("note", sh("2026-06-01T10:50")));
            SlaStatus before = POLICY.evaluate(t, sh("2026-06-01T10:59"));
            assertEquals(sh("2026-06-01T11:00"), before.nextResponseDue());
            assertFalse(before.breached());

            SlaStatus at = POLICY.evaluate(t, sh("2026-06-01T11:00"));
            assertEquals(Set.of(BreachKind.NEXT_RESPONSE), at.breaches());
            assertEquals(Optional.of(BreachKind.NEXT_RESPONSE), at.breach());
        }

        @Test
        void aNewMessageAfterAReplyStartsANewClock() {
            Ticket t = ticket(1, OPENED, reply(sh("2026-06-01T10:05")), userMessage(sh("2026-06-01T10:30")),
                    reply(sh("2026-06-01T10:50")), userMessage(sh("2026-06-01T11:10")));
            SlaStatus s = POLICY.evaluate(t, sh("2026-06-01T11:20"));
            assertEquals(sh("2026-06-01T11:40"), s.nextResponseDue());
            assertFalse(s.breached());
        }

        @Test
        void aMessageAfterResolvingIsNotWaitingOnAnAgent() {
            Ticket t = ticket(1, OPENED, reply(sh("2026-06-01T10:05")), event("resolved", sh("2026-06-01T10:20")),
                    userMessage(sh("2026-06-01T10:25")));
            SlaStatus s = POLICY.evaluate(t, sh("2026-06-01T18:00"));
            assertNull(s.nextResponseDue());
            assertFalse(s.breached());
        }

        @Test
        void businessHoursClockPausesOverNight() {
            // Priority 2: the user writes at 20:30, with 30 open minutes left; 1h30 more the next morning.
            Ticket t = ticket(2, OPENED, reply(sh("2026-06-01T10:30")), userMessage(sh("2026-06-01T20:30")));
            assertEquals(sh("2026-06-02T10:30"), POLICY.evaluate(t, sh("2026-06-01T20:31")).nextResponseDue());
            assertFalse(POLICY.evaluate(t, sh("2026-06-02T10:29")).breached());
            assertTrue(POLICY.evaluate(t, sh("2026-06-02T10:30")).breached(BreachKind.NEXT_RESPONSE));
        }
    }

    @Nested
    class Resolution {
        @Test
        void breachedWhenNotResolvedInTime() {
            Ticket t = ticket(1, OPENED, reply(sh("2026-06-01T10:05")));
            SlaStatus before = POLICY.evaluate(t, sh("2026-06-01T13:59"));
            assertEquals(sh("2026-06-01T14:00"), before.resolutionDue());
            assertFalse(before.breached());
            assertEquals(Set.of(BreachKind.RESOLUTION), POLICY.evaluate(t, sh("2026-06-01T14:00")).breaches());
        }

        @Test
        void resolvedInTimeIsNoBreachLaterOn() {
            Ticket t = ticket(1, OPENED, reply(sh("2026-06-01T10:05")), event("resolved", sh("2026-06-01T13:00")));
            SlaStatus s = POLICY.evaluate(t, sh("2026-06-02T10:00"));
            assertEquals(sh("2026-06-01T13:00"), s.resolvedAt());
            assertFalse(s.breached());
        }

        @Test
        void aResolvedTicketKeepsTheVerdictOfItsResolveTimeInsteadOfCountingOn() {
            Ticket t = ticket(1, OPENED, reply(sh("2026-06-01T10:05")), event("resolved", sh("2026-06-01T13:50")));
            // Judged long after the deadline, the ticket still shows how it ended: met with 10 minutes to spare.
            SlaStatus s = POLICY.evaluate(t, sh("2026-06-03T10:00"));
            assertEquals(Optional.of(new SlaStatus.Outcome(true, Duration.ofMinutes(10))), s.outcome());
            assertEquals(Optional.empty(), POLICY.evaluate(t, sh("2026-06-01T13:00")).outcome());
        }

        @Test
        void aLateResolutionIsMissedByHowLateItWas() {
            Ticket t = ticket(1, OPENED, reply(sh("2026-06-01T10:05")), event("resolved", sh("2026-06-01T14:25")));
            assertEquals(Optional.of(new SlaStatus.Outcome(false, Duration.ofMinutes(25))),
                    POLICY.evaluate(t, sh("2026-06-05T10:00")).outcome());
        }

        @Test
        void resolvedWithoutAReplyStopsTheFirstResponseClockToo() {
            Ticket t = ticket(1, OPENED, event("resolved", sh("2026-06-01T10:10")));
            SlaStatus s = POLICY.evaluate(t, sh("2026-06-02T10:00"));
            assertFalse(s.breached());
            assertEquals(Optional.of(new SlaStatus.Outcome(true, Duration.ofMinutes(230))), s.outcome());
        }

        @Test
        void reopeningRestartsTheClock() {
            Ticket t = ticket(1, OPENED, reply(sh("2026-06-01T10:05")), event("resolved", sh("2026-06-01T13:00")),
                    event("reopened", sh("2026-06-01T16:00")));
            SlaStatus before = POLICY.evaluate(t, sh("2026-06-01T19:59"));
            assertEquals(sh("2026-06-01T20:00"), before.resolutionDue());
            assertNull(before.resolvedAt());
            assertFalse(before.breached());
            assertEquals(Set.of(BreachKind.RESOLUTION), POLICY.evaluate(t, sh("2026-06-01T20:00")).breaches());
        }

        @Test
        void aLateResolutionAfterReopeningIsABreachAndAnEarlierLateOneIsForgiven() {
            Ticket lateThenReopened = ticket(1, OPENED, reply(sh("2026-06-01T10:05")), event("resolved", sh("2026-06-01T15:00")),
                    event("reopened", sh("2026-06-01T16:00")), event("resolved", sh("2026-06-01T17:00")));
            assertFalse(POLICY.evaluate(lateThenReopened, sh("2026-06-02T10:00")).breached());

            Ticket lateAgain = ticket(1, OPENED, reply(sh("2026-06-01T10:05")), event("resolved", sh("2026-06-01T13:00")),
                    event("reopened", sh("2026-06-01T16:00")), event("resolved", sh("2026-06-01T20:30")));
            assertEquals(Set.of(BreachKind.RESOLUTION), POLICY.evaluate(lateAgain, sh("2026-06-02T10:00")).breaches());
        }

        @Test
        void businessHoursResolutionCountsOpenHoursOnly() {
            // Priority 2, 1d = 24 open hours: Monday 10:00 -> Wednesday 10:00.
            Ticket t = ticket(2, OPENED, reply(sh("2026-06-01T10:30")));
            assertEquals(sh("2026-06-03T10:00"), POLICY.evaluate(t, sh("2026-06-02T12:00")).resolutionDue());
            assertFalse(POLICY.evaluate(t, sh("2026-06-03T09:59")).breached());
            assertTrue(POLICY.evaluate(t, sh("2026-06-03T10:00")).breached(BreachKind.RESOLUTION));
        }
    }

    @Nested
    class BusinessHoursOverNight {
        @Test
        void ticketOpenedInTheEveningIsDueNextMorning() {
            Instant evening = sh("2026-06-01T20:30");
            SlaStatus s = POLICY.evaluate(ticket(2, evening), sh("2026-06-02T09:29"));
            assertEquals(sh("2026-06-02T09:30"), s.firstResponseDue());
            assertFalse(s.breached());
            assertTrue(POLICY.evaluate(ticket(2, evening), sh("2026-06-02T09:30")).breached(BreachKind.FIRST_RESPONSE));
        }

        @Test
        void urgentTicketsDoNotWaitForTheMorning() {
            Instant evening = sh("2026-06-01T20:30");
            SlaStatus s = POLICY.evaluate(ticket(1, evening), sh("2026-06-01T20:45"));
            assertEquals(sh("2026-06-01T20:45"), s.firstResponseDue());
            assertTrue(s.breached(BreachKind.FIRST_RESPONSE));
        }

        @Test
        void ticketOpenedAtNightStartsItsClockAtOpening() {
            SlaStatus s = POLICY.evaluate(ticket(2, sh("2026-06-02T03:00")), sh("2026-06-02T09:59"));
            assertEquals(sh("2026-06-02T10:00"), s.firstResponseDue());
            assertFalse(s.breached());
        }
    }

    @Test
    void severalBreachesAreReportedAndTheOldestComesFirst() {
        Ticket t = ticket(1, OPENED);
        SlaStatus s = POLICY.evaluate(t, sh("2026-06-01T15:00"));
        assertEquals(Set.of(BreachKind.FIRST_RESPONSE, BreachKind.RESOLUTION), s.breaches());
        assertEquals(Optional.of(BreachKind.FIRST_RESPONSE), s.breach());
        assertEquals(s.resolutionDue(), s.due(BreachKind.RESOLUTION));
    }

    @Test
    void unknownPriorityIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> POLICY.evaluate(ticket(5, OPENED), OPENED));
        assertTrue(e.getMessage().contains("priority"), e.getMessage());
    }

    @Test
    void everyPriorityNeedsTargets() {
        assertThrows(IllegalArgumentException.class, () -> new SlaPolicy(Map.of(1, targets("15m", "30m", "4h", false)), HOURS));
        assertThrows(IllegalArgumentException.class, () -> targets("0m", "30m", "4h", false));
    }

    @Test
    void targetsAreTheConfiguredOnes() {
        assertEquals(Duration.ofMinutes(15), POLICY.targetsFor(1).firstResponse());
        assertFalse(POLICY.targetsFor(1).businessHoursOnly());
        assertTrue(POLICY.targetsFor(4).businessHoursOnly());
    }
}
