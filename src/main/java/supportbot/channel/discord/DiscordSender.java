package supportbot.channel.discord;

import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import supportbot.channel.ChannelSender;
import supportbot.channel.SendFailure;
import supportbot.store.OutboxEntry;
import supportbot.store.Store;

/**
 * Delivers committed replies to Discord users (DMs and their private threads). JDA keeps to Discord's rate
 * limits itself; the outbox stores how many parts of a long reply went, so a retry does not repeat them, and no
 * message may mention anyone.
 */
final class DiscordSender implements ChannelSender {
    private final JDA jda;
    private final DiscordComponents components;
    private final Store store;
    private final java.time.Clock clock;
    private final InteractionReplies interactions;

    private final DiscordThreads threads;
    private final DiscordEdits edits;
    private final supportbot.dialogue.Messages messages;

    DiscordSender(JDA jda, DiscordComponents components, Store store, java.time.Clock clock,
                  InteractionReplies interactions, DiscordThreads threads, DiscordEdits edits,
                  supportbot.dialogue.Messages messages) {
        this.messages = messages;
        this.threads = threads;
        this.edits = edits;
        this.jda = jda;
        this.interactions = interactions;
        this.clock = clock;
        this.components = components;
        this.store = store;
    }

    @Override
    public String channel() {
        return DiscordKeys.CHANNEL;
    }

    @Override
    public void send(OutboxEntry entry, PartsProgress progress) throws SendFailure {
        try {
            MessageChannel channel = channelOf(entry.conversationKey());
            if (entry.isExport()) {
                byte[] data = supportbot.safety.DataExport.of(store, entry.conversationKey(), clock.instant());
                post(entry.conversationKey(), channel, true, base().setContent(DiscordText.clip(entry.text(),
                        DiscordText.MAX_MESSAGE_CHARS)).addFiles(FileUpload.fromData(data, "my-support-data.json")).build());
                return;
            }
            if (entry.isTranscript()) {
                // Built now from the stored lines, which were redacted before they were stored.
                byte[] text = supportbot.channel.TranscriptText.of(store, messages, entry.conversationKey());
                channel.sendMessage(base().setContent(DiscordText.clip(entry.text(), DiscordText.MAX_MESSAGE_CHARS))
                        .addFiles(FileUpload.fromData(text, "transcript.txt")).build()).complete();
                return;
            }
            List<String> parts = DiscordText.chunks(entry.text());
            if (parts.isEmpty()) {
                parts = List.of("…");
            }
            if (!entry.buttons().isEmpty()) {
                retireButtons(entry.conversationKey(), channel);
            }
            // An agent's files go after the text, each counted as one more part.
            int total = parts.size() + entry.attachments().size();
            var sentIds = new java.util.ArrayList<Long>(); // what the user got, so an agent's later edit can follow
            for (int i = Math.min(entry.partsSent(), total - 1); i < total; i++) {
                if (i < parts.size()) {
                    var message = base().setContent(parts.get(i));
                    var rows = i == parts.size() - 1 ? components.of(entry.conversationKey(), entry.buttons())
                            : List.<net.dv8tion.jda.api.components.actionrow.ActionRow>of();
                    message.setComponents(rows);
                    long id = post(entry.conversationKey(), channel, i == 0, message.build()).getIdLong();
                    sentIds.add(id);
                    if (!rows.isEmpty()) {
                        withButtons.put(entry.conversationKey(), new Shown(id, rows));
                    }
                } else {
                    var file = entry.attachments().get(i - parts.size());
                    byte[] content = supportbot.channel.AttachmentFiles.readOrNull(file);
                    if (content != null) {
                        sentIds.add(channel.sendMessage(base().addFiles(FileUpload.fromData(content, file.fileName())).build())
                                .complete().getIdLong());
                    }
                }
                if (i < total - 1) {
                    progress.sent(i + 1);
                }
            }
            edits.delivered(entry, sentIds);
        } catch (ErrorResponseException e) {
            throw failure(e);
        } catch (RuntimeException e) {
            throw SendFailure.transientError("Discord: " + e.getMessage(), e);
        }
    }

    /**
     * The first message of an answer fills the deferred reply of a slash command waiting in that conversation
     * (the answer appears in the interaction); any other goes to the channel.
     */
    private Message post(String key, MessageChannel channel, boolean first,
                         net.dv8tion.jda.api.utils.messages.MessageCreateData message) {
        var hook = first ? interactions.take(key) : java.util.Optional.<net.dv8tion.jda.api.interactions.InteractionHook>empty();
        return hook.isPresent() ? interactions.answer(key, hook.get(), message) : channel.sendMessage(message).complete();
    }

    /** The last message with buttons in each conversation, to disable once the conversation has moved on. */
    private record Shown(long messageId, List<net.dv8tion.jda.api.components.actionrow.ActionRow> rows) {
    }

    private final java.util.Map<String, Shown> withButtons = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Buttons on an answered message would act on a state that has moved on (the engine refuses them): they are
     * disabled when a message with new buttons goes out, so users see they are spent. A message without buttons
     * (a refusal notice, a status line) leaves the last ones live, as the engine still accepts them. Best effort,
     * never holds up delivery.
     */
    private void retireButtons(String key, MessageChannel channel) {
        Shown shown = withButtons.remove(key);
        if (shown != null) {
            channel.editMessageComponentsById(shown.messageId(),
                    net.dv8tion.jda.api.components.tree.MessageComponentTree.of(shown.rows()).asDisabled())
                    .queue(ok -> { }, e -> { });
        }
    }

    static MessageCreateBuilder base() {
        return new MessageCreateBuilder().setAllowedMentions(EnumSet.noneOf(Message.MentionType.class));
    }

    /** An agent is typing in the desk: Discord shows "… is typing" for about ten seconds. */
    @Override
    public void typing(String conversationKey) throws SendFailure {
        channelOf(conversationKey).sendTyping().queue(ok -> { }, failed -> { });
    }

    private MessageChannel channelOf(String key) throws SendFailure {
        var target = DiscordKeys.targetOf(key).orElseThrow(() -> SendFailure.permanent("not a Discord conversation: " + key,
                null));
        if (target.dm()) {
            return jda.openPrivateChannelById(target.id()).complete();
        }
        MessageChannel thread = jda.getChannelById(MessageChannel.class, target.id());
        if (thread != null) {
            return thread;
        }
        // Not in JDA's cache: archived (a settled ticket, or to make room), or just unarchived and not yet told.
        var found = threads.find(jda, target.id())
                .orElseThrow(() -> SendFailure.permanent("the thread " + target.id() + " is gone", null));
        if (found.isArchived()) {
            threads.unarchive(found);
        }
        return found;
    }

    static SendFailure failure(ErrorResponseException e) {
        ErrorResponse r = e.getErrorResponse();
        if (r == ErrorResponse.CANNOT_SEND_TO_USER || r == ErrorResponse.UNKNOWN_CHANNEL || r == ErrorResponse.UNKNOWN_USER
                || r == ErrorResponse.MISSING_ACCESS || r == ErrorResponse.MISSING_PERMISSIONS) {
            return SendFailure.permanent("Discord: " + r, e);
        }
        return SendFailure.transientError("Discord: " + e.getMeaning(), e);
    }
}
