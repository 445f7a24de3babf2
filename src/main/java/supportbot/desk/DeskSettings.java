package supportbot.desk;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything config/desk.yaml decides about the desk's timing, ready to use.
 *
 * @param hours     when the desk is staffed
 * @param sla       targets per priority; its clocks use {@code hours}
 * @param eta       how a queued user's wait is estimated
 * @param followUp  when the bot reassures a user nobody has answered yet
 * @param waitingUser what happens when the desk is waiting on the user instead
 */
public record DeskSettings(ServiceHours hours, SlaPolicy sla, EtaEstimator eta, FollowUp followUp, WaitingUser waitingUser) {
    public DeskSettings {
        Objects.requireNonNull(hours, "hours");
        Objects.requireNonNull(sla, "sla");
        Objects.requireNonNull(eta, "eta");
        Objects.requireNonNull(followUp, "followUp");
        Objects.requireNonNull(waitingUser, "waitingUser");
    }

    /** @param after how long without agent activity before the bot tells a queued user they are still in line */
    public record FollowUp(Duration after) {
        public FollowUp {
            positive(after, "followUp.after");
        }
    }

    /**
     * @param reminderAfter  how long after an agent's question the bot reminds a silent user
     * @param autoCloseAfter how long after that question an unanswered ticket is closed; longer than the
     *                       reminder, or the reminder would never be sent
     */
    public record WaitingUser(Duration reminderAfter, Duration autoCloseAfter) {
        public WaitingUser {
            positive(reminderAfter, "waitingUser.reminderAfter");
            positive(autoCloseAfter, "waitingUser.autoCloseAfter");
            if (autoCloseAfter.compareTo(reminderAfter) <= 0) {
                throw new IllegalArgumentException("waitingUser.autoCloseAfter (" + autoCloseAfter
                        + ") must be longer than waitingUser.reminderAfter (" + reminderAfter + ")");
            }
        }
    }

    private static void positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + d);
        }
    }
}
