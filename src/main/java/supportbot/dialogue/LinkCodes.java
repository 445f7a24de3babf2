package supportbot.dialogue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The one-time codes users link their contacts with (/link), as far as the engine needs them: a fresh code to
 * show, and what a code typed on another platform stands for. The store keeps them (see the desk's adapter).
 */
public interface LinkCodes {
    /** Long enough to switch apps and type it; short enough that a code seen over a shoulder soon means nothing. */
    Duration VALID_FOR = Duration.ofMinutes(10);
    /**
     * @param contact   the {@link ContactKey} of whoever asked for the code
     * @param expiresAt the code means nothing from then on
     */
    record Pending(String contact, String channel, Instant expiresAt) {
    }

    /** The pending code as typed (any case, dash or not); empty for an unknown or used code. */
    Optional<Pending> find(String code);

    /** Whether the two contacts are already one person. */
    boolean samePerson(String contactA, String contactB);

    /** A fresh random code to show the user. */
    default String newCode() {
        return LinkCodeText.fresh();
    }

    /** Where nothing keeps codes (tools that run the engine without a store): /link says it is not available. */
    LinkCodes NONE = new LinkCodes() {
        @Override
        public Optional<Pending> find(String code) {
            return Optional.empty();
        }

        @Override
        public boolean samePerson(String contactA, String contactB) {
            return false;
        }
    };
}
