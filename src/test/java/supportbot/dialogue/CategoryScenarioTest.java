package supportbot.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import supportbot.dialogue.details.DetailType;
import supportbot.faq.Lang;
import supportbot.faq.LanguageDetector;

/**
 * One full conversation per category and language: the first message, every question the bot asks answered
 * as a user would, the summary, and the ticket — asserting every collected value.
 */
class CategoryScenarioTest {
    static final String TRON_HASH = "a3f1c9e2b7d4058f6e1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70";
    static final String TRON_ADDRESS = "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE";

    /** What the user answers when asked for each detail, per language (null: press "skip"). */
    static final Map<Lang, Map<DetailType, String>> ANSWERS = Map.of(
            Lang.ZH, Map.of(
                    DetailType.ACCOUNT, "alice@example.com",
                    DetailType.TIME, "昨天下午3点",
                    DetailType.DEVICE, "iPhone 15 iOS 17.2",
                    DetailType.CHAIN, "波场",
                    DetailType.COIN, "USDT",
                    DetailType.TX_HASH, TRON_HASH,
                    DetailType.AMOUNT, "100 USDT",
                    DetailType.ADDRESS, TRON_ADDRESS),
            Lang.EN, Map.of(
                    DetailType.ACCOUNT, "alice@example.com",
                    DetailType.TIME, "yesterday 3pm",
                    DetailType.DEVICE, "iPhone 15 iOS 17.2",
                    DetailType.CHAIN, "TRC20",
                    DetailType.COIN, "USDT",
                    DetailType.TX_HASH, TRON_HASH,
                    DetailType.AMOUNT, "100 USDT",
                    DetailType.ADDRESS, TRON_ADDRESS));

    /** What must be stored for those answers, whatever the language. */
    static final Map<DetailType, String> EXPECTED = Map.of(
            DetailType.ACCOUNT, "alice@example.com",
            DetailType.TIME, "2026-11-24T15:00+08:00",
            DetailType.DEVICE, "iPhone 15 / iOS 17.2",
            DetailType.CHAIN, "TRON",
            DetailType.COIN, "USDT",
            DetailType.TX_HASH, TRON_HASH,
            DetailType.AMOUNT, "100 USDT",
            DetailType.ADDRESS, TRON_ADDRESS);

    static Stream<Arguments> reports() {
        return Stream.of(
                Arguments.of("wrong-network", Lang.ZH, "我把币转错链了,提现的时候选错了网络,现在交易所说没收到"),
                Arguments.of("wrong-network", Lang.EN, "I sent my coins on the wrong network to my exchange account"),
                Arguments.of("deposit-not-received", Lang.ZH, "从交易所提币到钱包,过了很久还是没到账"),
                Arguments.of("deposit-not-received", Lang.EN, "my withdrawal from the exchange has not arrived in my wallet yet"),
                Arguments.of("transfer-pending", Lang.ZH, "我的转账一直在等待确认,已经好几个小时了"),
                Arguments.of("transfer-pending", Lang.EN, "my transfer has been pending for many hours now"),
                Arguments.of("transfer-failed", Lang.ZH, "给朋友转账的时候一直提示转账失败,试了好几次"),
                Arguments.of("transfer-failed", Lang.EN, "every time I try to send to my friend the transfer failed with an error"),
                Arguments.of("swap-failed", Lang.ZH, "在钱包里兑换代币的时候兑换失败了,提示错误"),
                Arguments.of("swap-failed", Lang.EN, "the swap failed twice in the app when I tried to trade tokens"),
                Arguments.of("account-login", Lang.ZH, "我的钱包登录不了,输入密码后一直提示错误"),
                Arguments.of("account-login", Lang.EN, "I can't log in to my wallet after the update today"),
                Arguments.of("app-crash", Lang.ZH, "钱包App一打开就闪退,重装了也没有用"),
                Arguments.of("app-crash", Lang.EN, "the app crashes every time I open the asset page"),
                Arguments.of("other", Lang.ZH, null),
                Arguments.of("other", Lang.EN, null));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("reports")
    void aReportEndsInAConfirmedTicketWithEveryDetail(String categoryId, Lang lang, String firstMessage) {
        var h = new EngineHarness();
        String description = firstMessage;
        if (firstMessage == null) {
            // "other" has no keywords: the user picks it from the category buttons.
            h.say(lang == Lang.ZH ? "你好" : "hello").press("report");
            assertTrue(h.buttons().contains("cat:other"), h.buttons().toString());
            h.press("cat:other");
            description = lang == Lang.ZH ? "设置里的地址簿打开是空白的,之前保存的地址都不见了" : "the address book in settings is empty, all my saved addresses are gone";
            assertEquals(DetailType.DESCRIPTION, h.state.awaiting());
            h.say(description);
        } else {
            h.say(firstMessage);
        }
        assertEquals(categoryId, h.state.categoryId());
        assertEquals(lang, h.state.lang());
        var asked = new ArrayList<DetailType>();
        for (int turn = 0; turn < 15 && h.phase() == Phase.COLLECTING; turn++) {
            DetailType awaited = h.state.awaiting();
            asked.add(awaited);
            String answer = ANSWERS.get(lang).get(awaited);
            if (answer == null) {
                assertTrue(h.buttons().contains("skip"), awaited + " is optional here, so it offers skip");
                h.press("skip");
            } else {
                h.say(answer);
            }
        }
        assertEquals(Phase.CONFIRMING, h.phase(), () -> "stuck collecting; asked " + asked + ", last reply: " + h.reply());
        assertEquals(asked.size(), asked.stream().distinct().count(), "nothing is asked twice: " + asked);
        assertEquals(List.of("confirm", "edit", "cancel"), h.buttons());
        assertEquals(lang == Lang.ZH, LanguageDetector.containsHan(h.reply()), "summary in the user's language: " + h.reply());

        Category category = EngineHarness.DATA.categories().get(categoryId).orElseThrow();
        assertEquals(description, h.value(DetailType.DESCRIPTION));
        for (DetailType type : category.required()) {
            if (type != DetailType.DESCRIPTION) {
                assertEquals(EXPECTED.get(type), h.value(type), type + " of " + categoryId);
            }
        }
        h.press("confirm");
        var ticket = h.action(Action.OpenTicket.class).orElseThrow().ticket();
        assertEquals(categoryId, ticket.categoryId());
        assertEquals(category.priority(), ticket.priority());
        assertEquals(h.state.ticketNumber(), ticket.number());
        for (DetailType type : category.required()) {
            assertEquals(type == DetailType.DESCRIPTION ? description : EXPECTED.get(type), ticket.details().get(type).value());
        }
        assertEquals(Phase.WITH_TICKET, h.phase());
        assertTrue(h.reply().contains("#" + ticket.number()), h.reply());
    }
}
