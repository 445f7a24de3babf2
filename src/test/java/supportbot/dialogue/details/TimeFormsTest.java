package supportbot.dialogue.details;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static supportbot.dialogue.details.DetailFixtures.SHANGHAI;
import static supportbot.dialogue.details.DetailFixtures.assertOk;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import supportbot.faq.Lang;

/**
 * Issue 14 time forms, as replies to "when did it happen?". Now is Wednesday 2026-11-25 14:00 in Shanghai. A day
 * without an hour is stored as the date alone; durations and "ago" mean when it started; "about" keeps the hour.
 */
class TimeFormsTest {

    private static String time(String text, Lang lang) {
        return assertOk(DetailFixtures.PARSERS.parse(DetailType.TIME, text, 0, SHANGHAI, lang, Map.of())).value();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            已经3个小时了          | 2026-11-25T11:00+08:00
            已经两个小时了         | 2026-11-25T12:00+08:00
            已经半个小时了         | 2026-11-25T13:30+08:00
            已经一个半小时了       | 2026-11-25T12:30+08:00
            3个多小时了           | 2026-11-25T11:00+08:00
            持续了40分钟          | 2026-11-25T13:20+08:00
            两天前               | 2026-11-23
            兩天前               | 2026-11-23
            已经两天了            | 2026-11-23
            3天了                | 2026-11-22
            半小时前              | 2026-11-25T13:30+08:00
            2小时前              | 2026-11-25T12:00+08:00
            大概下午3点           | 2026-11-24T15:00+08:00
            约下午2点             | 2026-11-25T14:00+08:00
            大约昨天晚上9点        | 2026-11-24T21:00+08:00
            下午3点多             | 2026-11-24T15:00+08:00
            昨天晚上大概九点多      | 2026-11-24T21:00+08:00
            晚上差不多十点          | 2026-11-24T22:00+08:00
            早上约莫八点半          | 2026-11-25T08:30+08:00
            前晚十一点多            | 2026-11-23T23:00+08:00
            前晚                  | 2026-11-23T20:00+08:00
            已经 5 hours 了        | 2026-11-25T09:00+08:00
            30 mins了             | 2026-11-25T13:30+08:00
            昨天下午３點           | 2026-11-24T15:00+08:00
            凌晨2点              | 2026-11-25T02:00+08:00
            昨天凌晨3点           | 2026-11-24T03:00+08:00
            上周五               | 2026-11-20
            上周五晚上8点          | 2026-11-20T20:00+08:00
            周一                 | 2026-11-23
            星期二               | 2026-11-24
            礼拜天               | 2026-11-22
            11月24号             | 2026-11-24
            11月24日下午4点        | 2026-11-24T16:00+08:00
            １１月２０日           | 2026-11-20
            11/24               | 2026-11-24
            2026-11-20          | 2026-11-20
            2026-11-20 14:30    | 2026-11-20T14:30+08:00
            昨天                 | 2026-11-24
            前天                 | 2026-11-23
            大前天               | 2026-11-22
            昨天晚上             | 2026-11-24T20:00+08:00
            今天早上             | 2026-11-25T09:00+08:00
            今天上午10点半         | 2026-11-25T10:30+08:00
            中午12点             | 2026-11-25T12:00+08:00
            20号                | 2026-11-20
            刚刚                 | 2026-11-25T14:00+08:00
            10分钟前             | 2026-11-25T13:50+08:00
            今天上午10点30        | 2026-11-25T10:30+08:00
            今天上午10点 30分      | 2026-11-25T10:30+08:00
            今天上午10點半         | 2026-11-25T10:30+08:00
            """)
    void chinese(String text, String expected) {
        assertEquals(expected, time(text, Lang.ZH));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            for 2 hours                 | 2026-11-25T12:00+08:00
            for the past 30 minutes     | 2026-11-25T13:30+08:00
            for half an hour            | 2026-11-25T13:30+08:00
            for 3 days                  | 2026-11-22
            for two days                | 2026-11-23
            since this morning          | 2026-11-25T09:00+08:00
            since yesterday 9pm         | 2026-11-24T21:00+08:00
            since yesterday             | 2026-11-24
            2 days ago                  | 2026-11-23
            two days ago                | 2026-11-23
            3 hours ago                 | 2026-11-25T11:00+08:00
            half an hour ago            | 2026-11-25T13:30+08:00
            about 10am yesterday        | 2026-11-24T10:00+08:00
            around 3pm                  | 2026-11-24T15:00+08:00
            around 11am                 | 2026-11-25T11:00+08:00
            yesterday around 8pm        | 2026-11-24T20:00+08:00
            yesterday at 3pm            | 2026-11-24T15:00+08:00
            yesterday 15:30             | 2026-11-24T15:30+08:00
            yesterday                   | 2026-11-24
            the day before yesterday    | 2026-11-23
            last friday                 | 2026-11-20
            last friday at 8pm          | 2026-11-20T20:00+08:00
            on monday                   | 2026-11-23
            monday                      | 2026-11-23
            tuesday evening             | 2026-11-24T20:00+08:00
            sunday                      | 2026-11-22
            24 Nov                      | 2026-11-24
            Nov 24                      | 2026-11-24
            24 November                 | 2026-11-24
            Nov 24 at 3pm               | 2026-11-24T15:00+08:00
            20 Nov 2026                 | 2026-11-20
            11/24                       | 2026-11-24
            2026-11-20                  | 2026-11-20
            this morning                | 2026-11-25T09:00+08:00
            last night                  | 2026-11-24T20:00+08:00
            last night around 11pm      | 2026-11-24T23:00+08:00
            this morning at 9:15        | 2026-11-25T09:15+08:00
            just now                    | 2026-11-25T14:00+08:00
            10 minutes ago              | 2026-11-25T13:50+08:00
            on the 20th                 | 2026-11-20
            today half past ten         | 2026-11-25T10:30+08:00
            yesterday half past 3 pm    | 2026-11-24T15:30+08:00
            today quarter to ten        | 2026-11-25T09:45+08:00
            today 10:30am               | 2026-11-25T10:30+08:00
            today 10.30am               | 2026-11-25T10:30+08:00
            """)
    void english(String text, String expected) {
        assertEquals(expected, time(text, Lang.EN));
    }

    /** A number later in the message is not the minutes of an earlier hour: "上午10点 … 300" is 10:00 and 300. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            上午10点 bep20 usdt 300 deposit 没有 arrive | 2026-11-25T10:00+08:00
            昨天晚上8点 转了 30 usdt                    | 2026-11-24T20:00+08:00
            昨天早上8点 3000u还没到                     | 2026-11-24T08:00+08:00
            half past ten this morning sent 300 usdt   | 2026-11-25T10:30+08:00
            上午10点半 转的 usdt                        | 2026-11-25T10:30+08:00
            """)
    void inAMessage(String text, String expected) {
        assertEquals(expected, DetailFixtures.PARSERS.extractAll(text, SHANGHAI, Lang.ZH).get(DetailType.TIME).value());
    }
}
