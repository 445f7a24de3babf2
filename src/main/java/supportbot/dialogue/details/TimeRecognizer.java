package supportbot.dialogue.details;

import static supportbot.dialogue.details.TimeWords.EN_NUM;
import static supportbot.dialogue.details.TimeWords.HAN_NUM;
import static supportbot.dialogue.details.TimeWords.MONTH;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import supportbot.dialogue.details.TimeExpression.Clock;
import supportbot.dialogue.details.TimeExpression.Date;
import supportbot.dialogue.details.TimeExpression.Day;
import supportbot.dialogue.details.TimeExpression.DayOfMonth;
import supportbot.dialogue.details.TimeExpression.DayPart;
import supportbot.dialogue.details.TimeExpression.DaysAgo;
import supportbot.dialogue.details.TimeExpression.Meridiem;
import supportbot.dialogue.details.TimeExpression.WeekMode;
import supportbot.dialogue.details.TimeExpression.Weekday;

/**
 * Finds the pieces of a time phrase in Chinese or English (or both mixed, as users write): a day, a part of the
 * day, a clock time, or an offset such as "3小时前". Pieces may sit anywhere in a sentence ("昨天用iPhone转U,
 * 下午3点左右"). Placing them on the calendar is {@link TimeResolver}'s job.
 */
final class TimeRecognizer {

    record Recognized(TimeExpression expression, int start, int end) {
    }

    private record Hit<T>(int start, int end, T value) {
    }

    private record DayHit(Day day, DayPart impliedPart) {
    }

    private record ClockHit(Clock clock, boolean weak) {
    }

    private static final Pattern OFFSET_ZH = Pattern.compile("(\\d+(?:\\.\\d+)?|" + HAN_NUM + "+|半)"
            + "\\s*多?\\s*个?\\s*(半)?\\s*多?\\s*个?\\s*(小时|钟头|分钟|分)\\s*(?:以|之)?前");
    private static final Pattern OFFSET_EN = Pattern.compile("(?<![a-z])(" + EN_NUM + "|half an?)\\s*"
            + "(hours?|hrs?|h|minutes?|mins?|m)\\s+ago(?![a-z])");
    /** "已经 5 hours 了": English units inside Chinese. */
    private static final String EN_UNIT = "hours?(?![a-z])|hrs?(?![a-z])|minutes?(?![a-z])|mins?(?![a-z])";
    /** "已经3个小时了", "3个多小时了", "持续半小时": how long it has been going on, i.e. when it started. */
    private static final Pattern DURATION_ZH = Pattern.compile("(?:已经|已|持续了?)\\s*(\\d+(?:\\.\\d+)?|" + HAN_NUM
            + "+|半)\\s*多?\\s*个?\\s*(半)?\\s*多?\\s*个?\\s*(小时|钟头|分钟|" + EN_UNIT + ")|(\\d+(?:\\.\\d+)?|" + HAN_NUM
            + "+|半)\\s*多?\\s*个?\\s*(半)?\\s*多?\\s*个?\\s*(小时|钟头|分钟|" + EN_UNIT + ")\\s*了");
    /** "for 2 hours", "for the past 30 minutes", "for half an hour". */
    private static final Pattern DURATION_EN = Pattern.compile("(?<![a-z])for\\s+(?:the\\s+(?:last|past)\\s+)?("
            + EN_NUM + "|half an?)\\s*(hours?|hrs?|minutes?|mins?)(?![a-z])");
    /** "已经两天了", "for 3 days": the day it started. */
    private static final Pattern DAYS_DURATION_ZH = Pattern.compile(
            "(?:已经|已|持续了?)\\s*(\\d+|" + HAN_NUM + "+)\\s*个?\\s*(天|周|星期|礼拜)|(\\d+|" + HAN_NUM
                    + "+)\\s*个?\\s*(天|周|星期|礼拜)了");
    private static final Pattern DAYS_DURATION_EN = Pattern.compile(
            "(?<![a-z])for\\s+(?:the\\s+(?:last|past)\\s+)?(\\d+|an?|one|two|three|four|five|six|seven|a couple of)"
                    + "\\s*(days?|weeks?)(?![a-z])");
    private static final Pattern JUST_NOW = Pattern.compile(
            "刚刚|刚才|(?<![a-z])(?:just now|a moment ago|moments ago)(?![a-z])");

    private static final Map<String, DayHit> RELATIVE_DAYS = Map.ofEntries(
            Map.entry("大前天", days(3, null)), Map.entry("前天", days(2, null)),
            Map.entry("昨天", days(1, null)), Map.entry("昨日", days(1, null)), Map.entry("昨儿", days(1, null)),
            Map.entry("昨晚", days(1, DayPart.EVENING)), Map.entry("前晚", days(2, DayPart.EVENING)), Map.entry("昨夜", days(1, DayPart.EVENING)),
            Map.entry("今天", days(0, null)), Map.entry("今日", days(0, null)), Map.entry("今儿", days(0, null)),
            Map.entry("今早", days(0, DayPart.MORNING)), Map.entry("今晨", days(0, DayPart.MORNING)),
            Map.entry("今晚", days(0, DayPart.EVENING)),
            Map.entry("明天", days(-1, null)), Map.entry("明日", days(-1, null)), Map.entry("明早", days(-1, DayPart.MORNING)),
            Map.entry("明晚", days(-1, DayPart.EVENING)), Map.entry("后天", days(-2, null)),
            Map.entry("the day before yesterday", days(2, null)), Map.entry("day before yesterday", days(2, null)),
            Map.entry("yesterday", days(1, null)), Map.entry("today", days(0, null)),
            Map.entry("tonight", days(0, DayPart.EVENING)), Map.entry("last night", days(1, DayPart.EVENING)),
            Map.entry("this morning", days(0, DayPart.MORNING)), Map.entry("this afternoon", days(0, DayPart.AFTERNOON)),
            Map.entry("this evening", days(0, DayPart.EVENING)), Map.entry("tomorrow", days(-1, null)));
    private static final Pattern RELATIVE_DAY = TimeWords.alternation(RELATIVE_DAYS.keySet().stream().toList());

    private static final Pattern DAYS_AGO_ZH = Pattern.compile(
            "(\\d+|" + HAN_NUM + "+)\\s*个?\\s*(天|日|周|星期|礼拜)\\s*(?:以|之)?前");
    private static final Pattern DAYS_AGO_EN = Pattern.compile(
            "(?<![a-z])(\\d+|an?|one|two|three|four|five|six|seven|a couple of)\\s*(days?|weeks?)\\s+ago(?![a-z])");

    private static final Pattern WEEKDAY_ZH = Pattern.compile(
            "(上上|上|这|本|下)?\\s*个?\\s*(?:周|星期|礼拜)\\s*([一二三四五六日天七1-7])");
    private static final Pattern WEEKDAY_EN = Pattern.compile("(?<![a-z])(?:(last|past|this|on|next)\\s+)?"
            + "(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)"
            + "(?![a-z])");

    private static final Pattern DATE_YMD = Pattern.compile(
            "(?<!\\d)(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})(?!\\d)\\s*[日号]?");
    private static final Pattern DATE_MD_ZH = Pattern.compile(
            "(?<![\\d年])(\\d{1,2}|" + HAN_NUM + "{1,3})\\s*月\\s*(\\d{1,2}|" + HAN_NUM + "{1,3})(?!\\d)\\s*[日号]?");
    private static final Pattern DATE_EN_MD = Pattern.compile(
            "(?<![a-z])" + MONTH + "\\s*(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:])(?:,?\\s*(\\d{4})(?!\\d))?");
    private static final Pattern DATE_EN_DM = Pattern.compile(
            "(?<![\\d:])(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + "(?:,?\\s*(\\d{4})(?!\\d))?");
    private static final Pattern DAY_OF_MONTH_ZH = Pattern.compile(
            "(?<![\\d月.])(\\d{1,2}|" + HAN_NUM + "{1,3})\\s*[号日](?![前内后])");
    private static final Pattern DAY_OF_MONTH_EN = Pattern.compile(
            "(?<![a-z])the\\s+(\\d{1,2})(?:st|nd|rd|th)(?![a-z])");
    private static final Pattern DATE_SLASH = Pattern.compile("(?<![\\d/])(\\d{1,2})/(\\d{1,2})(?![\\d/])");

    private static final Pattern CLOCK_COLON = Pattern.compile(
            "(?<![\\d:])([01]?\\d|2[0-4])\\s*[:：]\\s*([0-5]\\d)(?![\\d:])(?:\\s*(am|pm|a\\.m\\.|p\\.m\\.)(?![a-z]))?");
    private static final Pattern CLOCK_MERIDIEM = Pattern.compile(
            "(?<![\\d:.])(\\d{1,2})(?:[:.]([0-5]\\d))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)(?![a-z])");
    private static final Pattern CLOCK_OCLOCK = Pattern.compile("(?<![\\d.])(\\d{1,2})\\s*o'?clock");
    /**
     * Minutes follow the hour directly ("10点30", "10点30分") or after a space only with 分 ("10点 30分"): in
     * "上午10点 bep20 usdt 300" the 300 is an amount, and two digits of a longer number are never minutes.
     */
    private static final Pattern CLOCK_ZH = Pattern.compile("(?<![\\d.])(\\d{1,2}|" + HAN_NUM + "{1,3})\\s*(?:点|點|时|時)"
            + "(?:\\s*(半)|\\s*(一刻)|\\s*(三刻)|(\\d{1,2}(?!\\d)|" + HAN_NUM + "{1,3})\\s*(分)?|\\s+(\\d{1,2})\\s*(分))?(钟)?");
    /** "half past ten", "quarter past 9", "20 past 3", "quarter to ten": the hour is the last word. */
    private static final Pattern CLOCK_PAST_EN = Pattern.compile("(?<![a-z\\d])(half|(?:a )?quarter|\\d{1,2}|five|ten|twenty|twenty-five)"
            + "\\s+(past|after|to)\\s+(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?![a-z\\d:])"
            + "(?:\\s*(am|pm|a\\.m\\.|p\\.m\\.)(?![a-z]))?");
    /** "at 10", "around 10", "about 9": weak, an hour only next to a day or a part of the day. */
    private static final Pattern CLOCK_AT = Pattern.compile("(?<![a-z])(?:at|at around|at about|around|about|approx\\.?"
            + "|approximately|roughly)\\s+(\\d{1,2})(?![\\d:.a-z])(?!\\s*(?:times?|tries|attempts|x(?![a-z])|mins?|minutes?"
            + "|hours?|hrs?|days?|weeks?|seconds?|secs?|usd|usdt|u(?![a-z])|dollars?|bucks|%|percent|people|coins?|tokens?"
            + "|transactions?|transfers?|txs?))");
    private static final Pattern CLOCK_WORD = Pattern.compile("(?<![a-z])(noon|midday|midnight)(?![a-z])");

    private static final Pattern SINCE_BEFORE = Pattern.compile("(?:(?<![a-z])since|从|自从)\\s*$");
    private static final Pattern STARTED_AFTER = Pattern.compile("^[^，。,.!?！？]*?(?:之后|以后|开始|起就|起一直)");
    private static final Pattern VAGUE = Pattern.compile(
            "前几天|这几天|最近|前段时间|上周|上个?星期|上个?礼拜|上个月|不记得|记不清|忘了|不清楚"
            + "|(?<![a-z])(?:a few days ago|few days ago|recently|last week|last month|a while ago|some time ago"
            + "|don'?t remember|can'?t remember|not sure|forgot)(?![a-z])");

    /**
     * @param reply the text answers "When did it happen?": a part of the day alone ("下午") or "11/20" is then a
     *              time; inside an arbitrary sentence ("早上好", "score 11/20") it is not
     */
    Optional<Recognized> recognize(String text, boolean reply) {
        String s = AliasIndex.lower(text);
        Hit<DayHit> day = day(s, text, reply);
        Hit<DayPart> part = first(TimeWords.PART, s, m -> TimeWords.PARTS.get(m.group()));
        if (part != null && day != null && part.start() < day.end() && day.start() < part.end()) {
            part = null; // the "night" of "last night" is already in the day
        }
        Hit<ClockHit> clock = clock(s, day, part, reply);
        if (!reply && part != null && !(follows(day, part, 8) || near(clock, part, 3))) {
            part = null; // "good morning, yesterday I…": a greeting, not the time of the incident
        }
        if (clock != null && clock.value().weak() && day == null && part == null) {
            clock = null;
        }
        Hit<Integer> offset = offset(s);
        if (offset != null && day == null && clock == null) {
            var e = new TimeExpression(offset.value(), null, null, null);
            return Optional.of(new Recognized(e, offset.start(), offset.end()));
        }
        if (day == null && clock == null && (part == null || !reply)) {
            return Optional.empty();
        }
        if (!reply && clock == null && part == null && day.value().impliedPart() == null
                && day.value().day() instanceof DaysAgo d && d.days() == 0 && !startsSomething(s, day)) {
            return Optional.empty(); // "today" alone in a sentence is usually about the request, not the incident
        }
        DayPart dayPart = part != null ? part.value() : day != null ? day.value().impliedPart() : null;
        List<Hit<?>> used = new ArrayList<>();
        for (Hit<?> h : new Hit<?>[] {day, part, clock}) {
            if (h != null) {
                used.add(h);
            }
        }
        int start = used.stream().mapToInt(Hit::start).min().orElseThrow();
        int end = used.stream().mapToInt(Hit::end).max().orElseThrow();
        TimeExpression e = new TimeExpression(null, day == null ? null : day.value().day(), dayPart,
                clock == null ? null : clock.value().clock());
        return Optional.of(new Recognized(e, start, end));
    }

    /**
     * "今天更新之后就闪退", "since today", "从今天起": today as the moment something began, which is the incident's time,
     * unlike "今天能处理吗".
     */
    private static boolean startsSomething(String s, Hit<?> day) {
        String before = s.substring(Math.max(0, day.start() - 8), day.start());
        String after = s.substring(day.end(), Math.min(s.length(), day.end() + 14));
        return SINCE_BEFORE.matcher(before).find() || STARTED_AFTER.matcher(after).find();
    }

    /** b starts at most {@code gap} characters after a ends. */
    private static boolean follows(Hit<?> a, Hit<?> b, int gap) {
        return a != null && b.start() >= a.end() && b.start() - a.end() <= gap;
    }

    private static boolean near(Hit<?> a, Hit<?> b, int gap) {
        return a != null && (follows(a, b, gap) || follows(b, a, gap));
    }

    /** "前几天", "recently", "不记得了": the user answered, but with nothing that can be placed on a calendar. */
    boolean isVague(String text) {
        return VAGUE.matcher(AliasIndex.lower(text)).find();
    }

    private Hit<DayHit> day(String s, String original, boolean reply) {
        List<Hit<DayHit>> hits = new ArrayList<>();
        add(hits, first(RELATIVE_DAY, s, m -> RELATIVE_DAYS.get(m.group())));
        add(hits, first(DAYS_AGO_ZH, s, m -> daysAgo(m.group(1), m.group(2))));
        add(hits, first(DAYS_AGO_EN, s, m -> daysAgo(m.group(1), m.group(2))));
        add(hits, first(DAYS_DURATION_ZH, s, m -> m.group(1) != null ? daysAgo(m.group(1), m.group(2))
                : daysAgo(m.group(3), m.group(4))));
        add(hits, first(DAYS_DURATION_EN, s, m -> daysAgo(m.group(1), m.group(2))));
        add(hits, first(WEEKDAY_ZH, s,
                m -> new DayHit(new Weekday(TimeWords.zhWeekday(m.group(2)), TimeWords.zhWeekMode(m.group(1))), null)));
        add(hits, firstWhere(WEEKDAY_EN, s, m -> enWeekday(m, s)));
        add(hits, first(DATE_YMD, s, m -> date(m.group(1), m.group(2), m.group(3))));
        add(hits, first(DATE_MD_ZH, s, m -> date(null, m.group(1), m.group(2))));
        add(hits, firstWhere(DATE_EN_MD, s, m -> monthWord(m, 1, original, reply)
                .map(month -> date(m.group(3), String.valueOf(month), m.group(2)))));
        add(hits, firstWhere(DATE_EN_DM, s, m -> monthWord(m, 2, original, reply)
                .map(month -> date(m.group(3), String.valueOf(month), m.group(1)))));
        add(hits, first(DAY_OF_MONTH_ZH, s, m -> dayOfMonth(m.group(1))));
        add(hits, first(DAY_OF_MONTH_EN, s, m -> dayOfMonth(m.group(1))));
        if (reply) {
            add(hits, first(DATE_SLASH, s, m -> date(null, m.group(1), m.group(2))));
        }
        return earliestLongest(hits);
    }

    private Hit<ClockHit> clock(String s, Hit<DayHit> day, Hit<DayPart> part, boolean reply) {
        List<Hit<ClockHit>> hits = new ArrayList<>();
        add(hits, first(CLOCK_COLON, s, m -> strong(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                meridiem(m.group(3)), true)));
        add(hits, first(CLOCK_MERIDIEM, s, m -> strong(Integer.parseInt(m.group(1)),
                m.group(2) == null ? 0 : Integer.parseInt(m.group(2)), meridiem(m.group(3)), false)));
        add(hits, first(CLOCK_OCLOCK, s, m -> strong(Integer.parseInt(m.group(1)), 0, Meridiem.NONE, false)));
        add(hits, first(CLOCK_WORD, s, m -> strong(m.group(1).equals("midnight") ? 24 : 12, 0, Meridiem.NONE, true)));
        add(hits, first(CLOCK_AT, s,
                m -> new ClockHit(new Clock(Integer.parseInt(m.group(1)), 0, Meridiem.NONE, false), true)));
        add(hits, firstWhere(CLOCK_ZH, s, m -> zhClock(m, s, day, part, reply)));
        add(hits, firstWhere(CLOCK_PAST_EN, s, TimeRecognizer::pastClock));
        Hit<ClockHit> best = earliestLongest(hits);
        if (best == null) {
            return null;
        }
        Clock c = best.value().clock();
        return c.hour() > 24 || c.hour() == 24 && c.minute() > 0 ? null : best;
    }

    private Hit<Integer> offset(String s) {
        List<Hit<Integer>> hits = new ArrayList<>();
        add(hits, first(OFFSET_ZH, s, m -> {
            double n = m.group(1).equals("半") ? 0.5 : TimeWords.number(m.group(1));
            if (m.group(2) != null) {
                n += 0.5; // 一个半小时
            }
            return (int) Math.round(n * (m.group(3).startsWith("分") ? 1 : 60));
        }));
        add(hits, first(OFFSET_EN, s, m -> {
            double n = m.group(1).startsWith("half") ? 0.5 : TimeWords.number(m.group(1));
            return (int) Math.round(n * (m.group(2).startsWith("h") ? 60 : 1));
        }));
        add(hits, first(DURATION_ZH, s, m -> {
            int g = m.group(1) != null ? 0 : 3;
            double n = m.group(1 + g).equals("半") ? 0.5 : TimeWords.number(m.group(1 + g));
            if (m.group(2 + g) != null) {
                n += 0.5;
            }
            String unit = m.group(3 + g);
            return (int) Math.round(n * (unit.startsWith("分") || unit.startsWith("m") ? 1 : 60));
        }));
        add(hits, first(DURATION_EN, s, m -> {
            double n = m.group(1).startsWith("half") ? 0.5 : TimeWords.number(m.group(1));
            return (int) Math.round(n * (m.group(2).startsWith("h") ? 60 : 1));
        }));
        add(hits, first(JUST_NOW, s, m -> 0));
        return earliestLongest(hits);
    }

    private Optional<ClockHit> zhClock(Matcher m, String s, Hit<DayHit> day, Hit<DayPart> part, boolean reply) {
        Optional<Long> hour = Numbers.parseInt(m.group(1));
        if (hour.isEmpty()) {
            return Optional.empty();
        }
        int minute = 0;
        if (m.group(2) != null) {
            minute = 30;
        } else if (m.group(3) != null) {
            minute = 15;
        } else if (m.group(4) != null) {
            minute = 45;
        } else if (m.group(5) != null && m.group(6) == null && m.group(5).length() == 1
                && !Character.isDigit(m.group(5).charAt(0))) {
            minute = 0; // "9点一直没到": a lone Han numeral after the hour starts the next word, it is not 9:01
        } else if (m.group(5) != null || m.group(7) != null) {
            Optional<Long> mm = Numbers.parseInt(m.group(5) != null ? m.group(5) : m.group(7));
            if (mm.isEmpty() || mm.get() > 59) {
                return Optional.empty();
            }
            minute = mm.get().intValue();
        }
        boolean hanHour = !Character.isDigit(m.group(1).charAt(0));
        // "有一点问题" is "a bit of a problem": a Han-numeral hour needs a day or part of day right before it,
        // or a clock word after it (钟, 半, 分), or to be nearly all of a reply to "when?" ("十点左右"); "一点"
        // alone stays "a bit" even then.
        boolean anchored = m.group(2) != null || m.group(3) != null || m.group(4) != null || m.group(6) != null
                || m.group(8) != null || m.group(9) != null || rightAfter(day, m.start(), s) || rightAfter(part, m.start(), s)
                || reply && !m.group(1).equals("一") && s.strip().length() <= m.group().length() + 3;
        if (hanHour && !anchored) {
            return Optional.empty();
        }
        return Optional.of(strong(hour.get().intValue(), minute, Meridiem.NONE, m.group(1).length() == 2
                && m.group(1).charAt(0) == '0' || hour.get() > 12));
    }

    private static Optional<ClockHit> pastClock(Matcher m) {
        int hour = (int) TimeWords.number(m.group(3));
        String by = m.group(1).replace("a ", "");
        int minutes = by.equals("half") ? 30 : by.equals("quarter") ? 15 : (int) TimeWords.number(by);
        if (hour < 1 || hour > 12 || minutes < 1 || minutes > 59 || m.group(2).equals("to") && by.equals("half")) {
            return Optional.empty();
        }
        if (m.group(2).equals("to")) {
            hour = hour == 1 ? 12 : hour - 1;
            minutes = 60 - minutes;
        }
        return Optional.of(strong(hour, minutes, meridiem(m.group(4)), false));
    }

    private static boolean rightAfter(Hit<?> h, int start, String s) {
        return h != null && h.end() <= start && HEDGE.matcher(s.substring(h.end(), start)).matches();
    }

    /** "晚上大概九点多", "昨天差不多十点": a hedge between the part of the day and a Han-numeral hour still anchors it. */
    private static final Pattern HEDGE = Pattern.compile("\\s*(?:(?:大概|大约|约莫|约|差不多|估计|应该是|可能是?|好像是?|将近|快|接近)\\s*)?");

    private Optional<DayHit> enWeekday(Matcher m, String s) {
        String qualifier = m.group(1);
        String name = m.group(2);
        boolean abbreviation = name.length() <= 5 && !name.endsWith("day");
        // "sat", "sun", "wed" are ordinary words too; as day names they come with "last"/"on" or a time after them.
        if (abbreviation && qualifier == null && !s.substring(m.end()).matches("(?s)\\s*,?\\s*\\d.*")) {
            return Optional.empty();
        }
        if (qualifier == null && s.substring(0, m.start()).matches("(?s).*(?<![a-z])(by|until|till|before)\\s+$")) {
            return Optional.empty(); // "fix it by friday" is a deadline, not when it happened
        }
        WeekMode mode = qualifier == null || qualifier.equals("on") ? WeekMode.LATEST : switch (qualifier) {
            case "last", "past" -> WeekMode.BEFORE_TODAY;
            case "this" -> WeekMode.THIS_WEEK;
            default -> WeekMode.NEXT_WEEK;
        };
        return Optional.of(new DayHit(new Weekday(TimeWords.enDay(name), mode), null));
    }

    private static DayHit daysAgo(String n, String unit) {
        int count = (int) TimeWords.number(n);
        boolean weeks = unit.startsWith("week") || unit.equals("周") || unit.equals("星期") || unit.equals("礼拜");
        return new DayHit(new DaysAgo(weeks ? count * 7 : count), null);
    }

    private static DayHit date(String year, String month, String day) {
        Optional<Long> m = Numbers.parseInt(month);
        Optional<Long> d = Numbers.parseInt(day);
        if (m.isEmpty() || d.isEmpty()) {
            return null;
        }
        Integer y = year == null ? null : Integer.valueOf(year);
        return new DayHit(new Date(y, m.get().intValue(), d.get().intValue()), null);
    }

    private static DayHit dayOfMonth(String day) {
        return Numbers.parseInt(day).filter(d -> d >= 1 && d <= 31)
                .map(d -> new DayHit(new DayOfMonth(d.intValue()), null)).orElse(null);
    }

    private static ClockHit strong(int hour, int minute, Meridiem meridiem, boolean literal) {
        return new ClockHit(new Clock(hour, minute, meridiem, literal && meridiem == Meridiem.NONE), false);
    }

    private static Meridiem meridiem(String s) {
        if (s == null) {
            return Meridiem.NONE;
        }
        return s.startsWith("a") ? Meridiem.AM : Meridiem.PM;
    }

    /** "may" is mostly the verb: inside a sentence only a capitalised "May" is the month. */
    private static Optional<Integer> monthWord(Matcher m, int group, String original, boolean reply) {
        String word = m.group(group);
        if (word.equals("may") && !reply && original.charAt(m.start(group)) != 'M') {
            return Optional.empty();
        }
        return Optional.of(TimeWords.month(word));
    }

    private static <T> Hit<T> first(Pattern p, String s, Function<Matcher, T> value) {
        return firstWhere(p, s, m -> Optional.ofNullable(value.apply(m)));
    }

    private static <T> Hit<T> firstWhere(Pattern p, String s, Function<Matcher, Optional<T>> value) {
        Matcher m = p.matcher(s);
        while (m.find()) {
            Optional<T> v = value.apply(m);
            if (v.isPresent()) {
                return new Hit<>(m.start(), m.end(), v.get());
            }
        }
        return null;
    }

    private static <T> void add(List<Hit<T>> hits, Hit<T> hit) {
        if (hit != null) {
            hits.add(hit);
        }
    }

    private static <T> Hit<T> earliestLongest(List<Hit<T>> hits) {
        return hits.stream()
                .min(Comparator.<Hit<T>>comparingInt(Hit::start).thenComparing(h -> -(h.end() - h.start())))
                .orElse(null);
    }

    private static DayHit days(int n, DayPart part) {
        return new DayHit(new DaysAgo(n), part);
    }

}
