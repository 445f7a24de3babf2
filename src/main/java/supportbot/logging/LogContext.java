package supportbot.logging;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.MDC;

/**
 * Puts the conversation and ticket a thread is working on into the logging MDC, so every line about them can
 * be found with one search. Conversation keys hold platform user ids (telegram:123456789) and web session ids,
 * which are personal data or bearer secrets, so the MDC carries a keyed hash instead: stable for as long as the
 * bot's secret is (so a conversation can be followed across restarts), not reversible by trying every id.
 */
public final class LogContext {
    public static final String CONVERSATION = "conv";
    public static final String TICKET = "ticket";
    private static final int HEX_CHARS = 12;

    // Until the bot installs its own key, a random one: lines stay linkable within the process, never raw.
    private static volatile SecretKeySpec key = new SecretKeySpec(random(), "HmacSHA256");

    private LogContext() {
    }

    /** Uses a key derived from the bot's secret, so the same conversation gets the same id after a restart. */
    public static void useKey(byte[] secret) {
        key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    /** "telegram:123456789" → "telegram:3fa91c0b7d2e": the channel stays readable, the id does not. */
    public static String idOf(String conversationKey) {
        if (conversationKey == null) {
            return null;
        }
        int colon = conversationKey.indexOf(':');
        String channel = colon > 0 ? conversationKey.substring(0, colon + 1) : "";
        byte[] digest = KEYED_MAC.get().forKey(key).doFinal(conversationKey.getBytes(StandardCharsets.UTF_8));
        return channel + HexFormat.of().formatHex(digest).substring(0, HEX_CHARS);
    }

    /**
     * One MAC per thread, set up again only when the key changes: looking up the provider and initialising a
     * MAC cost more than the hash itself, on every message of every conversation.
     */
    private static final class KeyedMac {
        private Mac mac;
        private SecretKeySpec initialisedWith;

        Mac forKey(SecretKeySpec current) {
            if (current != initialisedWith) {
                try {
                    if (mac == null) {
                        mac = Mac.getInstance("HmacSHA256");
                    }
                    mac.init(current);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
                }
                initialisedWith = current;
            }
            return mac;
        }
    }

    private static final ThreadLocal<KeyedMac> KEYED_MAC = ThreadLocal.withInitial(KeyedMac::new);

    /** Sets the conversation (hashed) until the returned scope is closed, which restores what was there. */
    public static Scope conversation(String conversationKey) {
        return new Scope(CONVERSATION, conversationKey == null ? null : idOf(conversationKey));
    }

    public static Scope ticket(Long number) {
        return new Scope(TICKET, number == null ? null : "#" + number);
    }

    /** Both at once, for code that knows both (a desk action, a ticket's staff card). */
    public static Closeable of(String conversationKey, Long ticket) {
        Scope conv = conversation(conversationKey);
        Scope t = ticket(ticket);
        return () -> {
            t.close();
            conv.close();
        };
    }

    /** Closing never throws, so it fits try-with-resources without a catch. */
    @FunctionalInterface
    public interface Closeable extends AutoCloseable {
        @Override
        void close();
    }

    /** One MDC key set for a while; closing puts back the previous value (scopes nest). */
    public static final class Scope implements Closeable {
        private final String mdcKey;
        private final String previous;

        private Scope(String mdcKey, String value) {
            this.mdcKey = mdcKey;
            this.previous = MDC.get(mdcKey);
            if (value == null) {
                MDC.remove(mdcKey);
            } else {
                MDC.put(mdcKey, value);
            }
        }

        @Override
        public void close() {
            if (previous == null) {
                MDC.remove(mdcKey);
            } else {
                MDC.put(mdcKey, previous);
            }
        }
    }

    private static byte[] random() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return b;
    }
}
