package supportbot.dialogue.details;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static supportbot.dialogue.details.DetailFixtures.PARSERS;
import static supportbot.dialogue.details.DetailFixtures.SETTINGS;
import static supportbot.dialogue.details.DetailFixtures.SHANGHAI;
import static supportbot.dialogue.details.DetailFixtures.assertHint;
import static supportbot.dialogue.details.DetailFixtures.assertOk;
import static supportbot.dialogue.details.DetailFixtures.parse;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import supportbot.faq.Lang;

class AccountDescriptionScreenshotTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            alice@example.com               | alice@example.com
            '  Alice@Example.COM  '         | alice@example.com
            我的邮箱是Alice@example.com       | alice@example.com
            'email: bob.li@mail.example.cn.' | bob.li@mail.example.cn
            12345678                        | 12345678
            my user id is 100200300         | 100200300
            """)
    void acceptsRegisteredEmailOrUserId(String text, String expected) {
        assertEquals(expected, assertOk(parse(DetailType.ACCOUNT, text)).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "hello", "alice@", "1234567890123", "", "alice@example.com or 12345678"})
    void otherAnswersShowTheExample(String text) {
        ParseResult r = parse(DetailType.ACCOUNT, text);
        assertHint(HintKeys.ACCOUNT_INVALID, r);
        assertEquals(SETTINGS.accountExample(), r.hintArgs().get("example"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"我昨天转USDT到交易所，一直显示处理中，已经过了三个小时",
            "My USDT transfer to Binance has been pending for 3 hours",
            "App crashes when I open the swap page"})
    void aConcreteDescriptionIsAccepted(String text) {
        DetailValue v = assertOk(parse(DetailType.DESCRIPTION, text));
        assertEquals(text, v.value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"help", "帮帮我", "有问题", "帮帮我帮帮我帮帮我帮帮我", "I have a problem please help", "在吗？急！",
            "Hello, I need help with my wallet please"})
    void aCryForHelpIsNotADescription(String text) {
        assertHint(HintKeys.DESCRIPTION_TOO_VAGUE, parse(DetailType.DESCRIPTION, text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"转账失败了", "Transfer failed", "USDT转不出去"})
    void aShortDescriptionAsksForStepsAndErrorText(String text) {
        assertHint(HintKeys.DESCRIPTION_TOO_SHORT, parse(DetailType.DESCRIPTION, text));
    }

    @Test
    void fullWidthLettersAndDigitsCountLikeTheirAsciiForms() {
        String fullWidth = "ＵＳＤＴ轉帳失敗 ＴＲＣ２０ 今天上午９點";
        assertEquals(DescriptionReader.units("USDT轉帳失敗 TRC20 今天上午9點"), DescriptionReader.units(fullWidth));
        assertEquals(fullWidth, assertOk(parse(DetailType.DESCRIPTION, fullWidth)).value());
    }

    @Test
    void longDescriptionsAreShortenedForDisplayOnly() {
        String text = "转账".repeat(50);
        DetailValue v = assertOk(parse(DetailType.DESCRIPTION, text));
        assertEquals(text, v.value());
        assertEquals(61, v.display().length());
    }

    @Test
    void theMinimumComesFromTheSettings() {
        var strict = new DetailSettings(SETTINGS.accountPattern(), SETTINGS.accountExample(), SETTINGS.defaultZone(), 20,
                SETTINGS.chains(), SETTINGS.coins(), SETTINGS.deviceButtons());
        var parsers = new DetailParsers(strict, DetailFixtures.CLOCK);
        String text = "我昨天转USDT到交易所一直没有到账";
        assertOk(parse(DetailType.DESCRIPTION, text));
        assertHint(HintKeys.DESCRIPTION_TOO_SHORT, parsers.parse(DetailType.DESCRIPTION, text, 0, SHANGHAI, Lang.ZH, Map.of()));
    }

    @Test
    void screenshotNeedsAnAttachment() {
        assertHint(HintKeys.SCREENSHOT_MISSING, PARSERS.parse(DetailType.SCREENSHOT, "here it is", 0, SHANGHAI, Lang.EN, Map.of()));
        DetailValue one = assertOk(PARSERS.parse(DetailType.SCREENSHOT, "", 1, SHANGHAI, Lang.EN, Map.of()));
        assertEquals("1 attachment", one.value());
        DetailValue three = assertOk(PARSERS.parse(DetailType.SCREENSHOT, null, 3, SHANGHAI, Lang.ZH, Map.of()));
        assertEquals("3 attachments", three.value());
        assertEquals("3 个附件", three.display());
    }
}
