package supportbot.channel;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import supportbot.dialogue.Messages;
import supportbot.faq.Lang;
import supportbot.store.Store;
import supportbot.store.TranscriptLine;

/**
 * A conversation as a plain-text file the user can keep: their language, times in their zone. It reads the stored
 * lines, which had secrets redacted before they were stored, so nothing here needs masking again.
 */
public final class TranscriptText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private TranscriptText() {
    }

    public static byte[] of(Store store, Messages messages, String conversationKey) {
        var conversation = store.conversation(conversationKey);
        Lang lang = conversation.map(c -> c.lang()).orElse(Lang.EN);
        ZoneId zone = zone(conversation.map(c -> c.zone()).orElse(null));
        var out = new StringBuilder(messages.get(lang, "transcript.title")).append('\n')
                .append(messages.get(lang, "transcript.zone", Map.of("zone", zone.getId()))).append("\n\n");
        for (TranscriptLine l : store.transcript(conversationKey, 0)) {
            String who = switch (l.from()) {
                case "user" -> messages.get(lang, "transcript.you");
                case "agent" -> l.by() != null ? l.by() : messages.get(lang, "transcript.agent");
                default -> messages.get(lang, "transcript.bot");
            };
            var text = new StringBuilder(l.text() == null ? "" : l.text());
            l.attachments().forEach(a -> text.append(" [").append(a.fileName()).append(']'));
            out.append(messages.get(lang, "transcript.line", Map.of("time", TIME.format(l.time().atZone(zone)),
                    "who", who, "text", text.toString()))).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static ZoneId zone(String id) {
        try {
            return id == null || id.isBlank() ? ZoneId.of("UTC") : ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
