package supportbot.dialogue.details;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static supportbot.dialogue.details.DetailFixtures.EN;
import static supportbot.dialogue.details.DetailFixtures.ZH;
import static supportbot.dialogue.details.DetailFixtures.placeholders;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import supportbot.faq.LanguageDetector;

/** config/messages/details.{en,zh}.yaml against the code: same keys, same placeholders, every hint present. */
class MessagesTest {

    @Test
    void everyHintKeyExistsInBothLanguages() {
        for (String key : HintKeys.all()) {
            assertTrue(EN.containsKey(key), "missing in details.en.yaml: " + key);
            assertTrue(ZH.containsKey(key), "missing in details.zh.yaml: " + key);
        }
    }

    @Test
    void everyHintKeyConstantIsListed() throws IllegalAccessException {
        for (var field : HintKeys.class.getFields()) {
            String key = (String) field.get(null);
            if (field.getName().endsWith("_PREFIX")) {
                assertTrue(HintKeys.all().stream().anyMatch(k -> k.startsWith(key)), key);
            } else {
                assertTrue(HintKeys.all().contains(key), field.getName() + " is not in HintKeys.all()");
            }
        }
    }

    @Test
    void everyDetailHasAQuestionAndALabel() {
        for (DetailType t : DetailType.values()) {
            for (String key : List.of("ask." + t.key(), "label." + t.key())) {
                assertTrue(EN.containsKey(key) && !EN.get(key).isBlank(), "en: " + key);
                assertTrue(ZH.containsKey(key) && !ZH.get(key).isBlank(), "zh: " + key);
            }
        }
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndPlaceholders() {
        assertEquals(EN.keySet(), ZH.keySet());
        for (String key : EN.keySet()) {
            assertEquals(placeholders(EN.get(key)), placeholders(ZH.get(key)), key);
        }
    }

    @Test
    void noStrayKeys() {
        List<String> stray = new ArrayList<>();
        for (String key : EN.keySet()) {
            boolean known = HintKeys.all().contains(key) || key.startsWith("ask.") || key.startsWith("label.");
            Optional<DetailType> type = DetailType.fromKey(key.substring(key.indexOf('.') + 1));
            if (!known || (key.startsWith("ask.") || key.startsWith("label.")) && type.isEmpty()) {
                stray.add(key);
            }
        }
        assertEquals(List.of(), stray, "keys no code uses");
    }

    @Test
    void chineseTextsAreChinese() {
        ZH.forEach((key, text) -> assertTrue(LanguageDetector.containsHan(text), key));
        EN.forEach((key, text) -> assertFalse(LanguageDetector.containsHan(text), key));
    }

    @Test
    void questionsForAccountAndHashSayWhatIsWanted() {
        assertTrue(EN.get("ask.account").contains("email") && EN.get("ask.account").contains("user ID"));
        assertTrue(ZH.get("ask.account").contains("邮箱") && ZH.get("ask.account").contains("用户 ID"));
        assertTrue(EN.get("ask.tx_hash").contains("transaction's details"));
        assertTrue(ZH.get("ask.tx_hash").contains("交易详情"));
    }

    @Test
    void noQuestionAsksForASecret() {
        // Mentioning the recovery phrase is allowed only to warn: each mention must come with "never"/"no"/"绝不"/"没有".
        for (var lang : List.of(EN, ZH)) {
            lang.forEach((key, text) -> {
                String t = text.toLowerCase();
                boolean mentions = t.contains("recovery phrase") || t.contains("seed") || t.contains("private key")
                        || t.contains("助记词") || t.contains("私钥");
                boolean warns = t.contains("never") || t.contains(" no ") || t.contains("绝不") || t.contains("没有");
                assertTrue(!mentions || warns, key + ": " + text);
            });
        }
    }
}
