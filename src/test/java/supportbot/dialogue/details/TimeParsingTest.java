package supportbot.dialogue.details;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static supportbot.dialogue.details.DetailFixtures.CLOCK;
import static supportbot.dialogue.details.DetailFixtures.PARSERS;
import static supportbot.dialogue.details.DetailFixtures.SHANGHAI;
import static supportbot.dialogue.details.DetailFixtures.assertHint;
import static supportbot.dialogue.details.DetailFixtures.assertOk;

import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import supportbot.faq.Lang;

/** Now is Wednesday 2026-11-25 14:00 in Asia/Shanghai. */
class TimeParsingTest {

    private static ParseResult time(String text, ZoneId zone, Lang lang) {
        return PARSERS.parse(DetailType.TIME, text, 0, zone, lang, Map.of());
    }

    private static ParseResult time(String text) {
        return time(text, SHANGHAI, supportbot.faq.LanguageDetector.detect(text));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            昨天下午3点          | 2026-11-24T15:00+08:00
            昨天15:30           | 2026-11-24T15:30+08:00
            今天早上             | 2026-11-25T09:00+08:00
            今天上午10点         | 2026-11-25T10:00+08:00
            3小时前             | 2026-11-25T11:00+08:00
            半小时前             | 2026-11-25T13:30+08:00
            10分钟前            | 2026-11-25T13:50+08:00
            上周五              | 2026-11-20          
            周三晚上8点          | 2026-11-18T20:00+08:00
            前天                | 2026-11-23          
            刚才                | 2026-11-25T14:00+08:00
            刚刚                | 2026-11-25T14:00+08:00
            2026-11-20 14:00    | 2026-11-20T14:00+08:00
            2026/11/20          | 2026-11-20          
            11月20日下午2点      | 2026-11-20T14:00+08:00
            yesterday 3pm       | 2026-11-24T15:00+08:00
            yesterday at 15:30  | 2026-11-24T15:30+08:00
            this morning        | 2026-11-25T09:00+08:00
            2 hours ago         | 2026-11-25T12:00+08:00
            30 mins ago         | 2026-11-25T13:30+08:00
            last friday         | 2026-11-20          
            friday 8pm          | 2026-11-20T20:00+08:00
            just now            | 2026-11-25T14:00+08:00
            today at 10am       | 2026-11-25T10:00+08:00
            Nov 20 2pm          | 2026-11-20T14:00+08:00
            下午3点              | 2026-11-24T15:00+08:00
            下午1点              | 2026-11-25T13:00+08:00
            凌晨2点              | 2026-11-25T02:00+08:00
            中午12点             | 2026-11-25T12:00+08:00
            昨晚                | 2026-11-24T20:00+08:00
            昨天中午             | 2026-11-24T12:00+08:00
            今天下午             | 2026-11-25T14:00+08:00
            晚上                | 2026-11-24T20:00+08:00
            昨天下午三点半        | 2026-11-24T15:30+08:00
            昨天晚上12点         | 2026-11-25T00:00+08:00
            3点半               | 2026-11-25T03:30+08:00
            8点                 | 2026-11-25T08:00+08:00
            20:30               | 2026-11-24T20:30+08:00
            三天前               | 2026-11-22          
            2天前下午            | 2026-11-23T15:00+08:00
            一个半小时前          | 2026-11-25T12:30+08:00
            上上周一             | 2026-11-09          
            星期天晚上           | 2026-11-22T20:00+08:00
            11/20               | 2026-11-20          
            12月28日             | 2025-12-28          
            an hour ago         | 2026-11-25T13:00+08:00
            half an hour ago    | 2026-11-25T13:30+08:00
            yesterday evening   | 2026-11-24T20:00+08:00
            last night          | 2026-11-24T20:00+08:00
            on monday at 9am    | 2026-11-23T09:00+08:00
            20 Nov 2026         | 2026-11-20          
            'Nov 20, 2026 at 2:30pm' | 2026-11-20T14:30+08:00
            大概昨天下午3点左右吧  | 2026-11-24T15:00+08:00
            20号                | 2026-11-20          
            二十号晚上            | 2026-11-20T20:00+08:00
            on the 20th         | 2026-11-20          
            十点左右             | 2026-11-25T10:00+08:00
            一点半               | 2026-11-25T13:30+08:00
            yesterday at 3      | 2026-11-24T15:00+08:00
            I sent it around 10 pm yesterday | 2026-11-24T22:00+08:00
            """)
    void resolvesNaturalLanguageToTheMinute(String text, String expected) {
        assertEquals(expected, assertOk(time(text)).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"明天", "tomorrow", "今天晚上8点", "today at 8pm", "今天晚上", "2026-12-01 10:00", "下周一",
            "next monday", "11月26日", "this friday"})
    void futureTimesAreRejected(String text) {
        assertHint(HintKeys.TIME_FUTURE, time(text));
    }

    @Test
    void futureHintNamesTheTimeInTheUsersLanguage() {
        assertEquals("今天 20:00", time("今天晚上8点", SHANGHAI, Lang.ZH).hintArgs().get("time"));
        assertEquals("today 20:00", time("today at 8pm", SHANGHAI, Lang.EN).hintArgs().get("time"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"asdf", "不知道", "", "2026-02-30", "我的钱包", "有一点问题"})
    void unreadableTimesGetTheExamplesHint(String text) {
        assertHint(HintKeys.TIME_INVALID, time(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"前几天", "最近", "不记得了", "recently", "a few days ago", "last week", "上周"})
    void vagueAnswersAskForADay(String text) {
        assertHint(HintKeys.TIME_VAGUE, time(text));
    }

    @Test
    void displayShowsTheRelativeDayAndTheExactTime() {
        assertEquals("昨天 15:00 (2026-11-24 15:00 +08:00)", assertOk(time("昨天下午3点", SHANGHAI, Lang.ZH)).display());
        assertEquals("yesterday 15:00 (2026-11-24 15:00 +08:00)", assertOk(time("yesterday 3pm", SHANGHAI, Lang.EN)).display());
    }

    @Test
    void displaySaysWhenTheHourIsOnlyRepresentative() {
        assertEquals("今天 约 09:00 (2026-11-25 09:00 +08:00)", assertOk(time("今天早上", SHANGHAI, Lang.ZH)).display());
        assertEquals("today around 09:00 (2026-11-25 09:00 +08:00)", assertOk(time("this morning", SHANGHAI, Lang.EN)).display());
    }

    /** Issue 14: a day without an hour stays a day; the old representative 12:00 was invented. */
    @Test
    void aDayWithoutAnHourIsShownAsTheDateOnly() {
        assertEquals("2026-11-20 (Friday)", assertOk(time("last friday", SHANGHAI, Lang.EN)).display());
        assertEquals("2026-11-23（前天）", assertOk(time("前天", SHANGHAI, Lang.ZH)).display());
        assertEquals("2026-11-09", assertOk(time("上上周一", SHANGHAI, Lang.ZH)).display());
    }

    @Test
    void exactTimesAreNotMarkedApproximate() {
        assertEquals("今天 11:00 (2026-11-25 11:00 +08:00)", assertOk(time("3小时前", SHANGHAI, Lang.ZH)).display());
    }

    @Test
    void timesAreResolvedInTheUsersZone() {
        // 06:00 UTC is 06:00 in London and 01:00 in New York.
        assertEquals("2026-11-24T15:00+00:00", assertOk(time("昨天下午3点", ZoneId.of("Europe/London"), Lang.ZH)).value());
        assertEquals("2026-11-24T22:00-05:00", assertOk(time("3 hours ago", ZoneId.of("America/New_York"), Lang.EN)).value());
        assertHint(HintKeys.TIME_FUTURE, time("this morning", ZoneId.of("America/New_York"), Lang.EN));
    }

    @Test
    void usesTheInjectedClock() {
        var later = java.time.Clock.offset(CLOCK, java.time.Duration.ofDays(1));
        var parsers = new DetailParsers(DetailFixtures.SETTINGS, later);
        assertEquals("2026-11-25T15:00+08:00",
                assertOk(parsers.parse(DetailType.TIME, "昨天下午3点", 0, SHANGHAI, Lang.ZH, Map.of())).value());
    }

    @Test
    void aNullZoneFallsBackToTheConfiguredDefault() {
        assertEquals("2026-11-24T15:00+08:00",
                assertOk(PARSERS.parse(DetailType.TIME, "yesterday 3pm", 0, null, Lang.EN, Map.of())).value());
    }
}
