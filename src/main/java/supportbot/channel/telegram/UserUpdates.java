package supportbot.channel.telegram;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Document;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;
import supportbot.channel.AttachmentFiles;
import supportbot.channel.Inbox;
import supportbot.channel.SendFailure;
import supportbot.dialogue.Attachment;
import supportbot.dialogue.Contact;
import supportbot.dialogue.Inbound;
import supportbot.dialogue.Messages;
import supportbot.faq.Lang;
import supportbot.store.Store;
import supportbot.store.StoredConversation;

/**
 * Users' updates (private chats and groups) as {@link Inbound}s. Files are downloaded before the message is
 * handed in, so a committed message never points at a file that isn't there. In a group the bot speaks only
 * when spoken to: a command, a mention, or a reply to one of its messages.
 */
final class UserUpdates {
    private static final Logger log = LoggerFactory.getLogger(UserUpdates.class);
    private static final String REFUSED_BUTTON = "refused";

    private final Inbox inbox;
    private final Store store;
    private final BotApi api;
    private final BotIdentity me;
    private final Path attachmentsRoot;
    private final long maxAttachmentBytes;
    private final Messages messages;
    private final Clock clock;
    private final Keyboards keyboards;
    private final RecentUserMessages recent;
    private final ShownKeyboards shown;
    /** Told (conversation key, whether the chat copy was deleted) when a user exposed a phrase or key. */
    private java.util.function.BiConsumer<String, Boolean> secretExposed = (key, deleted) -> { };

    UserUpdates(Keyboards keyboards, ShownKeyboards shown, Inbox inbox, Store store, BotApi api, BotIdentity me, Path attachmentsRoot, long maxAttachmentBytes,
                Messages messages, Clock clock) {
        this.keyboards = keyboards;
        this.shown = shown;
        this.inbox = inbox;
        this.store = store;
        this.api = api;
        this.me = me;
        this.attachmentsRoot = attachmentsRoot;
        this.maxAttachmentBytes = maxAttachmentBytes;
        this.messages = messages;
        this.clock = clock;
        this.recent = new RecentUserMessages(api);
        inbox.onPiecesRemoved(recent::deletePieces);
    }

    void onSecretExposed(java.util.function.BiConsumer<String, Boolean> listener) {
        this.secretExposed = listener;
    }

    /** Completes once the update's effects are committed (or it was decided to ignore it). */
    CompletableFuture<?> handle(Update update) throws SendFailure {
        String id = "u" + update.getUpdateId();
        if (update.hasCallbackQuery()) {
            return pressed(update.getCallbackQuery(), id);
        }
        Message m = update.getMessage();
        if (m == null && update.hasEditedMessage()) {
            return edited(update.getEditedMessage(), id);
        }
        if (m == null || m.getFrom() == null || Boolean.TRUE.equals(m.getFrom().getIsBot())) {
            return CompletableFuture.completedFuture(null);
        }
        if (m.getChat().isUserChat()) {
            return privateMessage(m, id);
        }
        if (m.getChat().isGroupChat() || m.getChat().isSuperGroupChat()) {
            return groupMessage(m, id);
        }
        return CompletableFuture.completedFuture(null);
    }

    private CompletableFuture<?> privateMessage(Message m, String id) throws SendFailure {
        long userId = m.getFrom().getId();
        String key = TelegramKeys.privateChat(userId);
        String text = m.hasText() ? m.getText() : m.getCaption();
        var attachments = new ArrayList<Attachment>();
        try {
            fileOf(m, id).ifPresent(attachments::add);
        } catch (BotApi.TooLarge e) {
            tell(m, "attachment.too_large");
        } catch (SendFailure f) {
            if (!f.permanent()) {
                throw f; // the update is retried, and the offset waits for it
            }
            log.warn("a user's file could not be fetched from Telegram: {}", f.getMessage());
            tell(m, "attachment.failed");
        }
        if ((text == null || text.isBlank()) && attachments.isEmpty()) {
            return CompletableFuture.completedFuture(null); // stickers, locations, polls: nothing for support
        }
        recent.remember(id, m.getChatId(), m.getMessageId());
        return deleteIfSecret(m, inbox.submit(new Inbound(TelegramKeys.CHANNEL, key, "telegram:" + userId, text, attachments,
                null, id, clock.instant()).from(contactOf(m.getFrom()))));
    }

    /**
     * A user edited a message in the private chat: the new wording reaches the ticket (or the dialogue) as a
     * message of its own, marked as an edit, so agents see both what was said and what it became. Edits in
     * groups are left alone: there the bot only answers what is addressed to it.
     */
    private CompletableFuture<?> edited(Message m, String id) {
        if (m.getFrom() == null || Boolean.TRUE.equals(m.getFrom().getIsBot()) || !m.getChat().isUserChat()) {
            return CompletableFuture.completedFuture(null);
        }
        String text = m.hasText() ? m.getText() : m.getCaption();
        if (text == null || text.isBlank()) {
            return CompletableFuture.completedFuture(null);
        }
        long userId = m.getFrom().getId();
        String key = TelegramKeys.privateChat(userId);
        Lang lang = store.conversation(key).map(c -> c.lang()).orElse(languageOf(m));
        String marked = messages.get(lang, "telegram.edited", Map.of("text", text));
        recent.remember(id, m.getChatId(), m.getMessageId());
        return deleteIfSecret(m, inbox.submit(new Inbound(TelegramKeys.CHANNEL, key, "telegram:" + userId, marked, List.of(),
                null, id, clock.instant()).from(contactOf(m.getFrom()))));
    }

    private CompletableFuture<?> groupMessage(Message m, String id) {
        String text = m.hasText() ? m.getText() : null;
        if (text == null || !addressedToBot(m)) {
            return CompletableFuture.completedFuture(null);
        }
        String cleaned = text.replaceAll("(?i)@" + java.util.regex.Pattern.quote(me.username()) + "\\b", "").strip();
        long userId = m.getFrom().getId();
        var in = Inbound.text(TelegramKeys.CHANNEL, TelegramKeys.inGroup(m.getChatId(), userId), "telegram:" + userId,
                cleaned, id, clock.instant()).inPublic().from(contactOf(m.getFrom()));
        recent.remember(id, m.getChatId(), m.getMessageId());
        return deleteIfSecret(m, inbox.submit(in));
    }

    /**
     * A message that held a recovery phrase or key is deleted from the chat too, where Telegram lets the bot
     * (private chats within 48 hours; groups where it is an admin with the right). The user is told which
     * happened: a phrase left on their screen is theirs to delete, and they must know it is still there.
     */
    private CompletableFuture<?> deleteIfSecret(Message m, CompletableFuture<Inbox.Outcome> handled) {
        return handled.thenAccept(outcome -> {
            if (outcome == Inbox.Outcome.SECRET_REMOVED) {
                String notice;
                try {
                    api.deleteMessage(m.getChatId(), m.getMessageId());
                    notice = "telegram.secret_deleted";
                } catch (SendFailure e) {
                    log.warn("could not delete a message holding a secret in chat {} (too old, or the bot lacks the right): {}",
                            m.getChatId(), e.getMessage());
                    notice = "telegram.secret_not_deleted";
                }
                try {
                    tell(m, notice);
                } catch (SendFailure e) {
                    log.warn("could not tell chat {} whether its secret was deleted: {}", m.getChatId(), e.getMessage());
                }
                String key = m.getChat().isUserChat() ? TelegramKeys.privateChat(m.getFrom().getId())
                        : TelegramKeys.inGroup(m.getChatId(), m.getFrom().getId());
                secretExposed.accept(key, notice.equals("telegram.secret_deleted"));
            }
        });
    }

    private boolean addressedToBot(Message m) {
        String text = m.getText();
        if (text.startsWith("/")) {
            String command = text.split("\\s+", 2)[0];
            int at = command.indexOf('@');
            return at < 0 || command.substring(at + 1).equalsIgnoreCase(me.username());
        }
        var replied = m.getReplyToMessage();
        // In a forum every topic message "replies" to the topic's opening service message: that is no reply.
        if (replied != null && replied.getForumTopicCreated() == null && replied.getFrom() != null
                && replied.getFrom().getId() == me.id()) {
            return true;
        }
        List<MessageEntity> entities = m.getEntities() == null ? List.of() : m.getEntities();
        for (MessageEntity e : entities) {
            if ("mention".equals(e.getType()) && entityText(text, e).equalsIgnoreCase("@" + me.username())) {
                return true;
            }
        }
        return text.toLowerCase(Locale.ROOT).contains("@" + me.username().toLowerCase(Locale.ROOT));
    }

    private static String entityText(String text, MessageEntity e) {
        int start = Math.max(0, e.getOffset());
        int end = Math.min(text.length(), start + e.getLength());
        return text.substring(start, end);
    }

    private CompletableFuture<?> pressed(CallbackQuery q, String id) {
        String data = q.getData();
        var message = q.getMessage();
        if (data == null || message == null) {
            return answer(q, CompletableFuture.completedFuture(null));
        }
        long userId = q.getFrom().getId();
        boolean inPrivate = message.getChat() != null ? message.getChat().isUserChat() : message.getChatId() == userId;
        String key = inPrivate ? TelegramKeys.privateChat(userId) : TelegramKeys.inGroup(message.getChatId(), userId);
        List<supportbot.dialogue.Button> current = store.stored(key).map(StoredConversation::lastButtons).orElse(List.of());
        String payload = keyboards.payloadOf(message.getChatId(), data, current).orElse(null);
        if (payload == null) {
            log.warn("refused a Telegram button with a bad signature or an expired hash from user {}", userId);
            payload = REFUSED_BUTTON; // the engine answers an unknown button and changes nothing
        } else if (shown.isStale(message.getChatId(), message.getMessageId())) {
            // A real button, but on an older answer: "still need help" there must not act on the newest one.
            log.info("refused a button on an older message in chat {}", message.getChatId());
            payload = REFUSED_BUTTON;
        }
        var in = Inbound.button(TelegramKeys.CHANNEL, key, "telegram:" + userId, payload, id, clock.instant())
                .from(contactOf(q.getFrom()));
        boolean keepKeyboard = "transcript".equals(payload); // a copy changes nothing: the stars beside it stay usable
        return answer(q, inbox.submit(inPrivate ? in : in.inPublic()))
                .thenRun(() -> {
                    if (!keepKeyboard) {
                        removeKeyboard(message.getChatId(), message.getMessageId());
                    }
                });
    }

    /** A pressed keyboard has done its work, answered or refused: take it away so it is not pressed again. */
    private void removeKeyboard(long chatId, int messageId) {
        try {
            api.removeKeyboard(chatId, messageId);
        } catch (SendFailure e) {
            log.debug("could not remove the keyboard of message {} in chat {}: {}", messageId, chatId, e.getMessage());
        }
    }

    /** Telegram shows a spinner on the button until the query is answered: answer every one, after the commit. */
    private CompletableFuture<?> answer(CallbackQuery q, CompletableFuture<?> committed) {
        return committed.thenRun(() -> {
            try {
                api.answerCallback(q.getId(), null);
            } catch (SendFailure e) {
                log.debug("answering a callback query failed: {}", e.getMessage());
            }
        });
    }

    /** The largest photo size, or the document; downloaded under the conversation's directory. */
    private java.util.Optional<Attachment> fileOf(Message m, String updateId) throws SendFailure, BotApi.TooLarge {
        String key = TelegramKeys.privateChat(m.getFrom().getId());
        Path dir = AttachmentFiles.dirFor(attachmentsRoot, key);
        if (m.hasPhoto()) {
            PhotoSize best = m.getPhoto().stream().max(Comparator.comparing(p -> p.getFileSize() == null ? 0 : p.getFileSize()))
                    .orElseThrow();
            String name = "photo-" + updateId + ".jpg";
            Path target = dir.resolve(name);
            var sealed = api.download(best.getFileId(), target, maxAttachmentBytes);
            return java.util.Optional.of(new Attachment(target.toString(), name, "image/jpeg", sealed.size(), sealed.key()));
        }
        if (m.hasDocument()) {
            Document d = m.getDocument();
            if (d.getFileSize() != null && d.getFileSize() > maxAttachmentBytes) {
                throw new BotApi.TooLarge(d.getFileSize());
            }
            String name = updateId + "-" + AttachmentFiles.safeName(d.getFileName());
            Path target = dir.resolve(name);
            var sealed = api.download(d.getFileId(), target, maxAttachmentBytes);
            String type = d.getMimeType() == null ? "application/octet-stream" : d.getMimeType().toLowerCase(Locale.ROOT);
            return java.util.Optional.of(new Attachment(target.toString(), AttachmentFiles.safeName(d.getFileName()), type,
                    sealed.size(), sealed.key()));
        }
        return java.util.Optional.empty();
    }

    /** A notice outside the dialogue: about a file the dialogue never saw. */
    private void tell(Message m, String key) throws SendFailure {
        String lang = store.conversation(TelegramKeys.privateChat(m.getFrom().getId())).map(c -> c.lang().name())
                .orElse(languageOf(m).name());
        api.sendHtml(m.getChatId(), null, TelegramText.escapeHtml(messages.get(Lang.valueOf(lang), key,
                Map.of("mb", maxAttachmentBytes / (1024 * 1024)))), null);
    }

    /** Who wrote, as Telegram says now: names change, and the card shows the latest. */
    static Contact contactOf(User u) {
        String name = u.getLastName() == null ? u.getFirstName() : u.getFirstName() + " " + u.getLastName();
        return new Contact(name, u.getUserName(), Long.toString(u.getId()));
    }

    private static Lang languageOf(Message m) {
        String code = m.getFrom().getLanguageCode();
        return code != null && code.startsWith("zh") ? Lang.ZH : Lang.EN;
    }
}
