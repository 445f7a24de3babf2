package supportbot.channel.telegram;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.forum.CreateForumTopic;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import supportbot.channel.SendFailure;

/**
 * The Bot API calls the connector makes, through the real telegrambots client, with Telegram's errors turned
 * into {@link SendFailure}s the outbox understands. File downloads go to the configured server too:
 * telegrambots' own download URL always points at api.telegram.org.
 */
public final class BotApi {
    private final OkHttpTelegramClient client;
    private final OkHttpClient http;
    private final TelegramSettings settings;

    public BotApi(TelegramSettings settings) {
        this.settings = settings;
        this.http = new OkHttpClient.Builder().connectTimeout(10, TimeUnit.SECONDS).readTimeout(60, TimeUnit.SECONDS)
                .build();
        this.client = new OkHttpTelegramClient(http, settings.token(), telegramUrl(settings));
    }

    static TelegramUrl telegramUrl(TelegramSettings settings) {
        var uri = settings.apiUrl();
        int port = uri.getPort() > 0 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
        return new TelegramUrl(uri.getScheme(), uri.getHost(), port, false);
    }

    public User me() throws SendFailure {
        return call(new GetMe());
    }

    public int sendHtml(long chatId, Integer threadId, String html, InlineKeyboardMarkup keyboard) throws SendFailure {
        var message = SendMessage.builder().chatId(chatId).text(html).parseMode("HTML").messageThreadId(threadId)
                .replyMarkup(keyboard).build();
        return call(message).getMessageId();
    }

    public void editHtml(long chatId, int messageId, String html, InlineKeyboardMarkup keyboard) throws SendFailure {
        call(EditMessageText.builder().chatId(chatId).messageId(messageId).text(html).parseMode("HTML")
                .replyMarkup(keyboard).build());
    }

    public void sendFile(long chatId, Integer threadId, byte[] content, String fileName, String caption) throws SendFailure {
        var send = SendDocument.builder().chatId(chatId).messageThreadId(threadId)
                .document(new InputFile(new java.io.ByteArrayInputStream(content), fileName)).caption(caption).build();
        try {
            client.execute(send);
        } catch (TelegramApiException e) {
            throw failure(e);
        }
    }

    public void sendBytes(long chatId, byte[] content, String fileName, String caption) throws SendFailure {
        var send = SendDocument.builder().chatId(chatId)
                .document(new InputFile(new java.io.ByteArrayInputStream(content), fileName)).caption(caption).build();
        try {
            client.execute(send);
        } catch (TelegramApiException e) {
            throw failure(e);
        }
    }

    /** Takes the inline keyboard off a message, so its buttons cannot be pressed again. */
    public void removeKeyboard(long chatId, int messageId) throws SendFailure {
        call(org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup.builder().chatId(chatId)
                .messageId(messageId).build());
    }

    public void answerCallback(String callbackQueryId, String text) throws SendFailure {
        call(AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId).text(text).build());
    }

    public int createTopic(long chatId, String name) throws SendFailure {
        return call(CreateForumTopic.builder().chatId(chatId).name(name).build()).getMessageThreadId();
    }

    public void renameTopic(long chatId, int threadId, String name) throws SendFailure {
        call(org.telegram.telegrambots.meta.api.methods.forum.EditForumTopic.builder().chatId(chatId)
                .messageThreadId(threadId).name(name).build());
    }

    /** Closes (no one can post but admins) or reopens a forum topic. */
    public void setTopicOpen(long chatId, int threadId, boolean open) throws SendFailure {
        if (open) {
            call(org.telegram.telegrambots.meta.api.methods.forum.ReopenForumTopic.builder().chatId(chatId)
                    .messageThreadId(threadId).build());
        } else {
            call(org.telegram.telegrambots.meta.api.methods.forum.CloseForumTopic.builder().chatId(chatId)
                    .messageThreadId(threadId).build());
        }
    }

    /** Telegram's "typing…" under the chat title; it fades after about five seconds by itself. */
    public void sendTyping(long chatId) throws SendFailure {
        call(org.telegram.telegrambots.meta.api.methods.send.SendChatAction.builder().chatId(chatId)
                .action(org.telegram.telegrambots.meta.api.methods.ActionType.TYPING.toString()).build());
    }

    public void deleteMessage(long chatId, int messageId) throws SendFailure {
        call(DeleteMessage.builder().chatId(chatId).messageId(messageId).build());
    }

    public void setWebhook(String url, String secret) throws SendFailure {
        try {
            client.execute(SetWebhook.builder().url(url).secretToken(secret).build());
        } catch (TelegramApiException e) {
            throw failure(e);
        }
    }

    /**
     * The command menus, in English and (for Chinese-language clients) in Chinese: users' commands in private
     * chats, agents' commands in the staff group only, so neither sees the other's.
     */
    public void setCommands(supportbot.dialogue.Messages messages, Long staffChatId) throws SendFailure {
        var privateChats = new org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllPrivateChats();
        for (var lang : java.util.List.of(supportbot.faq.Lang.EN, supportbot.faq.Lang.ZH)) {
            call(org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands.builder().scope(privateChats)
                    .languageCode(lang == supportbot.faq.Lang.EN ? null : "zh")
                    .commands(menu(messages, lang)).build());
        }
        if (staffChatId == null) {
            return;
        }
        var staff = new org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeChat(staffChatId.toString());
        for (var lang : java.util.List.of(supportbot.faq.Lang.EN, supportbot.faq.Lang.ZH)) {
            call(org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands.builder().scope(staff)
                    .languageCode(lang == supportbot.faq.Lang.EN ? null : "zh")
                    .commands(menu(messages, lang, supportbot.dialogue.BotCommand.Surface.TELEGRAM_STAFF_GROUP)).build());
        }
    }

    /** The menu from the one command registry; public so a test can compare it with what the engine handles. */
    public static java.util.List<org.telegram.telegrambots.meta.api.objects.commands.BotCommand> menu(
            supportbot.dialogue.Messages messages, supportbot.faq.Lang lang) {
        return menu(messages, lang, supportbot.dialogue.BotCommand.Surface.TELEGRAM_MENU);
    }

    static java.util.List<org.telegram.telegrambots.meta.api.objects.commands.BotCommand> menu(
            supportbot.dialogue.Messages messages, supportbot.faq.Lang lang, supportbot.dialogue.BotCommand.Surface surface) {
        return supportbot.dialogue.BotCommand.on(surface).stream()
                .map(c -> new org.telegram.telegrambots.meta.api.objects.commands.BotCommand(c.command(),
                        messages.get(lang, c.descriptionKey())))
                .toList();
    }

    public void deleteWebhook() throws SendFailure {
        call(DeleteWebhook.builder().build());
    }

    /**
     * Downloads a user's file into {@code target}, refusing more than {@code maxBytes} even when Telegram's
     * announced size was missing or wrong.
     *
     * @return the size written
     */
    /** Downloads into {@code target}, sealed (see {@link supportbot.crypto.SealedFiles}). */
    public supportbot.crypto.SealedFiles.Written download(String fileId, Path target, long maxBytes)
            throws SendFailure, TooLarge {
        var file = call(new GetFile(fileId));
        if (file.getFileSize() != null && file.getFileSize() > maxBytes) {
            throw new TooLarge(file.getFileSize());
        }
        String url = settings.apiUrl() + "/file/bot" + settings.token() + "/" + file.getFilePath();
        try (Response response = http.newCall(new Request.Builder().url(url).build()).execute()) {
            if (!response.isSuccessful()) {
                throw SendFailure.transientError("file download answered HTTP " + response.code(), null);
            }
            Files.createDirectories(target.getParent());
            try (InputStream in = new CappedStream(response.body().byteStream(), maxBytes)) {
                return supportbot.crypto.SealedFiles.write(in, target);
            }
        } catch (CappedStream.Exceeded e) {
            deleteQuietly(target);
            throw new TooLarge(maxBytes + 1);
        } catch (IOException e) {
            deleteQuietly(target);
            throw SendFailure.transientError("file download failed: " + e.getMessage(), e);
        }
    }

    /** The user's file is over the size cap. */
    public static final class TooLarge extends Exception {
        private final long size;

        TooLarge(long size) {
            super("file too large: " + size + " bytes");
            this.size = size;
        }

        public long size() {
            return size;
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: a partial download is only a stray file
        }
    }

    private <T extends java.io.Serializable> T call(BotApiMethod<T> method) throws SendFailure {
        try {
            return client.execute(method);
        } catch (TelegramApiException e) {
            throw failure(e);
        }
    }

    /** Telegram's answer decides: wait as told, give up on a chat that is gone, or retry with backoff. */
    static SendFailure failure(TelegramApiException e) {
        if (e instanceof TelegramApiRequestException r) {
            Integer code = r.getErrorCode();
            String description = r.getApiResponse() == null ? String.valueOf(code) : r.getApiResponse();
            if (code != null && code == 429) {
                Integer wait = r.getParameters() == null ? null : r.getParameters().getRetryAfter();
                return SendFailure.tooManyRequests(Duration.ofSeconds(wait == null ? 1 : wait), "429 " + description);
            }
            if (code != null && (code == 403 || (code == 400 && description.contains("chat not found")))) {
                return SendFailure.permanent(code + " " + description, e);
            }
            if (code != null && code == 400) {
                // A request Telegram will never accept (bad markup, too long): retrying cannot help.
                return SendFailure.permanent("400 " + description, e);
            }
            return SendFailure.transientError(code + " " + description, e);
        }
        return SendFailure.transientError(e.getMessage() == null ? e.toString() : e.getMessage(), e);
    }
}
