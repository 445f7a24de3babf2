package supportbot.dialogue;

import java.util.Optional;

/**
 * Who is really on the support team, for users checking a name or code (/verify) and for labelling agents'
 * replies with their code. Scammers pose as support: the code in a real reply is what a user can check.
 */
public interface StaffDirectory {
    record Verified(String name, String code) {
    }

    /** An agent by name (case-insensitive) or by verification code. */
    Optional<Verified> lookup(String nameOrCode);

    StaffDirectory NONE = query -> Optional.empty();
}
