package supportbot.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class StaffCommandsTest {
    @Test
    void theSameCommandsWorkWithEitherPrefixAndABotSuffix() {
        assertEquals(Optional.of(new DeskAction.Note("call back at 5")), StaffCommands.parse("/note call back at 5", '/', "x"));
        assertEquals(Optional.of(new DeskAction.Note("call back at 5")), StaffCommands.parse("!note call back at 5", '!', "x"));
        assertEquals(Optional.of(new DeskAction.Resolve()), StaffCommands.parse("/resolve@support_test_bot", '/', "x"));
        assertEquals(Optional.of(new DeskAction.Ask("tx_hash")), StaffCommands.parse("!ASK tx_hash", '!', "x"));
        assertEquals(Optional.of(new DeskAction.SavedReply("deposit-pending")), StaffCommands.parse("/r deposit-pending", '/', "x"));
        assertEquals(Optional.of(new DeskAction.SavedReply("deposit-pending")), StaffCommands.parse("!r deposit-pending", '!', "x"));
        assertEquals(Optional.of(new DeskAction.Escalate("escalated from the Discord staff channel")),
                StaffCommands.parse("!escalate", '!', "Discord staff channel"));
    }

    @Test
    void anythingElseIsNotACommand() {
        assertTrue(StaffCommands.parse("/resolve", '!', "x").isEmpty(), "wrong prefix");
        assertTrue(StaffCommands.parse("!delete everything", '!', "x").isEmpty());
        assertTrue(StaffCommands.parse("", '!', "x").isEmpty());
        assertTrue(StaffCommands.parse("note without prefix", '!', "x").isEmpty());
    }
}
