package supportbot.dialogue.details;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DetailTypeTest {

    @Test
    void keysAreTheDocumentedNames() {
        assertEquals(List.of("account", "description", "time", "device", "app_version", "tx_hash", "chain", "coin", "amount", "address",
                "screenshot"), Arrays.stream(DetailType.values()).map(DetailType::key).toList());
    }

    @Test
    void fromKeyRoundTripsAndRejectsUnknownKeys() {
        for (DetailType t : DetailType.values()) {
            assertEquals(Optional.of(t), DetailType.fromKey(t.key()));
        }
        assertEquals(Optional.of(DetailType.TX_HASH), DetailType.fromKey(" TX_HASH "));
        assertEquals(Optional.empty(), DetailType.fromKey("txhash"));
        assertEquals(Optional.empty(), DetailType.fromKey(null));
    }

    @Test
    void parseResultIsEitherAValueOrAHint() {
        DetailValue v = new DetailValue(DetailType.COIN, "USDT", "USDT");
        assertTrue(ParseResult.ok(v).ok());
        ParseResult hint = ParseResult.hint("coin.unknown", Map.of("options", "USDT"));
        assertEquals(false, hint.ok());
        assertEquals(Map.of("options", "USDT"), hint.hintArgs());
        assertThrows(IllegalArgumentException.class, () -> new ParseResult(v, "coin.unknown", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new ParseResult(null, null, Map.of()));
    }
}
