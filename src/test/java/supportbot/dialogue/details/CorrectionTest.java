package supportbot.dialogue.details;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static supportbot.dialogue.details.DetailFixtures.SHANGHAI;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import supportbot.faq.Lang;

/**
 * A correction changes only what it names: the day keeps the known hour, the hour keeps the known day, a bare
 * number keeps the known coin. Known: yesterday (Tue 24 Nov) 15:00, 300 USDT on TRON, iPhone 15 / iOS 17.2.
 */
class CorrectionTest {
    static final Map<DetailType, DetailValue> KNOWN = Map.of(
            DetailType.TIME, new DetailValue(DetailType.TIME, "2026-11-24T15:00+08:00", "昨天 15:00"),
            DetailType.AMOUNT, new DetailValue(DetailType.AMOUNT, "300 USDT", "300 USDT"),
            DetailType.COIN, new DetailValue(DetailType.COIN, "USDT", "USDT"),
            DetailType.CHAIN, new DetailValue(DetailType.CHAIN, "TRON", "TRON"),
            DetailType.DEVICE, new DetailValue(DetailType.DEVICE, "iPhone 15 / iOS 17.2", "iPhone 15 / iOS 17.2"),
            DetailType.ACCOUNT, new DetailValue(DetailType.ACCOUNT, "alice@example.com", "alice@example.com"));

    private static void check(String text, Lang lang, String type, String expected) {
        assertTrue(Corrections.isCorrection(text), "a correction: " + text);
        Map<DetailType, DetailValue> found = DetailFixtures.PARSERS.correction(text, SHANGHAI, lang, KNOWN);
        DetailType t = DetailType.fromKey(type).orElseThrow();
        assertEquals(expected, found.containsKey(t) ? found.get(t).value() : null, text + " -> " + found);
        if (t != DetailType.COIN) {
            assertFalse(found.containsKey(DetailType.COIN) && !t.equals(DetailType.AMOUNT),
                    "only the corrected part changes: " + found);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            不对，是前天                 | time    | 2026-11-23T15:00+08:00
            不是昨天，是前天              | time    | 2026-11-23T15:00+08:00
            时间写错了，应该是上周五        | time    | 2026-11-20T15:00+08:00
            搞错了，是周一                | time    | 2026-11-23T15:00+08:00
            日期不对，应该是11月20号        | time    | 2026-11-20T15:00+08:00
            不对，是4点                  | time    | 2026-11-24T16:00+08:00
            不是3点是4点                 | time    | 2026-11-24T16:00+08:00
            应该是下午5点                 | time    | 2026-11-24T17:00+08:00
            时间说错了，是晚上8点           | time    | 2026-11-24T20:00+08:00
            写错了，是下午3点半             | time    | 2026-11-24T15:30+08:00
            不对，是今天上午10点            | time    | 2026-11-25T10:00+08:00
            应该是前天晚上9点              | time    | 2026-11-23T21:00+08:00
            更正：是11月22日               | time    | 2026-11-22T15:00+08:00
            不对，是５００                 | amount  | 500 USDT
            不是300是500                 | amount  | 500 USDT
            金额写错了，应该是1000          | amount  | 1000 USDT
            搞错了，是250.5               | amount  | 250.5 USDT
            数量不对，是两千               | amount  | 2000 USDT
            应该是500U                   | amount  | 500 USDT
            不对，是0.5 ETH              | amount  | 0.5 ETH
            不对，是0.5 ETH              | coin    | ETH
            说错了，是ERC20              | chain   | ETH
            网络选错了，应该是币安链         | chain   | BSC
            不是波场，是以太坊             | chain   | ETH
            设备写错了，是小米13 安卓14      | device  | Xiaomi 13 / Android 14
            不对，是iPhone 14            | device  | iPhone 14 / iOS
            手机型号搞错了，应该是华为Mate60 鸿蒙4 | device | Huawei Mate 60 / HarmonyOS 4
            邮箱写错了，是bob@example.com   | account | bob@example.com
            改成 carol@example.com        | account | carol@example.com
            不對，是前天                   | time    | 2026-11-23T15:00+08:00
            更正一下，應該是500            | amount  | 500 USDT
            不好意思 是前天                | time    | 2026-11-23T15:00+08:00
            其實是下午4點                  | time    | 2026-11-24T16:00+08:00
            我记错了 是晚上7点              | time    | 2026-11-24T19:00+08:00
            是800不是300                  | amount  | 800 USDT
            搞错了 是币安链不是波场          | chain   | BSC
            邮箱发错了 正确的是 bob@example.com | account | bob@example.com
            不对，是前天下午               | time    | 2026-11-23T15:00+08:00
            不對 是前天下午                | time    | 2026-11-23T15:00+08:00
            不对，是前天晚上               | time    | 2026-11-23T20:00+08:00
            """)
    void chinese(String text, String type, String expected) {
        check(text, Lang.ZH, type, expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            actually it was the day before yesterday    ; time    ; 2026-11-23T15:00+08:00
            sorry it was Monday                         ; time    ; 2026-11-23T15:00+08:00
            I meant last friday                         ; time    ; 2026-11-20T15:00+08:00
            Monday not Tuesday                          ; time    ; 2026-11-23T15:00+08:00
            actually 4pm                                ; time    ; 2026-11-24T16:00+08:00
            I meant 5pm                                 ; time    ; 2026-11-24T17:00+08:00
            sorry, it was 9pm                           ; time    ; 2026-11-24T21:00+08:00
            4pm not 3pm                                 ; time    ; 2026-11-24T16:00+08:00
            it was 3:30pm not 3pm                       ; time    ; 2026-11-24T15:30+08:00
            the time is wrong, it was this morning at 10am ; time ; 2026-11-25T10:00+08:00
            actually it was Nov 20                      ; time    ; 2026-11-20T15:00+08:00
            correction: 22 Nov                          ; time    ; 2026-11-22T15:00+08:00
            actually 500                                ; amount  ; 500 USDT
            500 not 300                                 ; amount  ; 500 USDT
            I meant 1000                                ; amount  ; 1000 USDT
            sorry it was 250.5                          ; amount  ; 250.5 USDT
            not 300 but 500                             ; amount  ; 500 USDT
            the amount was wrong, it is 750             ; amount  ; 750 USDT
            actually 0.5 ETH                            ; amount  ; 0.5 ETH
            actually 0.5 ETH                            ; coin    ; ETH
            typo, it should be 1200                     ; amount  ; 1200 USDT
            I meant ERC20                               ; chain   ; ETH
            actually it was BEP20                       ; chain   ; BSC
            ERC20 not TRC20                             ; chain   ; ETH
            actually it's a Samsung S23 Android 14      ; device  ; Samsung S23 / Android 14
            sorry, I meant iPhone 14                    ; device  ; iPhone 14 / iOS
            I meant Pixel 8                             ; device  ; Pixel 8 / Android
            my email was wrong, it is bob@example.com   ; account ; bob@example.com
            actually bob@example.com                    ; account ; bob@example.com
            should be carol@example.com                 ; account ; carol@example.com
            no wait it was 6pm                          ; time    ; 2026-11-24T18:00+08:00
            sorry, since monday                         ; time    ; 2026-11-23T15:00+08:00
            wrong one, the right one is dave@example.com ; account ; dave@example.com
            """)
    void english(String text, String type, String expected) {
        check(text, Lang.EN, type, expected);
    }

    /**
     * An hour alone, known: yesterday 10:00 and the coin but no amount. The corrected hour is the reading nearer the
     * known one ("十一点" after 10:00 is 11:00, not 23:00), and a lone number is that hour when no amount can be meant.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            不对不对 应该是十一点                 ; 2026-11-24T11:00+08:00
            不对，是8点                        ; 2026-11-24T08:00+08:00
            搞错了 是9点半                      ; 2026-11-24T09:30+08:00
            actually it was more like 11       ; 2026-11-24T11:00+08:00
            sorry, it was 9 not 10             ; 2026-11-24T09:00+08:00
            应该是11                           ; 2026-11-24T11:00+08:00
            記錯了 應該是十一點                  ; 2026-11-24T11:00+08:00
            sorry 是十一点                      ; 2026-11-24T11:00+08:00
            """)
    void anHourAloneStaysNearTheKnownOne(String text, String expected) {
        var known = Map.of(
                DetailType.TIME, new DetailValue(DetailType.TIME, "2026-11-24T10:00+08:00", "昨天 10:00"),
                DetailType.COIN, new DetailValue(DetailType.COIN, "ETH", "ETH"));
        assertTrue(Corrections.isCorrection(text), text);
        Map<DetailType, DetailValue> found = DetailFixtures.PARSERS.correction(text, SHANGHAI, null, known);
        assertEquals(expected, found.containsKey(DetailType.TIME) ? found.get(DetailType.TIME).value() : null,
                text + " -> " + found);
        assertFalse(found.containsKey(DetailType.AMOUNT), "an hour is not an amount: " + found);
    }

    /** The coin corrected, the amount's unit follows: it was 300 of the right coin all along. */
    @Test
    void aCoinCorrectionCarriesTheAmountAlong() {
        Map<DetailType, DetailValue> found = DetailFixtures.PARSERS.correction("币种写错了 是usdc", SHANGHAI, Lang.ZH, KNOWN);
        assertEquals("USDC", found.get(DetailType.COIN).value(), found.toString());
        assertEquals("300 USDC", found.get(DetailType.AMOUNT).value(), found.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"it does not work", "I do not know", "转账失败了", "the app is not opening", "昨天下午3点",
            "iPhone 15", "是我的问题吗",
            "I sent it to the wrong address", "wait for me", "其实我也不知道怎么办"})
    void ordinaryMessagesAreNotCorrections(String text) {
        assertFalse(Corrections.isCorrection(text), text);
    }
}
