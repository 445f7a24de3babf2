package supportbot.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A refused desk action: the error, and for a conflict the agent who holds the ticket now, so the loser of a
 * race can tell them apart from a plain "not allowed".
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DeskRefusal(String error, String holder) {
}
