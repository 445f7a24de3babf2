package supportbot.safety;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import supportbot.dialogue.Attachment;
import supportbot.dialogue.Inbound;
import supportbot.text.TextNormalizer;

/**
 * What every user message passes before the engine sees it, whatever the channel: banned users are dropped,
 * secrets (recovery phrases, private keys) are cut out, over-long messages are refused, and a user who floods
 * gets one polite notice and then is skipped until they slow down.
 */
public final class InboundGuard {
    /**
     * @param maxMessageChars longer messages are refused (the user is told the limit)
     * @param floodMessages   messages a user may send within {@code floodWindow} before being slowed down
     */
    public record Settings(int maxMessageChars, int floodMessages, Duration floodWindow) {
        public static Settings defaults() {
            return new Settings(4000, 12, Duration.ofSeconds(10));
        }
    }

    public sealed interface Verdict permits Pass, Refuse, Drop {
    }

    /** Handle {@code in}, which may differ from what arrived (secrets cut out). */
    public record Pass(Inbound in, boolean secretRemoved) implements Verdict {
    }

    /** Do not handle it: record {@code recorded} instead and answer with the message {@code key}. */
    public record Refuse(Inbound recorded, String key, Map<String, ?> args, boolean secretRemoved) implements Verdict {
    }

    /** Nothing is handled, stored or answered. */
    public record Drop(String why) implements Verdict {
    }

    private static final class Bucket {
        double tokens;
        long at;
        boolean told;
    }

    private final Settings settings;
    private final UnaryOperator<String> redact;
    private final Predicate<String> banned;
    private final LongSupplier nanoTime;
    private final Cache<String, Bucket> buckets = CacheBuilder.newBuilder().expireAfterAccess(10, TimeUnit.MINUTES)
            .maximumSize(200_000).build();

    /**
     * @param redact returns its argument itself (the same instance) when there is no secret in it
     * @param banned by user id
     */
    public InboundGuard(Settings settings, UnaryOperator<String> redact, Predicate<String> banned, LongSupplier nanoTime) {
        this.settings = settings;
        this.redact = redact;
        this.banned = banned;
        this.nanoTime = nanoTime;
    }

    public Verdict check(Inbound in) {
        if (in.userId() != null && banned.test(in.userId())) {
            return new Drop("banned user");
        }
        // Only invisible chars (NBSP, zero-width space, BOM, NUL...) is an empty message, and is kept as one.
        String text = TextNormalizer.isBlank(in.text()) ? "" : in.text();
        String cleaned = text.isEmpty() ? text : redact.apply(text);
        // Everything the user controls is stored somewhere: the button payload (as "[payload]" when it was not
        // one the bot offered) and the file names, not only the text.
        String button = Fragments.withoutSecret(in.button(), redact);
        List<Attachment> files = in.attachments().stream().map(this::withoutSecretName).toList();
        boolean secret = !cleaned.equals(text) || !java.util.Objects.equals(button, in.button())
                || !files.equals(in.attachments());
        Inbound safe = secret || !text.equals(in.text()) ? new Inbound(in.channel(), in.conversationKey(), in.userId(),
                cleaned, files, button, in.platformMessageId(), in.time(), in.publicPlace()) : in;
        if (!admitted(in.conversationKey())) {
            return secret ? new Refuse(safe, "secret.warning", Map.of(), true)
                    : firstRefusal(in.conversationKey()) ? new Refuse(safe, "limit.flood", Map.of(), false)
                    : new Drop("flood");
        }
        if (text.length() > settings.maxMessageChars()) {
            Inbound recorded = with(safe, "(" + text.length() + " characters, over the limit: not kept)");
            return new Refuse(recorded, secret ? "secret.warning" : "limit.too_long",
                    Map.of("max", settings.maxMessageChars()), secret);
        }
        if (secret && TextNormalizer.isBlank(cleaned.replace(SecretDetector.REDACTION, "")) && in.attachments().isEmpty()) {
            return new Refuse(safe, "secret.warning", Map.of(), true);
        }
        return new Pass(safe, secret);
    }

    private Attachment withoutSecretName(Attachment a) {
        String name = Fragments.withoutSecret(a.fileName(), redact);
        return java.util.Objects.equals(name, a.fileName()) ? a : new Attachment(a.ref(), name, a.contentType(), a.size());
    }

    private static Inbound with(Inbound in, String text) {
        return new Inbound(in.channel(), in.conversationKey(), in.userId(), text, in.attachments(), in.button(),
                in.platformMessageId(), in.time(), in.publicPlace());
    }

    /** Token bucket per conversation: {@code floodMessages} at once, refilled over {@code floodWindow}. */
    private synchronized boolean admitted(String key) {
        long now = nanoTime.getAsLong();
        Bucket b = buckets.getIfPresent(key);
        if (b == null) {
            b = new Bucket();
            b.tokens = settings.floodMessages();
            b.at = now;
            buckets.put(key, b);
        }
        double perNano = settings.floodMessages() / (double) settings.floodWindow().toNanos();
        b.tokens = Math.min(settings.floodMessages(), b.tokens + (now - b.at) * perNano);
        b.at = now;
        if (b.tokens >= 1) {
            b.tokens -= 1;
            b.told = false;
            return true;
        }
        return false;
    }

    /** One notice per flood: after it, extra messages are skipped silently until one is admitted again. */
    private synchronized boolean firstRefusal(String key) {
        Bucket b = buckets.getIfPresent(key);
        if (b == null || b.told) {
            return false;
        }
        b.told = true;
        return true;
    }
}
