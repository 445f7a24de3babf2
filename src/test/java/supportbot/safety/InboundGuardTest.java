package supportbot.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import supportbot.dialogue.Attachment;
import supportbot.dialogue.Inbound;

class InboundGuardTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final InboundGuard guard = new InboundGuard(new InboundGuard.Settings(200, 3, Duration.ofSeconds(10)),
            Secrets::redact, Set.of("telegram:666")::contains, nanos::get);

    private static Inbound text(String user, String text) {
        return Inbound.text("telegram", "telegram:" + user, "telegram:" + user, text, "m", Instant.EPOCH);
    }

    @Test
    void aFloodGetsOneNoticeThenSilenceUntilTheUserSlowsDown() {
        for (int i = 0; i < 3; i++) {
            assertInstanceOf(InboundGuard.Pass.class, guard.check(text("1", "hello " + i)));
        }
        var notice = assertInstanceOf(InboundGuard.Refuse.class, guard.check(text("1", "hello again")));
        assertEquals("limit.flood", notice.key());
        assertInstanceOf(InboundGuard.Drop.class, guard.check(text("1", "and again")));
        assertInstanceOf(InboundGuard.Pass.class, guard.check(text("2", "another user is not affected")));
        nanos.addAndGet(Duration.ofSeconds(4).toNanos());
        assertInstanceOf(InboundGuard.Pass.class, guard.check(text("1", "slower now")));
    }

    @Test
    void anOverLongMessageIsRefusedWithTheLimitAndNotKept() {
        var refused = assertInstanceOf(InboundGuard.Refuse.class, guard.check(text("1", "x".repeat(201))));
        assertEquals("limit.too_long", refused.key());
        assertEquals(200, refused.args().get("max"));
        assertFalse(refused.recorded().text().contains("xxxx"));
    }

    @Test
    void aBannedUserIsDroppedUnread() {
        assertInstanceOf(InboundGuard.Drop.class, guard.check(text("666", "hello")));
    }

    @Test
    void aSecretIsCutOutAndAMessageOfNothingButASecretIsNotHandled() {
        String phrase = String.join(" ", TestPhrases.words("english", 12, 3));
        var only = assertInstanceOf(InboundGuard.Refuse.class, guard.check(text("1", phrase)));
        assertEquals("secret.warning", only.key());
        assertTrue(only.secretRemoved());
        assertFalse(only.recorded().text().contains(phrase.split(" ")[0] + " " + phrase.split(" ")[1]));

        var mixed = assertInstanceOf(InboundGuard.Pass.class, guard.check(text("3", "my withdrawal failed, phrase: " + phrase)));
        assertTrue(mixed.secretRemoved());
        assertEquals("my withdrawal failed, phrase: " + SecretDetector.REDACTION, mixed.in().text());
    }

    @Test
    void anOrdinaryMessagePassesUntouched() {
        var in = text("4", "my USDT transfer 0x" + "ab".repeat(32) + " is stuck");
        var pass = assertInstanceOf(InboundGuard.Pass.class, guard.check(in));
        assertFalse(pass.secretRemoved());
        assertEquals(in, pass.in());
    }

    @Test
    void invisibleOnlyTextIsAnEmptyMessage() {
        for (String invisible : List.of("\u00A0", "\u200B\u200B", "\uFEFF", "\u0000\u0000", " \u00A0\u200D ")) {
            var pass = assertInstanceOf(InboundGuard.Pass.class, guard.check(text("5" + invisible.length(), invisible)));
            assertEquals("", pass.in().text());
            assertFalse(pass.secretRemoved());
        }
    }

    @Test
    void aPhraseInAButtonPayloadIsNeverKept() {
        String phrase = String.join(" ", TestPhrases.words("english", 12, 9));
        var in = Inbound.button("web", "web:6", "web:6", "faq:" + phrase, "m", Instant.EPOCH);
        var refused = assertInstanceOf(InboundGuard.Refuse.class, guard.check(in));
        assertEquals("secret.warning", refused.key());
        assertTrue(refused.secretRemoved());
        assertEquals("faq:" + SecretDetector.REDACTION, refused.recorded().button());
    }

    @Test
    void aPhraseInAFileNameIsCutOutOfTheName() {
        String phrase = String.join("_", TestPhrases.words("english", 12, 10));
        var file = new Attachment("/data/x/1-file.png", phrase + ".png", "image/png", 10);
        var in = new Inbound("web", "web:7", "web:7", "see attached", List.of(file), null, "m", Instant.EPOCH);
        var pass = assertInstanceOf(InboundGuard.Pass.class, guard.check(in));
        assertTrue(pass.secretRemoved());
        assertEquals(SecretDetector.REDACTION + ".png", pass.in().attachments().get(0).fileName());
        assertEquals("see attached", pass.in().text());
    }
}
