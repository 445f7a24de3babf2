package supportbot.dialogue.details;

import java.time.DayOfWeek;
import java.util.List;

/**
 * What a time phrase says, before it is placed on the calendar: "昨天下午3点" is a day (1 day ago), a part of
 * the day (afternoon) and a clock time (3). Any part may be absent.
 *
 * @param minutesAgo "3小时前", "30 mins ago"; 0 for "刚刚" / "just now"
 */
record TimeExpression(Integer minutesAgo, Day day, DayPart part, Clock clock) {

    sealed interface Day permits DaysAgo, Weekday, Date, DayOfMonth {
    }

    /** Negative for the future ("明天"), so that the resolver can say the time is in the future. */
    record DaysAgo(int days) implements Day {
    }

    record Weekday(DayOfWeek dayOfWeek, WeekMode mode) implements Day {
    }

    /** @param year null when not written: the most recent such date is meant */
    record Date(Integer year, int month, int dayOfMonth) implements Day {
    }

    /** "20号", "the 20th": the latest such day that is not in the future. */
    record DayOfMonth(int day) implements Day {
    }

    enum WeekMode {
        /** "周五", "friday": the latest such day that is not in the future. */
        LATEST,
        /** "last friday": the latest such day before today. */
        BEFORE_TODAY,
        /** "上周五": Friday of the previous Monday-to-Sunday week. */
        PREVIOUS_WEEK,
        /** "上上周五". */
        TWO_WEEKS_AGO,
        /** "这周五", "this friday". */
        THIS_WEEK,
        /** "下周五", "next friday". */
        NEXT_WEEK
    }

    enum Meridiem { AM, PM, NONE }

    /**
     * @param literal written so that it cannot be a 12-hour time ("15:30", "08:00"); otherwise "3点" may be
     *                03:00 or 15:00 and the resolver picks the latest that has already happened
     */
    record Clock(int hour, int minute, Meridiem meridiem, boolean literal) {

        /** Candidate hours (0–24; 24 is midnight at the end of the day) given the part of the day. */
        List<Integer> hours(DayPart part) {
            if (meridiem == Meridiem.AM) {
                return List.of(hour == 12 ? 0 : hour);
            }
            if (meridiem == Meridiem.PM) {
                return List.of(hour < 12 ? hour + 12 : hour);
            }
            if (part != null) {
                return List.of(part.hourOf(hour));
            }
            if (literal || hour == 0 || hour >= 12) {
                return List.of(hour);
            }
            return List.of(hour, hour + 12);
        }
    }

    /** Parts of the day, with the hour used when no clock time is given. */
    enum DayPart {
        SMALL_HOURS(0, 3), MORNING(5, 9), FORENOON(8, 10), NOON(11, 12), AFTERNOON(12, 15), DUSK(17, 18),
        EVENING(18, 20), NIGHT(21, 23);

        final int startHour;
        final int representativeHour;

        DayPart(int startHour, int representativeHour) {
            this.startHour = startHour;
            this.representativeHour = representativeHour;
        }

        /** "下午3点" is 15:00, "中午1点" 13:00, "晚上12点" midnight (24), "凌晨12点" 00:00, "夜里2点" 02:00. */
        int hourOf(int h) {
            return switch (this) {
                case SMALL_HOURS -> h == 12 ? 0 : h;
                case MORNING, FORENOON -> h;
                case NOON -> h <= 3 ? h + 12 : h;
                case AFTERNOON -> h < 12 ? h + 12 : h;
                case DUSK, EVENING -> h < 12 ? h + 12 : h == 12 ? 24 : h;
                case NIGHT -> h >= 1 && h <= 5 ? h : h < 12 ? h + 12 : h == 12 ? 24 : h;
            };
        }
    }
}
