package supportbot.dialogue.details;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import supportbot.faq.Lang;

/** TIME: the reply to "When did it happen?", or a time phrase inside a longer message. */
final class TimeReader {
    record Found(int start, int end, DetailValue value) {
    }

    private final TimeRecognizer recognizer = new TimeRecognizer();
    private final TimeResolver resolver = new TimeResolver();
    private final Clock clock;

    TimeReader(Clock clock) {
        this.clock = clock;
    }

    ParseResult parse(String text, ZoneId zone, Lang lang) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        Optional<TimeRecognizer.Recognized> r = recognizer.recognize(text, true);
        if (r.isEmpty()) {
            return ParseResult.hint(recognizer.isVague(text) ? HintKeys.TIME_VAGUE : HintKeys.TIME_INVALID);
        }
        TimeResolver.Resolution res = resolver.resolve(r.get().expression(), now);
        if (res instanceof TimeResolver.At at) {
            return ParseResult.ok(value(at, now, lang));
        }
        if (res instanceof TimeResolver.Future f) {
            return ParseResult.hint(HintKeys.TIME_FUTURE, Map.of("time", f.dateOnly()
                    ? TimeDisplay.day(f.at(), now, lang) : TimeDisplay.brief(f.at(), f.approximate(), now, lang)));
        }
        return ParseResult.hint(HintKeys.TIME_INVALID);
    }

    /** A confidently recognised time in a sentence; future or impossible times are left for the question. */
    Optional<Found> find(String text, ZoneId zone, Lang lang) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        return recognizer.recognize(text, false).flatMap(r -> {
            TimeResolver.Resolution res = resolver.resolve(r.expression(), now);
            return res instanceof TimeResolver.At at
                    ? Optional.of(new Found(r.start(), r.end(), value(at, now, lang)))
                    : Optional.empty();
        });
    }

    /**
     * A correction of a known time changes only the part it names: "不对，是前天" keeps the hour, "应该是4点"
     * keeps the day. Empty when the text holds no time.
     */
    Optional<DetailValue> correct(String text, DetailValue known, ZoneId zone, Lang lang) {
        Optional<TimeRecognizer.Recognized> r = recognizer.recognize(text, true);
        if (r.isEmpty()) {
            return Optional.empty();
        }
        return correct(r.get().expression(), known, zone, lang);
    }

    /**
     * "actually it was more like 11" after "this morning around 10": a lone number correcting a known time with an
     * hour is the hour. The caller decides that the number is not an amount.
     */
    Optional<DetailValue> correctHour(int hour, DetailValue known, ZoneId zone, Lang lang) {
        if (hour < 0 || hour > 23 || known.value().length() <= 10) {
            return Optional.empty();
        }
        var c = new TimeExpression.Clock(hour, 0, TimeExpression.Meridiem.NONE, hour == 0 || hour > 12);
        return correct(new TimeExpression(null, null, null, c), known, zone, lang);
    }

    private Optional<DetailValue> correct(TimeExpression e, DetailValue known, ZoneId zone, Lang lang) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        java.time.LocalDate knownDate = java.time.LocalDate.parse(known.value().substring(0, 10));
        boolean knownHasHour = known.value().length() > 10;
        // "不对，是昨天晚上" after "前天晚上9点": the part of the day agrees with the known hour, so only the day changes.
        boolean partKeepsHour = e.part() == null || knownHasHour
                && covers(e.part(), java.time.OffsetDateTime.parse(known.value()).getHour());
        if (e.minutesAgo() == null && e.day() != null && e.clock() == null && partKeepsHour && knownHasHour) {
            if (resolver.resolve(e, now) instanceof TimeResolver.At day) {
                var hour = java.time.OffsetDateTime.parse(known.value()).toLocalTime();
                var at = day.at().toLocalDate().atTime(hour).atZone(zone);
                return Optional.of(value(new TimeResolver.At(at, false, false), now, lang));
            }
            return Optional.empty();
        }
        if (e.minutesAgo() == null && e.day() == null && (e.clock() != null || e.part() != null)) {
            var onKnownDay = new TimeExpression.Date(knownDate.getYear(), knownDate.getMonthValue(), knownDate.getDayOfMonth());
            e = new TimeExpression(null, onKnownDay, e.part(), e.clock());
            if (e.part() == null && knownHasHour && e.clock().hours(null).size() > 1) {
                // "应该是十一点" after "上午十点": a corrected hour is near the one it replaces, not twelve hours away,
                // unless that reading has not happened yet.
                int knownHour = java.time.OffsetDateTime.parse(known.value()).getHour();
                int h = e.clock().hour();
                var nearer = Math.abs(h - knownHour) <= Math.abs(h + 12 - knownHour)
                        ? TimeExpression.Meridiem.AM : TimeExpression.Meridiem.PM;
                var near = new TimeExpression(null, onKnownDay, null,
                        new TimeExpression.Clock(h, e.clock().minute(), nearer, false));
                if (resolver.resolve(near, now) instanceof TimeResolver.At at) {
                    return Optional.of(value(at, now, lang));
                }
            }
        }
        return resolver.resolve(e, now) instanceof TimeResolver.At at ? Optional.of(value(at, now, lang)) : Optional.empty();
    }

    /** Whether an hour falls in what people call that part of the day (generously: 晚上 is 18 to 23). */
    private static boolean covers(TimeExpression.DayPart part, int hour) {
        return switch (part) {
            case SMALL_HOURS -> hour <= 4;
            case MORNING -> hour >= 5 && hour <= 11;
            case FORENOON -> hour >= 8 && hour <= 11;
            case NOON -> hour >= 11 && hour <= 13;
            case AFTERNOON -> hour >= 12 && hour <= 17;
            case DUSK -> hour >= 17 && hour <= 19;
            case EVENING -> hour >= 18 && hour <= 23;
            case NIGHT -> hour >= 21 || hour <= 4;
        };
    }

    private static DetailValue value(TimeResolver.At at, ZonedDateTime now, Lang lang) {
        if (at.dateOnly()) {
            return new DetailValue(DetailType.TIME, TimeDisplay.dateValue(at.at()), TimeDisplay.dateDisplay(at.at(), now, lang));
        }
        return new DetailValue(DetailType.TIME, TimeDisplay.value(at.at()),
                TimeDisplay.display(at.at(), at.approximate(), now, lang));
    }
}
