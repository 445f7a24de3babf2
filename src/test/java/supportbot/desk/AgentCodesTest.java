package supportbot.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import supportbot.safety.BotSecret;
import supportbot.safety.Signer;

/** Verification codes belong to one agent in one conversation. */
class AgentCodesTest {
    private final AgentCodes codes = new AgentCodes(new AgentDirectory(List.of(new Agent("alice", Role.AGENT, null),
            new Agent("bob", Role.AGENT, null))), new Signer(BotSecret.of(new byte[32])));

    @Test
    void aCodeDependsOnTheConversationAndIsStable() {
        String a = codes.codeOf("alice", "telegram:1");
        assertTrue(a.matches("[A-Z2-9]{6}"), a);
        assertEquals(a, codes.codeOf("alice", "telegram:1"), "stable, so replies and /verify agree across restarts");
        assertNotEquals(a, codes.codeOf("alice", "telegram:2"));
        assertNotEquals(a, codes.codeOf("bob", "telegram:1"));
        // The separator keeps ("alice", "x:1") and ("alicex", ":1")-style pairs apart.
        assertNotEquals(codes.codeOf("alice", "telegram:1"), codes.codeOf("alice\u0000telegram", ":1"));
    }

    @Test
    void anotherConversationsCodeVerifiesNobody() {
        String fromA = codes.codeOf("alice", "web:a");
        assertEquals("alice", codes.lookup("web:a", fromA.toLowerCase()).orElseThrow().name());
        assertTrue(codes.lookup("web:b", fromA).isEmpty(), "A's code means nothing in B");
        assertEquals(codes.codeOf("alice", "web:b"), codes.lookup("web:b", "Alice").orElseThrow().code(),
                "a name lookup shows B's own code");
    }

    @Test
    void aSecretMakesTheCodes() {
        byte[] other = new byte[32];
        other[0] = 1;
        var elsewhere = new AgentCodes(new AgentDirectory(List.of(new Agent("alice", Role.AGENT, null))),
                new Signer(BotSecret.of(other)));
        assertNotEquals(codes.codeOf("alice", "web:a"), elsewhere.codeOf("alice", "web:a"));
    }
}
