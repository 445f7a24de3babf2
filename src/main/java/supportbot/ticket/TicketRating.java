package supportbot.ticket;

import java.time.Instant;

/** How the user rated a resolved ticket (seed article §5: speed, attitude, clarity, solved or not). */
public record TicketRating(int stars, String weakest, String comment, Instant at) {
    /** Two stars or fewer: a supervisor should look. */
    public boolean bad() {
        return stars <= 2;
    }
}
