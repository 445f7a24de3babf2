package supportbot.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** /forget, reports started in a group, and files sent while reporting. */
class PrivacyFlowTest {

    @Test
    void forgetAsksFirstAndOnlyAYesErases() {
        var h = new EngineHarness().say("my transfer has been pending for many hours now");
        assertEquals(Phase.COLLECTING, h.phase());
        h.say("/forget");
        assertEquals(List.of("forget:yes", "forget:no"), h.buttons());
        assertTrue(h.action(Action.Forget.class).isEmpty(), "nothing is erased before the user confirms");
        h.press("forget:no");
        assertTrue(h.action(Action.Forget.class).isEmpty());
        assertEquals(Phase.COLLECTING, h.phase(), "saying no leaves the report where it was");

        h.say("/forget").press("forget:yes");
        assertEquals("test:alice", h.action(Action.Forget.class).orElseThrow().conversationKey());
        assertEquals(Phase.IDLE, h.phase());
        assertTrue(h.state.details().isEmpty());
        assertTrue(h.state.recentTexts().isEmpty());
        assertNull(h.state.ticketNumber());
    }

    @Test
    void inAGroupAReportMovesToAPrivateChatAndNothingIsCollected() {
        var h = new EngineHarness();
        h.handle(Inbound.text("test", "test:group:alice", "alice", "my transfer has been pending for many hours now", "g1",
                EngineHarness.NOW).inPublic());
        assertEquals(List.of(DialogueEngine.PRIVATE_CHAT_PAYLOAD), h.buttons());
        assertEquals(Phase.IDLE, h.phase());
        assertTrue(h.state.details().isEmpty(), "no detail is kept from a public message");
        assertTrue(h.actions.stream().noneMatch(a -> a instanceof Action.OpenTicket));

        h.handle(Inbound.text("test", "test:group:alice", "alice", "/human", "g2", EngineHarness.NOW).inPublic());
        assertTrue(h.actions.stream().noneMatch(a -> a instanceof Action.OpenTicket), "no ticket is opened from a group");
        assertEquals(List.of(DialogueEngine.PRIVATE_CHAT_PAYLOAD), h.buttons());
    }

    @Test
    void theSameReportInPrivateIsCollected() {
        var h = new EngineHarness().say("my transfer has been pending for many hours now");
        assertEquals(Phase.COLLECTING, h.phase());
        assertFalse(h.buttons().contains(DialogueEngine.PRIVATE_CHAT_PAYLOAD));
    }

    @Test
    void screenshotsSentWhileReportingTravelWithTheTicket() {
        var h = new EngineHarness().say("我的钱包登录不了,输入密码后一直提示错误");
        h.attach("error.png");
        assertEquals(1, h.state.attachments().size());
        h.say("/human");
        var opened = h.action(Action.OpenTicket.class).orElseThrow().ticket();
        assertEquals(List.of("error.png"), opened.attachments().stream().map(Attachment::fileName).toList());
        assertTrue(h.state.attachments().isEmpty(), "the next report starts without them");
    }

    @Test
    void cancellingAReportDropsItsFiles() {
        var h = new EngineHarness().say("我的钱包登录不了,输入密码后一直提示错误").attach("error.png").say("/cancel");
        assertTrue(h.state.attachments().isEmpty());
    }
}
