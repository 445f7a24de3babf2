package supportbot.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LinkCodeTextTest {
    @Test
    void codesAreTwoGroupsOfFourFromAnAlphabetWithoutLookAlikes() {
        var seen = new HashSet<String>();
        var random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            String code = LinkCodeText.random(random);
            assertTrue(code.matches("[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}"), code);
            seen.add(code);
        }
        assertEquals(2000, seen.size(), "no repeats in 2,000 draws");
        assertTrue(LinkCodeText.fresh().matches("[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}"));
    }

    @Test
    void aTypedCodeIsReadInAnyCaseWithOrWithoutItsDash() {
        assertEquals(Optional.of("K7QX-2MPA"), LinkCodeText.normal("k7qx-2mpa"));
        assertEquals(Optional.of("K7QX-2MPA"), LinkCodeText.normal(" K7QX 2MPA "));
        assertEquals(Optional.of("K7QX-2MPA"), LinkCodeText.normal("K7QX2MPA"));
    }

    @Test
    void whatCannotBeACodeIsNone() {
        for (String bad : new String[] {"", "K7QX-2MP", "K7QX-2MPAB", "K0QX-2MPA", "KIQX-2MPA", "K1QX-2MPA", "hello",
                "K7QX-2MP!", null}) {
            assertTrue(LinkCodeText.normal(bad).isEmpty(), String.valueOf(bad));
        }
    }

    @Test
    void withoutAStoreLinkSaysItIsNotAvailableAndDoesNothing() {
        var h = new EngineHarness().say("/link");
        assertEquals(1, h.actions.size(), h.actions.toString());
        assertTrue(h.reply().contains("not available"), h.reply());
        h.say("/lang zh").say("/link ABCD-EFGH");
        assertEquals("此处无法关联账号。", h.reply());
    }
}
