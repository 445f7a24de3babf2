package supportbot.desk;

import supportbot.ticket.Ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static supportbot.desk.TestTickets.reply;
import static supportbot.desk.TestTickets.sh;
import static supportbot.desk.TestTickets.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import supportbot.desk.EtaEstimator.WaitSample;

class EtaEstimatorTest {
    private static final Instant T0 = sh("2026-06-01T10:00");
    private final EtaEstimator eta = new EtaEstimator(5, Duration.ofMinutes(20));

    /** One handled ticket per wait, answered in the order given, an hour apart. */
    private static List<WaitSample> waits(int... minutes) {
        List<WaitSample> out = new ArrayList<>();
        for (int i = 0; i < minutes.length; i++) {
            Instant answered = T0.plus(Duration.ofHours(i));
            out.add(new WaitSample(answered.minus(Duration.ofMinutes(minutes[i])), answered));
        }
        return out;
    }

    @Test
    void withoutHistoryTheDefaultIsUsedPerRound() {
        assertEquals(Duration.ofMinutes(20), eta.estimate(List.of(), 1, 2));
        assertEquals(Duration.ofMinutes(60), eta.estimate(List.of(), 5, 2));
    }

    @Test
    void medianOfAnOddNumberIsTheMiddleWait() {
        assertEquals(Duration.ofMinutes(10), eta.estimate(waits(3, 10, 240), 1, 1));
    }

    @Test
    void medianOfAnEvenNumberIsTheMeanOfTheMiddleTwo() {
        assertEquals(Duration.ofMinutes(15), eta.estimate(waits(5, 10, 20, 600), 1, 1));
    }

    @Test
    void onlyTheLastAnsweredTicketsCount() {
        // Five slow tickets long ago, then five quick ones: with historySize 5 only the quick ones count.
        List<WaitSample> samples = waits(90, 90, 90, 90, 90, 4, 5, 6, 7, 8);
        assertEquals(Duration.ofMinutes(6), eta.estimate(samples, 1, 1));
        // The order of the list does not matter, the time of the answer does.
        List<WaitSample> reversed = new ArrayList<>(samples);
        java.util.Collections.reverse(reversed);
        assertEquals(Duration.ofMinutes(6), eta.estimate(reversed, 1, 1));
        // With all ten the median sits between the quick 8 and the slow 90.
        assertEquals(Duration.ofMinutes(49), new EtaEstimator(10, Duration.ofMinutes(20)).estimate(samples, 1, 1));
    }

    @ParameterizedTest(name = "position {0} with {1} agents waits {2} rounds")
    @CsvSource({"1,1,1", "1,3,1", "3,3,1", "4,3,2", "7,3,3", "2,1,2", "3,0,3", "3,-2,3"})
    void roundsAreCeilOfPositionOverAgents(int position, int agents, int rounds) {
        assertEquals(Duration.ofMinutes(10L * rounds), eta.estimate(waits(10), position, agents));
    }

    @Test
    void positionIsOneBased() {
        assertThrows(IllegalArgumentException.class, () -> eta.estimate(waits(10), 0, 1));
    }

    @Test
    void samplesWithAReplyBeforeTheOpeningAreIgnored() {
        List<WaitSample> samples = new ArrayList<>(waits(12));
        samples.add(new WaitSample(T0.plus(Duration.ofHours(5)), T0.plus(Duration.ofHours(4))));
        assertEquals(Duration.ofMinutes(12), eta.estimate(samples, 1, 1));
    }

    @Test
    void samplesFromTicketsUseOpeningAndFirstReply() {
        Ticket quick = ticket(3, sh("2026-06-01T09:00"), reply(sh("2026-06-01T09:08")), reply(sh("2026-06-01T09:30")));
        Ticket slow = ticket(3, sh("2026-06-01T09:00"), reply(sh("2026-06-01T09:40")));
        Ticket unanswered = ticket(3, sh("2026-06-01T09:00"));
        List<WaitSample> samples = WaitSample.fromTickets(List.of(quick, slow, unanswered));
        assertEquals(List.of(new WaitSample(sh("2026-06-01T09:00"), sh("2026-06-01T09:08")),
                new WaitSample(sh("2026-06-01T09:00"), sh("2026-06-01T09:40"))), samples);
        assertEquals(Duration.ofMinutes(24), eta.estimate(samples, 1, 1));
    }

    @Test
    void settingsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new EtaEstimator(0, Duration.ofMinutes(5)));
        assertThrows(IllegalArgumentException.class, () -> new EtaEstimator(5, Duration.ofMinutes(-5)));
    }
}
