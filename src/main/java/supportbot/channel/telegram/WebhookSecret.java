package supportbot.channel.telegram;

import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;
import supportbot.store.GroupCommitter;

/**
 * The secret Telegram sends with every webhook call. Behind a load balancer any instance may get any call, so
 * they must all know the one secret Telegram was given: the operator's ({@code TELEGRAM_WEBHOOK_SECRET}), or
 * else one made by the first instance and kept in the store, which every later instance (and restart) reuses.
 * setWebhook with the same URL and secret is then harmless to call from every instance.
 */
final class WebhookSecret {
    static final String STATE_KEY = "telegram.webhookSecret";

    /** As kept in the store's surface state. */
    record Kept(String secret) {
    }

    private WebhookSecret() {
    }

    static String resolve(TelegramSettings settings, GroupCommitter committer) {
        if (settings.webhookSecret() != null) {
            return settings.webhookSecret();
        }
        String fresh = random();
        var kept = new AtomicReference<String>();
        committer.submit(tx -> kept.set(tx.putSurfaceStateIfAbsent(STATE_KEY, new Kept(fresh), Kept.class).secret()))
                .join();
        return kept.get();
    }

    private static String random() {
        byte[] bytes = new byte[24];
        new java.security.SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
