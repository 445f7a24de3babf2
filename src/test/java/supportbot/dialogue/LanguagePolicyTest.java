package supportbot.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import supportbot.faq.Lang;

class LanguagePolicyTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "我的转账失败了 | ZH",
            "USDT转账 | ZH",
            "my transfer failed yesterday | EN",
            "hello there friend | EN",
            "bob@example.com | -",
            "iPhone 15 iOS 17.2 | -",
            "Samsung S23 Android 14 | -",
            "TRC20 | -",
            "0x5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f | -",
            "yesterday 3pm | -",
            "100 USDT | -",
            "ok thanks | -",
            "转 | -"})
    void onlyClearMessagesSwitchTheLanguage(String text, Lang expected) {
        assertEquals(Optional.ofNullable(expected), LanguagePolicy.signal(text));
    }
}
