package supportbot.dialogue.details;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import supportbot.faq.Lang;

/**
 * How a resolved time is shown back to the user: "昨天 15:00 (2026-11-24 15:00 +08:00)", "today around 09:00
 * (…)". These few words stay in code rather than in the message files because they are assembled per value
 * (relative day, weekday, "around") and carry no wording an editor would want to change.
 */
final class TimeDisplay {
    static final DateTimeFormatter VALUE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmxxx", Locale.ROOT);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx", Locale.ROOT);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final String[] ZH_WEEKDAYS = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};

    private TimeDisplay() {
    }

    static String value(ZonedDateTime at) {
        return VALUE.format(at);
    }

    /** A day without an hour is stored as the absolute date: "昨天" would be wrong tomorrow. */
    static String dateValue(ZonedDateTime at) {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(at);
    }

    /** "2026-11-24（昨天）" / "2026-11-24 (yesterday)": the relative word is only ever added when shown. */
    static String dateDisplay(ZonedDateTime at, ZonedDateTime now, Lang lang) {
        String date = dateValue(at);
        String day = day(at, now, lang);
        if (day.startsWith(String.valueOf(at.getMonthValue())) || day.startsWith(String.valueOf(at.getYear()))
                || day.matches("[A-Z][a-z]{2} .*")) {
            return date; // the relative word would only repeat the date
        }
        return lang == Lang.ZH ? date + "（" + day + "）" : date + " (" + day + ")";
    }

    static String display(ZonedDateTime at, boolean approximate, ZonedDateTime now, Lang lang) {
        return brief(at, approximate, now, lang) + " (" + FULL.format(at) + ")";
    }

    /** "昨天 约 09:00" / "yesterday around 09:00". */
    static String brief(ZonedDateTime at, boolean approximate, ZonedDateTime now, Lang lang) {
        String clock = CLOCK.format(at);
        String time = !approximate ? clock : lang == Lang.ZH ? "约 " + clock : "around " + clock;
        return day(at, now, lang) + " " + time;
    }

    static String day(ZonedDateTime at, ZonedDateTime now, Lang lang) {
        long daysAgo = ChronoUnit.DAYS.between(at.toLocalDate(), now.toLocalDate());
        boolean zh = lang == Lang.ZH;
        if (daysAgo == 0) {
            return zh ? "今天" : "today";
        }
        if (daysAgo == 1) {
            return zh ? "昨天" : "yesterday";
        }
        if (daysAgo == -1) {
            return zh ? "明天" : "tomorrow";
        }
        if (daysAgo == 2 && zh) {
            return "前天";
        }
        DayOfWeek dow = at.getDayOfWeek();
        if (daysAgo > 1 && daysAgo < 7) {
            return zh ? ZH_WEEKDAYS[dow.getValue() - 1] : dow.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        }
        boolean sameYear = at.getYear() == now.getYear();
        if (zh) {
            return (sameYear ? "" : at.getYear() + "年") + at.getMonthValue() + "月" + at.getDayOfMonth() + "日";
        }
        return DateTimeFormatter.ofPattern(sameYear ? "MMM d" : "MMM d, yyyy", Locale.ENGLISH).format(at);
    }
}
