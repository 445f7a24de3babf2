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

    /**
     * {@code GET …/messages} answer.
     *
     * @param agentHolds  a person holds the user's ticket: the widget shows no bot "typing" dots
     * @param agentTyping that person is typing now; the widget lets the hint fade after a few seconds
     */
    record Page(List<Line> messages, boolean agentHolds, boolean agentTyping) {
    }

    record ButtonJson(String label, String payload) {
    }

    /** A file on a line: {@code url} is relative to the session, so the page can show the user's own image. */
    record FileJson(String fileName, String contentType, long size, String url) {
    }

    /**
     * One transcript line; {@code agent} only on an agent's line, {@code attachments} (names) and {@code files}
     * only when there are some; {@code time} when it was stored.
     */
    record Line(long seq, String from, String text, @JsonInclude(JsonInclude.Include.NON_NULL) String agent,
                List<ButtonJson> buttons, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> attachments,
                @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FileJson> files,
                @JsonInclude(JsonInclude.Include.NON_NULL) java.time.Instant time) {
        static Line of(TranscriptLine line) {
            var files = new java.util.ArrayList<FileJson>();
            for (int i = 0; i < line.attachments().size(); i++) {
                var a = line.attachments().get(i);
                files.add(new FileJson(a.fileName(), a.contentType(), a.size(), "files/" + line.seq() + "/" + i));
            }
            return new Line(line.seq(), line.from(), line.text(), line.by(),
                    line.buttons().stream().map(b -> new ButtonJson(b.label(), b.payload())).toList(),
                    line.attachments().stream().map(a -> a.fileName()).toList(), files, line.time());
        }
    }
}
