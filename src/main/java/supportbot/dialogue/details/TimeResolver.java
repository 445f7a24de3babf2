package supportbot.dialogue.details;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import supportbot.dialogue.details.TimeExpression.DayPart;
import supportbot.dialogue.details.TimeExpression.Date;
import supportbot.dialogue.details.TimeExpression.DayOfMonth;
import supportbot.dialogue.details.TimeExpression.DaysAgo;
import supportbot.dialogue.details.TimeExpression.Weekday;

/**
 * Places a {@link TimeExpression} on the calendar of the user's zone. Users report things that happened, so
 * where a phrase allows several readings ("下午3点" with no day, "3点" with no am/pm, "周三" on a Wednesday)
 * the latest reading that is not in the future wins. A phrase that only allows future readings is reported as
 * such, so the bot can ask again instead of storing a wrong time.
 */
final class TimeResolver {

    sealed interface Resolution permits At, Future, Invalid {
    }

    /**
     * @param approximate no clock time was given; the hour is a representative one
     * @param dateOnly    only a day was given ("昨天", "11/24"): {@code at} is its start and no hour may be shown
     *                    or stored, since inventing one would mislead the agent
     */
    record At(ZonedDateTime at, boolean approximate, boolean dateOnly) implements Resolution {
    }

    record Future(ZonedDateTime at, boolean approximate, boolean dateOnly) implements Resolution {
    }

    record Invalid() implements Resolution {
    }

    private record Candidate(ZonedDateTime at, boolean approximate, boolean dateOnly) {
    }

    /** When a month and day without year lie this far ahead, last year is meant ("12月28日" said in January). */
    private static final int YEARLESS_FUTURE_DAYS = 30;

    Resolution resolve(TimeExpression e, ZonedDateTime now) {
        ZonedDateTime nowMin = now.truncatedTo(ChronoUnit.MINUTES);
        if (e.minutesAgo() != null) {
            return new At(nowMin.minusMinutes(e.minutesAgo()), false, false);
        }
        Optional<List<LocalDate>> dates = dates(e, nowMin.toLocalDate());
        if (dates.isEmpty()) {
            return new Invalid();
        }
        List<Candidate> candidates = new ArrayList<>();
        for (LocalDate date : dates.get()) {
            if (e.clock() != null) {
                for (int hour : e.clock().hours(e.part())) {
                    candidates.add(new Candidate(at(date, hour * 60 + e.clock().minute(), nowMin), false, false));
                }
            } else if (e.part() != null) {
                int hour = e.part().representativeHour;
                candidates.add(new Candidate(clampToday(at(date, hour * 60, nowMin), e.part(), nowMin), true, false));
            } else {
                candidates.add(new Candidate(at(date, 0, nowMin), true, true));
            }
        }
        return candidates.stream()
                .filter(c -> !c.at().isAfter(nowMin))
                .max(Comparator.comparing(Candidate::at))
                .<Resolution>map(c -> new At(c.at(), c.approximate(), c.dateOnly()))
                .orElseGet(() -> {
                    Candidate soonest = candidates.stream().min(Comparator.comparing(Candidate::at)).orElseThrow();
                    return new Future(soonest.at(), soonest.approximate(), soonest.dateOnly());
                });
    }

    /**
     * "今天下午" said at 13:00: the afternoon has begun, so it happened between its start and now, not at the
     * representative 15:00. The estimate becomes "now".
     */
    private static ZonedDateTime clampToday(ZonedDateTime at, DayPart part, ZonedDateTime now) {
        boolean today = at.toLocalDate().equals(now.toLocalDate());
        boolean begun = part == null || now.getHour() >= part.startHour;
        return today && at.isAfter(now) && begun ? now : at;
    }

    private static ZonedDateTime at(LocalDate date, int minuteOfDay, ZonedDateTime now) {
        return date.atStartOfDay().plusMinutes(minuteOfDay).atZone(now.getZone());
    }

    private static Optional<List<LocalDate>> dates(TimeExpression e, LocalDate today) {
        if (e.day() == null) {
            return Optional.of(List.of(today, today.minusDays(1)));
        }
        if (e.day() instanceof DaysAgo d) {
            return Optional.of(List.of(today.minusDays(d.days())));
        }
        if (e.day() instanceof Weekday w) {
            return Optional.of(weekday(w, today));
        }
        if (e.day() instanceof DayOfMonth dom) {
            return dayOfMonth(dom.day(), today).map(List::of);
        }
        Date d = (Date) e.day();
        try {
            if (d.year() != null) {
                return Optional.of(List.of(LocalDate.of(d.year(), d.month(), d.dayOfMonth())));
            }
            LocalDate thisYear = yearless(today.getYear(), d);
            if (thisYear == null || thisYear.isAfter(today.plusDays(YEARLESS_FUTURE_DAYS))) {
                LocalDate lastYear = yearless(today.getYear() - 1, d);
                return lastYear == null ? Optional.empty() : Optional.of(List.of(lastYear));
            }
            return Optional.of(List.of(thisYear));
        } catch (DateTimeException ex) {
            return Optional.empty();
        }
    }

    /** Null for 29 February in a year without it. */
    private static LocalDate yearless(int year, Date d) {
        try {
            return LocalDate.of(year, d.month(), d.dayOfMonth());
        } catch (DateTimeException ex) {
            if (d.month() == 2 && d.dayOfMonth() == 29) {
                return null;
            }
            throw ex;
        }
    }

    private static Optional<LocalDate> dayOfMonth(int day, LocalDate today) {
        for (int monthsBack = 0; monthsBack <= 2; monthsBack++) {
            LocalDate month = today.minusMonths(monthsBack).withDayOfMonth(1);
            if (day >= 1 && day <= month.lengthOfMonth() && !month.withDayOfMonth(day).isAfter(today)) {
                return Optional.of(month.withDayOfMonth(day));
            }
        }
        return Optional.empty();
    }

    private static List<LocalDate> weekday(Weekday w, LocalDate today) {
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        int offset = w.dayOfWeek().getValue() - 1;
        return switch (w.mode()) {
            case LATEST -> {
                LocalDate d = today.with(TemporalAdjusters.previousOrSame(w.dayOfWeek()));
                yield List.of(d, d.minusWeeks(1));
            }
            case BEFORE_TODAY -> List.of(today.with(TemporalAdjusters.previous(w.dayOfWeek())));
            case PREVIOUS_WEEK -> List.of(monday.minusWeeks(1).plusDays(offset));
            case TWO_WEEKS_AGO -> List.of(monday.minusWeeks(2).plusDays(offset));
            case THIS_WEEK -> List.of(monday.plusDays(offset));
            case NEXT_WEEK -> List.of(monday.plusWeeks(1).plusDays(offset));
        };
    }
}
