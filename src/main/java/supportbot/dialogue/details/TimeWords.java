package supportbot.dialogue.details;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import supportbot.dialogue.details.TimeExpression.DayPart;
import supportbot.dialogue.details.TimeExpression.WeekMode;

/** The words of time phrases in both languages: numbers, months, weekdays, parts of the day. */
final class TimeWords {
    static final String HAN_NUM = "[零一二两三四五六七八九十]";
    static final String EN_NUM = "\\d+(?:\\.\\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
            + "|twelve|fifteen|twenty|thirty|forty-five|forty|fifty|a couple of|a few|few";
    static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?(?![a-z])";
    static final Map<String, DayPart> PARTS = Map.ofEntries(
            Map.entry("凌晨", DayPart.SMALL_HOURS), Map.entry("清晨", DayPart.MORNING), Map.entry("一大早", DayPart.MORNING),
            Map.entry("大早上", DayPart.MORNING), Map.entry("早上", DayPart.MORNING), Map.entry("早晨", DayPart.MORNING),
            Map.entry("上午", DayPart.FORENOON), Map.entry("中午", DayPart.NOON), Map.entry("下午", DayPart.AFTERNOON),
            Map.entry("傍晚", DayPart.DUSK), Map.entry("晚上", DayPart.EVENING), Map.entry("晚间", DayPart.EVENING),
            Map.entry("夜里", DayPart.NIGHT), Map.entry("夜间", DayPart.NIGHT), Map.entry("半夜", DayPart.NIGHT),
            Map.entry("深夜", DayPart.NIGHT), Map.entry("morning", DayPart.MORNING), Map.entry("afternoon", DayPart.AFTERNOON),
            Map.entry("evening", DayPart.EVENING), Map.entry("night", DayPart.NIGHT));
    static final Pattern PART = alternation(PARTS.keySet().stream().toList());

    private TimeWords() {
    }

    static DayOfWeek zhWeekday(String c) {
        return switch (c) {
            case "一", "1" -> DayOfWeek.MONDAY;
            case "二", "2" -> DayOfWeek.TUESDAY;
            case "三", "3" -> DayOfWeek.WEDNESDAY;
            case "四", "4" -> DayOfWeek.THURSDAY;
            case "五", "5" -> DayOfWeek.FRIDAY;
            case "六", "6" -> DayOfWeek.SATURDAY;
            default -> DayOfWeek.SUNDAY;
        };
    }

    static WeekMode zhWeekMode(String prefix) {
        if (prefix == null) {
            return WeekMode.LATEST;
        }
        return switch (prefix) {
            case "上" -> WeekMode.PREVIOUS_WEEK;
            case "上上" -> WeekMode.TWO_WEEKS_AGO;
            case "下" -> WeekMode.NEXT_WEEK;
            default -> WeekMode.THIS_WEEK;
        };
    }

    static DayOfWeek enDay(String name) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().toLowerCase(Locale.ROOT).startsWith(name.substring(0, 3))) {
                return d;
            }
        }
        throw new IllegalArgumentException(name);
    }

    static int month(String name) {
        List<String> months = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
        return months.indexOf(name.substring(0, 3)) + 1;
    }

    static double number(String s) {
        return switch (s) {
            case "a", "an", "one" -> 1;
            case "two", "a couple of" -> 2;
            case "three", "a few", "few" -> 3;
            case "four" -> 4;
            case "five" -> 5;
            case "six" -> 6;
            case "seven" -> 7;
            case "eight" -> 8;
            case "nine" -> 9;
            case "ten" -> 10;
            case "eleven" -> 11;
            case "twelve" -> 12;
            case "fifteen" -> 15;
            case "twenty" -> 20;
            case "twenty-five" -> 25;
            case "thirty" -> 30;
            case "forty" -> 40;
            case "forty-five" -> 45;
            case "fifty" -> 50;
            default -> Character.isDigit(s.charAt(0)) ? Double.parseDouble(s) : Numbers.parseHan(s).orElse(0L);
        };
    }

    /** Longest alternative first, so "大前天" is not read as "前天"; Latin words must stand alone. */
    static Pattern alternation(List<String> words) {
        List<String> sorted = new ArrayList<>(words);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder sb = new StringBuilder();
        for (String w : sorted) {
            if (sb.length() > 0) {
                sb.append('|');
            }
            boolean latin = Text.isAsciiLetter(w.charAt(0));
            sb.append(latin ? "(?<![a-z])" + Pattern.quote(w) + "(?![a-z])" : Pattern.quote(w));
        }
        return Pattern.compile(sb.toString());
    }
}
