package supportbot.dialogue.details;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import supportbot.faq.Lang;

/** The shipped config, a clock pinned to Wednesday 2026-11-25 14:00 in Shanghai, and hint checks. */
final class DetailFixtures {
    static final Path CONFIG = Path.of("config", "details.yaml");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T06:00:00Z"), ZoneId.of("UTC"));
    static final DetailSettings SETTINGS = new DetailSettingsLoader().load(CONFIG);
    static final DetailParsers PARSERS = new DetailParsers(SETTINGS, CLOCK);
    static final Map<String, String> EN = messages("en");
    static final Map<String, String> ZH = messages("zh");

    static final String EVM_HASH = "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060";
    static final String HEX_HASH = "5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060";
    static final String EVM_ADDRESS = "0x52908400098527886E0F7030069857D2E4169EE7";
    static final String TRON_ADDRESS = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t";
    static final String TRON_ADDRESS_TYPO = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u";
    static final String BTC_LEGACY = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa";
    static final String BTC_SCRIPT = "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy";
    static final String BTC_SEGWIT = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";
    static final String BTC_TAPROOT = "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297";
    static final String SOL_ADDRESS = "9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWWM";
    static final String SOL_SIGNATURE =
            "5VERv8NMvzbJMEkV8xnrLkEaWRtSz9CosKDYjCJjBRnbJLgp8uirBgmQpjKhoR4tjF3ZpRzrFmBV6UjKdiSZkQUW";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    private DetailFixtures() {
    }

    static ParseResult parse(DetailType type, String text) {
        return parse(type, text, Map.of());
    }

    static ParseResult parse(DetailType type, String text, Map<DetailType, DetailValue> known) {
        String t = text == null ? "" : text;
        Lang lang = supportbot.faq.LanguageDetector.detect(t);
        return PARSERS.parse(type, t, 0, SHANGHAI, lang, known);
    }

    static Map<DetailType, DetailValue> known(DetailType type, String value) {
        return Map.of(type, new DetailValue(type, value, value));
    }

    static DetailValue assertOk(ParseResult r) {
        assertTrue(r.ok(), () -> "expected a value, got hint " + r.hintKey() + " " + r.hintArgs());
        return r.value();
    }

    /**
     * The hint is the expected one, is a known key, and both languages' templates use exactly the placeholders
     * the parser filled in, so nothing shows up as a raw "{chain}" or goes missing.
     */
    static void assertHint(String expectedKey, ParseResult r) {
        assertFalse(r.ok(), () -> "expected hint " + expectedKey + ", got value " + r.value());
        assertEquals(expectedKey, r.hintKey());
        assertTrue(HintKeys.all().contains(r.hintKey()), "not listed in HintKeys.all(): " + r.hintKey());
        for (Map<String, String> lang : java.util.List.of(EN, ZH)) {
            String template = lang.get(r.hintKey());
            assertTrue(template != null, "no template for " + r.hintKey());
            assertEquals(placeholders(template), new TreeSet<>(r.hintArgs().keySet()),
                    "placeholders of " + r.hintKey() + " vs args " + r.hintArgs());
        }
    }

    static Set<String> placeholders(String template) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    static Map<String, String> messages(String lang) {
        Path file = Path.of("config", "messages", "details." + lang + ".yaml");
        try {
            return new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), new TypeReference<Map<String, String>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
