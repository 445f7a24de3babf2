package supportbot.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static supportbot.desk.TestTickets.BERLIN;
import static supportbot.desk.TestTickets.SHANGHAI;
import static supportbot.desk.TestTickets.local;
import static supportbot.desk.TestTickets.sh;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceHoursTest {
    // 2026-06-01 is a Monday; 06-05 Friday, 06-06 Saturday, 06-07 Sunday.
    private static final ServiceHours DAILY_9_TO_21 = everyDay(SHANGHAI, "09:00-21:00");

    static ServiceHours everyDay(ZoneId zone, String... ranges) {
        var weekly = new EnumMap<DayOfWeek, List<ServiceHours.Range>>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            weekly.put(d, ranges(ranges));
        }
        return new ServiceHours(zone, weekly, Set.of());
    }

    static List<ServiceHours.Range> ranges(String... ranges) {
        return Arrays.stream(ranges).map(ServiceHours.Range::parse).toList();
    }

    static ServiceHours hours(ZoneId zone, Map<DayOfWeek, List<ServiceHours.Range>> weekly, String... holidays) {
        return new ServiceHours(zone, weekly, Arrays.stream(holidays).map(LocalDate::parse).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void calendarAssumptionsOfTheseTests() {
        assertEquals(DayOfWeek.MONDAY, LocalDate.parse("2026-06-01").getDayOfWeek());
        assertEquals(DayOfWeek.SUNDAY, LocalDate.parse("2026-03-29").getDayOfWeek());
        assertEquals(DayOfWeek.SUNDAY, LocalDate.parse("2026-10-25").getDayOfWeek());
    }

    @Nested
    class OpenOrClosed {
        @Test
        void openFromTheStartMinuteUntilJustBeforeTheEnd() {
            assertFalse(DAILY_9_TO_21.isOpen(sh("2026-06-01T08:59:59")));
            assertTrue(DAILY_9_TO_21.isOpen(sh("2026-06-01T09:00")));
            assertTrue(DAILY_9_TO_21.isOpen(sh("2026-06-01T20:59:59")));
            assertFalse(DAILY_9_TO_21.isOpen(sh("2026-06-01T21:00")));
            assertFalse(DAILY_9_TO_21.isOpen(sh("2026-06-02T03:00")));
        }

        @Test
        void severalRangesOnOneDayLeaveTheLunchBreakClosed() {
            ServiceHours split = everyDay(SHANGHAI, "09:00-12:00", "13:00-18:00");
            assertTrue(split.isOpen(sh("2026-06-01T11:59")));
            assertFalse(split.isOpen(sh("2026-06-01T12:30")));
            assertTrue(split.isOpen(sh("2026-06-01T13:00")));
            assertEquals(sh("2026-06-01T13:00"), split.nextOpening(sh("2026-06-01T12:00")));
            assertEquals(Duration.ofHours(8), split.openTimeBetween(sh("2026-06-01T00:00"), sh("2026-06-02T00:00")));
        }

        @Test
        void aDayWithoutRangesIsClosed() {
            ServiceHours weekdays = hours(SHANGHAI, Map.of(DayOfWeek.MONDAY, ranges("09:00-18:00"),
                    DayOfWeek.FRIDAY, ranges("09:00-18:00")));
            assertTrue(weekdays.isOpen(sh("2026-06-01T10:00")));
            assertFalse(weekdays.isOpen(sh("2026-06-02T10:00")));
        }
    }

    @Nested
    class AcrossMidnight {
        // Friday night shift only: Fri 22:00 to Sat 02:00.
        private final Map<DayOfWeek, List<ServiceHours.Range>> fridayNight = Map.of(DayOfWeek.FRIDAY, ranges("22:00-02:00"));
        private final ServiceHours nightShift = hours(SHANGHAI, fridayNight);

        @Test
        void aRangeEndingBeforeItsStartRunsIntoTheNextDay() {
            assertFalse(nightShift.isOpen(sh("2026-06-05T21:59")));
            assertTrue(nightShift.isOpen(sh("2026-06-05T22:00")));
            assertTrue(nightShift.isOpen(sh("2026-06-05T23:59")));
            assertTrue(nightShift.isOpen(sh("2026-06-06T00:00")));
            assertTrue(nightShift.isOpen(sh("2026-06-06T01:59")));
            assertFalse(nightShift.isOpen(sh("2026-06-06T02:00")));
            // The range belongs to Friday: Thursday night is closed.
            assertFalse(nightShift.isOpen(sh("2026-06-04T23:00")));
            assertFalse(nightShift.isOpen(sh("2026-06-05T01:00")));
        }

        @Test
        void openTimeOfTheNightShiftIsFourHours() {
            assertEquals(Duration.ofHours(4), nightShift.openTimeBetween(sh("2026-06-05T00:00"), sh("2026-06-07T00:00")));
            assertEquals(Duration.ofMinutes(90), nightShift.openTimeBetween(sh("2026-06-06T00:30"), sh("2026-06-06T12:00")));
        }

        @Test
        void nextOpeningFromSaturdayMorningIsNextFriday() {
            assertEquals(sh("2026-06-12T22:00"), nightShift.nextOpening(sh("2026-06-06T02:00")));
            assertEquals(sh("2026-06-06T01:00"), nightShift.nextOpening(sh("2026-06-06T01:00")));
        }

        @Test
        void aHolidayOnTheFollowingDayCutsTheShiftAtMidnight() {
            ServiceHours saturdayOff = hours(SHANGHAI, fridayNight, "2026-06-06");
            assertTrue(saturdayOff.isOpen(sh("2026-06-05T23:30")));
            assertFalse(saturdayOff.isOpen(sh("2026-06-06T00:00")));
            assertFalse(saturdayOff.isOpen(sh("2026-06-06T01:00")));
            assertEquals(Duration.ofHours(2), saturdayOff.openTimeBetween(sh("2026-06-05T00:00"), sh("2026-06-07T00:00")));
        }

        @Test
        void aHolidayOnTheStartDayRemovesTheWholeShift() {
            ServiceHours fridayOff = hours(SHANGHAI, fridayNight, "2026-06-05");
            assertFalse(fridayOff.isOpen(sh("2026-06-05T23:00")));
            assertFalse(fridayOff.isOpen(sh("2026-06-06T01:00")));
            assertEquals(sh("2026-06-12T22:00"), fridayOff.nextOpening(sh("2026-06-05T20:00")));
        }

        @Test
        void rangesThatOverlapAcrossMidnightAreNotCountedTwice() {
            ServiceHours overlapping = hours(SHANGHAI, Map.of(
                    DayOfWeek.FRIDAY, ranges("22:00-02:00"), DayOfWeek.SATURDAY, ranges("00:00-09:00")));
            assertEquals(Duration.ofHours(11), overlapping.openTimeBetween(sh("2026-06-05T00:00"), sh("2026-06-07T00:00")));
            assertEquals(sh("2026-06-06T08:00"), overlapping.plusOpenTime(sh("2026-06-05T22:00"), Duration.ofHours(10)));
        }
    }

    @Nested
    class TimeZones {
        private final ServiceHours shanghai = everyDay(SHANGHAI, "09:00-18:00");
        private final ServiceHours berlin = everyDay(BERLIN, "09:00-18:00");

        @Test
        void theSameInstantIsEveningInShanghaiAndMiddayInBerlin() {
            Instant noonUtc = Instant.parse("2026-06-01T12:00:00Z"); // 20:00 Shanghai, 14:00 Berlin (CEST)
            assertFalse(shanghai.isOpen(noonUtc));
            assertTrue(berlin.isOpen(noonUtc));
            assertEquals(Instant.parse("2026-06-02T01:00:00Z"), shanghai.nextOpening(noonUtc));
            assertEquals(noonUtc, berlin.nextOpening(noonUtc));
        }

        @Test
        void theSameInstantIsMorningInShanghaiAndNightInBerlin() {
            Instant early = Instant.parse("2026-06-01T02:00:00Z"); // 10:00 Shanghai, 04:00 Berlin
            assertTrue(shanghai.isOpen(early));
            assertFalse(berlin.isOpen(early));
            assertEquals(Instant.parse("2026-06-01T07:00:00Z"), berlin.nextOpening(early));
        }

        @Test
        void businessTimeOfOneUtcDayDependsOnTheZone() {
            Instant from = Instant.parse("2026-06-01T00:00:00Z");
            Instant to = Instant.parse("2026-06-01T12:00:00Z");
            // Shanghai 08:00-20:00 local: open 09:00-18:00 = 9h. Berlin 02:00-14:00 local: open 09:00-14:00 = 5h.
            assertEquals(Duration.ofHours(9), shanghai.openTimeBetween(from, to));
            assertEquals(Duration.ofHours(5), berlin.openTimeBetween(from, to));
        }

        @Test
        void holidaysAreLocalDates() {
            ServiceHours berlinHoliday = hours(BERLIN, Map.of(DayOfWeek.MONDAY, ranges("00:00-24:00")), "2026-06-01");
            // 2026-05-31T23:30Z is already Monday 01:30 in Berlin: the holiday.
            assertFalse(berlinHoliday.isOpen(Instant.parse("2026-05-31T23:30:00Z")));
            assertEquals(local(BERLIN, "2026-06-08T00:00"), berlinHoliday.nextOpening(Instant.parse("2026-05-31T23:30:00Z")));
        }
    }

    @Nested
    class DaylightSaving {
        private final ServiceHours berlinNight = everyDay(BERLIN, "01:00-04:00");

        @Test
        void springForwardMakesTheNightRangeAnHourShorter() {
            // 2026-03-29: clocks jump from 02:00 to 03:00.
            assertEquals(Duration.ofHours(2),
                    berlinNight.openTimeBetween(local(BERLIN, "2026-03-29T00:00"), local(BERLIN, "2026-03-29T12:00")));
            assertEquals(Duration.ofHours(3),
                    berlinNight.openTimeBetween(local(BERLIN, "2026-03-28T00:00"), local(BERLIN, "2026-03-28T12:00")));
        }

        @Test
        void fallBackMakesItAnHourLonger() {
            // 2026-10-25: clocks go back from 03:00 to 02:00.
            assertEquals(Duration.ofHours(4),
                    berlinNight.openTimeBetween(local(BERLIN, "2026-10-25T00:00"), local(BERLIN, "2026-10-25T12:00")));
        }

        @Test
        void aWholeDayOnTheChangeDayHas23Hours() {
            ServiceHours always = ServiceHours.alwaysOpen(BERLIN);
            assertEquals(Duration.ofHours(23), always.openTimeBetween(local(BERLIN, "2026-03-29T00:00"), local(BERLIN, "2026-03-30T00:00")));
            assertEquals(Duration.ofHours(25), always.openTimeBetween(local(BERLIN, "2026-10-25T00:00"), local(BERLIN, "2026-10-26T00:00")));
        }

        @Test
        void openingTimeKeepsItsLocalMeaningAcrossTheChange() {
            ServiceHours weekdays = hours(BERLIN, Map.of(DayOfWeek.MONDAY, ranges("09:00-18:00"), DayOfWeek.FRIDAY, ranges("09:00-18:00")));
            // Friday evening before the change (CET, +01:00) -> Monday 09:00 after it (CEST, +02:00) = 07:00Z.
            assertEquals(Instant.parse("2026-03-30T07:00:00Z"), weekdays.nextOpening(Instant.parse("2026-03-27T18:00:00Z")));
            // A week earlier Monday 09:00 was still 08:00Z.
            assertEquals(Instant.parse("2026-03-23T08:00:00Z"), weekdays.nextOpening(Instant.parse("2026-03-20T18:00:00Z")));
        }
    }

    @Nested
    class Holidays {
        private final ServiceHours withSpringFestival = hours(SHANGHAI, DAILY_9_TO_21.weekly(), "2026-02-16", "2026-02-17");

        @Test
        void aHolidayIsClosedAllDay() {
            assertFalse(withSpringFestival.isOpen(sh("2026-02-16T10:00")));
            assertFalse(withSpringFestival.isOpen(sh("2026-02-17T15:00")));
            assertTrue(withSpringFestival.isOpen(sh("2026-02-15T20:00")));
            assertTrue(withSpringFestival.isOpen(sh("2026-02-18T09:00")));
        }

        @Test
        void nextOpeningSkipsHolidays() {
            assertEquals(sh("2026-02-18T09:00"), withSpringFestival.nextOpening(sh("2026-02-15T21:00")));
        }

        @Test
        void slaTimeDoesNotRunOnHolidays() {
            assertEquals(Duration.ofHours(2), withSpringFestival.openTimeBetween(sh("2026-02-15T20:00"), sh("2026-02-18T10:00")));
            assertEquals(sh("2026-02-18T10:00"), withSpringFestival.plusOpenTime(sh("2026-02-15T20:00"), Duration.ofHours(2)));
        }
    }

    @Nested
    class BusinessTime {
        @Test
        void overnightSpanCountsOnlyOpenHours() {
            assertEquals(Duration.ofHours(2), DAILY_9_TO_21.openTimeBetween(sh("2026-06-01T20:00"), sh("2026-06-02T10:00")));
            assertEquals(Duration.ofHours(12 * 7), DAILY_9_TO_21.openTimeBetween(sh("2026-06-01T00:00"), sh("2026-06-08T00:00")));
        }

        @Test
        void emptyOrBackwardsIntervalsAreZero() {
            assertEquals(Duration.ZERO, DAILY_9_TO_21.openTimeBetween(sh("2026-06-01T10:00"), sh("2026-06-01T10:00")));
            assertEquals(Duration.ZERO, DAILY_9_TO_21.openTimeBetween(sh("2026-06-01T12:00"), sh("2026-06-01T10:00")));
            assertEquals(Duration.ZERO, DAILY_9_TO_21.openTimeBetween(sh("2026-06-01T21:00"), sh("2026-06-02T09:00")));
        }

        @Test
        void plusOpenTimeCarriesOverTheNight() {
            assertEquals(sh("2026-06-02T09:30"), DAILY_9_TO_21.plusOpenTime(sh("2026-06-01T20:30"), Duration.ofHours(1)));
            assertEquals(sh("2026-06-02T10:00"), DAILY_9_TO_21.plusOpenTime(sh("2026-06-02T03:00"), Duration.ofHours(1)));
            // "1d" of business time is two 12-hour days.
            assertEquals(sh("2026-06-03T10:00"), DAILY_9_TO_21.plusOpenTime(sh("2026-06-01T10:00"), Duration.ofDays(1)));
        }

        @Test
        void aClockThatRunsOutAtClosingIsDueAtClosing() {
            assertEquals(sh("2026-06-01T21:00"), DAILY_9_TO_21.plusOpenTime(sh("2026-06-01T20:00"), Duration.ofHours(1)));
        }

        @Test
        void zeroBusinessTimeIsTheNextOpening() {
            assertEquals(sh("2026-06-01T10:00"), DAILY_9_TO_21.plusOpenTime(sh("2026-06-01T10:00"), Duration.ZERO));
            assertEquals(sh("2026-06-02T09:00"), DAILY_9_TO_21.plusOpenTime(sh("2026-06-01T22:00"), Duration.ZERO));
        }

        @Test
        void plusOpenTimeAndOpenTimeBetweenAgree() {
            Instant from = sh("2026-06-01T17:13");
            for (long minutes : new long[] {1, 47, 228, 720, 1999, 10_000}) {
                Instant due = DAILY_9_TO_21.plusOpenTime(from, Duration.ofMinutes(minutes));
                assertEquals(Duration.ofMinutes(minutes), DAILY_9_TO_21.openTimeBetween(from, due), "after " + minutes + " min");
            }
        }

        @Test
        void longSpansAreCountedInFull() {
            // Three years: longer than the horizon used to detect a desk that never opens.
            Instant from = sh("2026-01-01T00:00");
            Instant to = sh("2029-01-01T00:00");
            long days = Duration.between(from, to).toDays();
            assertEquals(Duration.ofHours(12 * days), DAILY_9_TO_21.openTimeBetween(from, to));
            assertEquals(to.minus(Duration.ofHours(3)), DAILY_9_TO_21.plusOpenTime(from, Duration.ofHours(12 * days)));
        }

        @Test
        void aDeskClosedByHolidaysForYearsNeverOpens() {
            var holidays = java.util.stream.Stream.iterate(LocalDate.parse("2026-06-01"), d -> d.plusDays(1)).limit(3 * 366)
                    .map(LocalDate::toString).toArray(String[]::new);
            ServiceHours closed = hours(SHANGHAI, DAILY_9_TO_21.weekly(), holidays);
            assertFalse(closed.isOpen(sh("2026-06-02T10:00")));
            assertThrows(IllegalStateException.class, () -> closed.nextOpening(sh("2026-06-02T10:00")));
            assertThrows(IllegalStateException.class, () -> closed.plusOpenTime(sh("2026-06-02T10:00"), Duration.ofHours(1)));
            assertEquals(Duration.ZERO, closed.openTimeBetween(sh("2026-06-02T10:00"), sh("2027-06-02T10:00")));
        }

        @Test
        void negativeAmountIsRefused() {
            assertThrows(IllegalArgumentException.class, () -> DAILY_9_TO_21.plusOpenTime(sh("2026-06-01T10:00"), Duration.ofMinutes(-1)));
        }
    }

    @Nested
    class AroundTheClock {
        private final ServiceHours always = ServiceHours.alwaysOpen(SHANGHAI);

        @Test
        void alwaysOpenAndBusinessTimeIsWallTime() {
            Instant t = sh("2026-06-06T03:17");
            assertTrue(always.isOpen(t));
            assertEquals(t, always.nextOpening(t));
            assertEquals(Duration.ofDays(30), always.openTimeBetween(t, t.plus(Duration.ofDays(30))));
            assertEquals(t.plus(Duration.ofHours(50)), always.plusOpenTime(t, Duration.ofHours(50)));
        }

        @Test
        void midnightIsNotAGap() {
            assertTrue(always.isOpen(sh("2026-06-07T00:00")));
            assertTrue(everyDay(SHANGHAI, "00:00-24:00").isOpen(sh("2026-06-07T23:59:59")));
        }
    }

    @Nested
    class Ranges {
        @Test
        void parsesAndPrints() {
            var r = ServiceHours.Range.parse("22:00-02:00");
            assertEquals(LocalTime.of(22, 0), r.start());
            assertEquals(LocalTime.of(2, 0), r.end());
            assertTrue(r.crossesMidnight());
            assertEquals("22:00-02:00", r.toString());
            assertEquals("00:00-24:00", ServiceHours.Range.parse("00:00-24:00").toString());
            assertFalse(ServiceHours.Range.parse("9:00 - 18:30").crossesMidnight());
        }

        @ParameterizedTest
        @ValueSource(strings = {"09:00", "9-18", "18:00-18:00", "25:00-26:00", "09:00-12:60", "24:00-02:00", "", "nine to five"})
        void refusesWhatIsNotARange(String text) {
            var e = assertThrows(IllegalArgumentException.class, () -> ServiceHours.Range.parse(text));
            assertTrue(e.getMessage().startsWith("cannot read '" + text + "'"), e.getMessage());
        }

        @Test
        void hoursWithoutAnyRangeAreRefused() {
            assertThrows(IllegalArgumentException.class, () -> new ServiceHours(SHANGHAI, Map.of(), Set.of()));
        }
    }
}
