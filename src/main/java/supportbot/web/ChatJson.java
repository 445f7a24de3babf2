package supportbot.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import supportbot.store.TranscriptLine;

/** The web chat API's request and response bodies, as they go over the wire. */
final class ChatJson {
    private ChatJson() {
    }

    /** {@code POST /api/chat/sessions} answer. */
    record SessionCreated(String sessionId) {
    }

    /**
     * {@code POST …/messages} body: exactly one of {@code text} or {@code button}; {@code id} is the client's
     * own id for the message, so a resend of it is recognised and not handled twice.
     */
    record MessageRequest(String text, String button, String id) {
    }

    /**
     * Answer to a message or attachment: sent only once it is committed. {@code duplicate}: the id was seen
     * before, so this copy changed nothing.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Accepted(boolean accepted, String id, boolean duplicate) {
    }

    /** {@code GET …/messages} answer. */
    record Page(List<Line> messages) {
    }

    record ButtonJson(String label, String payload) {
    }

    /** One transcript line; {@code agent} only on an agent's line, {@code attachments} only when there are some. */
    record Line(long seq, String from, String text, @JsonInclude(JsonInclude.Include.NON_NULL) String agent,
                List<ButtonJson> buttons, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> attachments) {
        static Line of(TranscriptLine line) {
            return new Line(line.seq(), line.from(), line.text(), line.by(),
                    line.buttons().stream().map(b -> new ButtonJson(b.label(), b.payload())).toList(),
                    line.attachments().stream().map(a -> a.fileName()).toList());
        }
    }
}
