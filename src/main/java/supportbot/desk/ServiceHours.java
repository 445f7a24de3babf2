package supportbot.desk;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When the desk is staffed: per weekday, local-time ranges in one zone, minus holidays. SLA clocks that
 * run in business hours only, and "we are back at 09:00" replies, ask it.
 *
 * <p>A range belongs to the day it starts on: "22:00-02:00" on FRI is Friday 22:00 to Saturday 02:00. A
 * holiday is closed for its whole local date, so it removes the ranges that start on it and also cuts off
 * the part of the previous evening's range that runs into it. Local times are turned into instants with the
 * zone's rules of that date, so a range on a DST change day is an hour shorter or longer in real time.
 *
 * @param weekly days that are absent are closed
 */
public record ServiceHours(ZoneId zone, Map<DayOfWeek, List<Range>> weekly, Set<LocalDate> holidays) {
    // Closed weeks in a row after which the desk counts as never opening again (holidays covering it all).
    private static final int HORIZON_WEEKS = 2 * 53;

    public ServiceHours {
        Objects.requireNonNull(zone, "zone");
        var copy = new EnumMap<DayOfWeek, List<Range>>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            copy.put(day, List.copyOf(weekly.getOrDefault(day, List.of())));
        }
        if (copy.values().stream().allMatch(List::isEmpty)) {
            throw new IllegalArgumentException("service hours have no range on any day; for 24/7 use 00:00-24:00");
        }
        weekly = java.util.Collections.unmodifiableMap(copy);
        holidays = Set.copyOf(holidays);
    }

    /** Open around the clock, every day: the hours of a desk whose clocks never pause. */
    public static ServiceHours alwaysOpen(ZoneId zone) {
        var weekly = new EnumMap<DayOfWeek, List<Range>>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            weekly.put(day, List.of(Range.parse("00:00-24:00")));
        }
        return new ServiceHours(zone, weekly, Set.of());
    }

    public boolean isOpen(Instant at) {
        Iterator<Span> spans = spansFrom(at);
        return spans.hasNext() && spans.next().start().equals(at);
    }

    /**
     * @return {@code at} itself when open, else the start of the next open range
     * @throws IllegalStateException when the desk does not open within two years (holidays cover it all)
     */
    public Instant nextOpening(Instant at) {
        Iterator<Span> spans = spansFrom(at);
        if (!spans.hasNext()) {
            throw neverOpens(at);
        }
        return spans.next().start();
    }

    /** Business time in [from, to): how long a clock that runs only while open has run. Zero when to <= from. */
    public Duration openTimeBetween(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        Iterator<Span> spans = spansFrom(from);
        while (spans.hasNext()) {
            Span s = spans.next();
            if (!s.start().isBefore(to)) {
                break;
            }
            total = total.plus(Duration.between(s.start(), s.end().isBefore(to) ? s.end() : to));
        }
        return total;
    }

    /**
     * The instant at which {@code amount} of business time has passed since {@code from}: the due time of a
     * business-hours SLA clock. A clock started while closed starts at the next opening; one that runs out
     * exactly at closing time is due at closing time, not at the next opening.
     */
    public Instant plusOpenTime(Instant from, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        Duration left = amount;
        Iterator<Span> spans = spansFrom(from);
        while (spans.hasNext()) {
            Span s = spans.next();
            Duration here = Duration.between(s.start(), s.end());
            if (left.compareTo(here) <= 0) {
                return s.start().plus(left);
            }
            left = left.minus(here);
        }
        throw neverOpens(from);
    }

    private IllegalStateException neverOpens(Instant at) {
        return new IllegalStateException("the desk does not open within " + HORIZON_WEEKS + " weeks of " + at);
    }

    /**
     * Open spans that end after {@code from}, in order and without overlap: each is clipped to start where
     * the previous one ended (or at from), so overlapping ranges such as FRI "22:00-02:00" and SAT
     * "00:00-09:00" are never counted twice. Computed a week at a time so a long SLA clock does not build a
     * year up front.
     */
    private Iterator<Span> spansFrom(Instant from) {
        return new Iterator<>() {
            // A range that started yesterday evening may still be running.
            private LocalDate week = from.atZone(zone).toLocalDate().minusDays(1);
            private final Deque<Span> ready = new ArrayDeque<>();
            private Instant covered = from;
            private int closedWeeks;

            @Override
            public boolean hasNext() {
                while (ready.isEmpty() && closedWeeks < HORIZON_WEEKS) {
                    for (Span s : spansStarting(week, week.plusDays(6))) {
                        if (s.end().isAfter(covered)) {
                            ready.add(new Span(s.start().isAfter(covered) ? s.start() : covered, s.end()));
                            covered = s.end();
                        }
                    }
                    closedWeeks = ready.isEmpty() ? closedWeeks + 1 : 0;
                    week = week.plusDays(7);
                }
                return !ready.isEmpty();
            }

            @Override
            public Span next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.poll();
            }
        };
    }

    /** Spans of the ranges that start on local dates first..last, by start; they may overlap. */
    private List<Span> spansStarting(LocalDate first, LocalDate last) {
        List<Span> spans = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (holidays.contains(day)) {
                continue;
            }
            for (Range r : weekly.get(day.getDayOfWeek())) {
                LocalDate endDay = r.crossesMidnight() ? day.plusDays(1) : day;
                LocalTime endTime = holidays.contains(endDay) ? LocalTime.MIDNIGHT : r.end();
                Instant start = instant(day, r.start());
                Instant end = instant(endDay, endTime);
                if (end.isAfter(start)) {
                    spans.add(new Span(start, end));
                }
            }
        }
        spans.sort(Comparator.comparing(Span::start));
        return spans;
    }

    // A local time in the spring-forward gap moves forward by the gap; in the autumn overlap the earlier
    // offset is used. Either way a range keeps its local meaning.
    private Instant instant(LocalDate day, LocalTime time) {
        return ZonedDateTime.of(day, time, zone).toInstant();
    }

    private record Span(Instant start, Instant end) {
    }

    /**
     * One local-time range of a day, written "09:00-18:00". An end at or before the start runs past
     * midnight into the next day; "24:00" is accepted as an end and means midnight, so "00:00-24:00" is the
     * whole day.
     */
    public record Range(LocalTime start, LocalTime end) {
        private static final Pattern FORM = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})");
        static final String HINT = "use HH:MM-HH:MM such as 09:00-21:00 (an end before the start runs past midnight)";

        public Range {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (start.equals(end) && !start.equals(LocalTime.MIDNIGHT)) {
                throw new IllegalArgumentException("range " + start + "-" + end + " is empty; for the whole day use 00:00-24:00");
            }
        }

        /** @throws IllegalArgumentException "cannot read '…': use HH:MM-HH:MM …" */
        public static Range parse(String text) {
            Matcher m = FORM.matcher(text == null ? "" : text.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("cannot read '" + text + "': " + HINT);
            }
            LocalTime start = time(m.group(1), m.group(2), false, text);
            LocalTime end = time(m.group(3), m.group(4), true, text);
            if (start.equals(end) && !start.equals(LocalTime.MIDNIGHT)) {
                throw new IllegalArgumentException("cannot read '" + text + "': the range is empty; for the whole day use 00:00-24:00");
            }
            return new Range(start, end);
        }

        private static LocalTime time(String hours, String minutes, boolean isEnd, String text) {
            int h = Integer.parseInt(hours);
            int m = Integer.parseInt(minutes);
            if (isEnd && h == 24 && m == 0) {
                return LocalTime.MIDNIGHT;
            }
            if (h > 23 || m > 59) {
                throw new IllegalArgumentException("cannot read '" + text + "': " + hours + ":" + minutes + " is not a time of day");
            }
            return LocalTime.of(h, m);
        }

        public boolean crossesMidnight() {
            return !end.isAfter(start);
        }

        @Override
        public String toString() {
            return start + "-" + (end.equals(LocalTime.MIDNIGHT) ? "24:00" : end.toString());
        }
    }
}
