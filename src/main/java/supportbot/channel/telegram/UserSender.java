package supportbot.channel.telegram;

import java.time.Duration;
import java.util.List;
import supportbot.channel.ChannelSender;
import supportbot.channel.SendFailure;
import supportbot.store.OutboxEntry;

/**
 * Delivers the bot's committed replies to Telegram users within Telegram's rate limits. A reply longer than
 * one message goes as several; the outbox stores how many parts went, so a retry after a 429 or a restart
 * continues where it stopped instead of repeating them.
 */
final class UserSender implements ChannelSender {
    /** Waits this short are slept through; longer ones hand the chat back to the outbox for a later pass. */
    private static final Duration SLEEP_AT_MOST = Duration.ofMillis(250);

    private final BotApi api;
    private final SendLimiter limiter;
    private final String privateChatLink;
    private final Keyboards keyboards;

    private final supportbot.store.Store store;
    private final java.time.Clock clock;
    private final ShownKeyboards shown;
    private supportbot.dialogue.Messages messages;

    /** The bot's texts, for the transcript file; without them a transcript request is sent as its caption only. */
    UserSender withMessages(supportbot.dialogue.Messages messages) {
        this.messages = messages;
        return this;
    }

    private RelayedReplies relayed;

    /** Reports each delivered message's ids, so an agent's later edit can follow it to the user. */
    UserSender withRelayedReplies(RelayedReplies relayed) {
        this.relayed = relayed;
        return this;
    }

    UserSender(BotApi api, SendLimiter limiter, Keyboards keyboards, String privateChatLink, supportbot.store.Store store,
               java.time.Clock clock) {
        this(api, limiter, keyboards, privateChatLink, store, clock, new ShownKeyboards());
    }

    UserSender(BotApi api, SendLimiter limiter, Keyboards keyboards, String privateChatLink, supportbot.store.Store store,
               java.time.Clock clock, ShownKeyboards shown) {
        this.shown = shown;
        this.store = store;
        this.clock = clock;
        this.keyboards = keyboards;
        this.api = api;
        this.limiter = limiter;
        this.privateChatLink = privateChatLink;
    }

    @Override
    public String channel() {
        return TelegramKeys.CHANNEL;
    }

    @Override
    public void send(OutboxEntry entry, PartsProgress progress) throws SendFailure {
        long chatId = TelegramKeys.chatOf(entry.conversationKey())
                .orElseThrow(() -> SendFailure.permanent("not a Telegram conversation: " + entry.conversationKey(), null));
        if (entry.isExport()) {
            RateGate.pass(limiter, chatId, SLEEP_AT_MOST);
            String caption = entry.text().length() > TelegramText.MAX_CAPTION_CHARS
                    ? entry.text().substring(0, TelegramText.MAX_CAPTION_CHARS - 1) + "…" : entry.text();
            api.sendBytes(chatId, supportbot.safety.DataExport.of(store, entry.conversationKey(), clock.instant()),
                    "my-support-data.json", caption);
            return;
        }
        if (entry.isTranscript() && messages != null) {
            RateGate.pass(limiter, chatId, SLEEP_AT_MOST);
            String caption = entry.text().length() > TelegramText.MAX_CAPTION_CHARS
                    ? entry.text().substring(0, TelegramText.MAX_CAPTION_CHARS - 1) + "…" : entry.text();
            api.sendBytes(chatId, supportbot.channel.TranscriptText.of(store, messages, entry.conversationKey()),
                    "transcript.txt", caption);
            return;
        }
        List<String> parts = TelegramText.htmlChunks(entry.text());
        if (parts.isEmpty()) {
            parts = List.of("…");
        }
        // An agent's files go after the text, each counted as one more part.
        int total = parts.size() + entry.attachments().size();
        int from = Math.min(entry.partsSent(), total - 1);
        var sentIds = new java.util.ArrayList<Integer>();
        for (int i = from; i < total; i++) {
            RateGate.pass(limiter, chatId, SLEEP_AT_MOST);
            boolean lastText = i == parts.size() - 1;
            try {
                if (i < parts.size()) {
                    var keyboard = lastText ? keyboards.of(chatId, entry.buttons(), privateChatLink) : null;
                    int messageId = api.sendHtml(chatId, null, parts.get(i), keyboard);
                    sentIds.add(messageId);
                    if (keyboard != null) {
                        shown.shown(chatId, messageId);
                    }
                } else {
                    var file = entry.attachments().get(i - parts.size());
                    byte[] content = supportbot.channel.AttachmentFiles.readOrNull(file);
                    if (content != null) {
                        api.sendBytes(chatId, content, file.fileName(), null);
                    }
                }
            } catch (SendFailure f) {
                if (f.retryAfter() != null) {
                    limiter.pause(chatId, f.retryAfter());
                }
                throw f;
            }
            if (i < total - 1) {
                progress.sent(i + 1);
            }
        }
        if (relayed != null) {
            relayed.delivered(entry, chatId, sentIds);
        }
    }

    /** An agent is typing in the desk: the user sees Telegram's own "typing…"; skipped rather than waited for when
     * the chat has no send slot free, since replies matter more than the hint. */
    @Override
    public void typing(String conversationKey) throws SendFailure {
        var chatId = TelegramKeys.chatOf(conversationKey);
        if (chatId.isPresent() && limiter.tryAcquire(chatId.get()).isZero()) {
            api.sendTyping(chatId.get());
        }
    }
}
