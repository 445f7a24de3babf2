package supportbot.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import supportbot.dialogue.Action;
import supportbot.dialogue.Conversation;
import supportbot.dialogue.DeskEvent;
import supportbot.dialogue.DialogueEngine;
import supportbot.dialogue.EngineHarness;
import supportbot.dialogue.Inbound;
import supportbot.dialogue.details.DetailParsers;
import supportbot.faq.Lang;
import supportbot.safety.BotSecret;
import supportbot.safety.Signer;

/** desk.replyAs: team — users see the team's name in their language on agents' replies; the code stays. */
class TeamVoiceTest {
    private static final Map<String, String> TEAM = Map.of("en", "Support team", "zh", "客服团队");
    private final Clock clock = Clock.fixed(EngineHarness.NOW, ZoneOffset.UTC);
    private final AgentDirectory agents = new AgentDirectory(List.of(new Agent("alice", Role.AGENT, null)));
    private final Signer signer = new Signer(BotSecret.of(new byte[32]));

    private List<Action> reply(AgentCodes codes, String firstMessage, String... more) {
        var engine = new DialogueEngine(EngineHarness.DATA, new EngineHarness.StubFaq(),
                new DetailParsers(EngineHarness.DATA.details(), clock), new EngineHarness.Tickets(), clock, Lang.EN, codes);
        Conversation c = engine.handle(null, Inbound.text("web", "web:u", "u", firstMessage, "m1", clock.instant())).conversation();
        var turn = engine.handleDesk(c, new DeskEvent("web", "web:u", c.ticketNumber(), DeskEvent.Kind.AGENT_REPLY, "alice",
                "Checking now", clock.instant()));
        c = turn.conversation();
        var actions = new java.util.ArrayList<>(turn.actions());
        int seq = 2;
        for (String m : more) {
            actions.addAll(engine.handle(c, Inbound.text("web", "web:u", "u", m, "m" + seq++, clock.instant())).actions());
        }
        return actions;
    }

    private static String agentOf(List<Action> actions) {
        return actions.stream().filter(a -> a instanceof Action.AgentMessage).map(a -> ((Action.AgentMessage) a).agent())
                .findFirst().orElseThrow();
    }

    private static String said(List<Action> actions) {
        return String.join("\n", actions.stream().filter(a -> a instanceof Action.Reply).map(a -> ((Action.Reply) a).text()).toList());
    }

    @Test
    void byDefaultUsersSeeTheAgentsNameAndCode() {
        var codes = new AgentCodes(agents, signer);
        assertEquals("alice (" + codes.codeOf("alice", "web:u") + ")", agentOf(reply(codes, "talk to a human")));
    }

    @Test
    void asTheTeamUsersSeeTheTeamsNameInTheirLanguageWithTheCode() {
        var codes = new AgentCodes(agents, signer, TEAM);
        String code = codes.codeOf("alice", "web:u");
        assertEquals("Support team (" + code + ")", agentOf(reply(codes, "talk to a human")));
        assertEquals("客服团队 (" + code + ")", agentOf(reply(codes, "转人工")));

        String verified = said(reply(codes, "talk to a human", "/verify " + code));
        assertTrue(verified.contains(code) && verified.contains("Support team"), verified);
        assertFalse(verified.contains("alice"), "the code says one of us, not which of us: " + verified);
    }

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    private supportbot.config.AppConfig config(String desk) throws Exception {
        var file = dir.resolve("application.yaml");
        java.nio.file.Files.writeString(file, "data:\n  dir: " + dir.resolve("data") + "\ndesk:\n" + desk);
        return new supportbot.config.ConfigLoader().load(file);
    }

    @Test
    void theSettingIsReadWithDefaultsAndAWrongValueIsNamed() throws Exception {
        assertTrue(config("  agents: []\n").teamVoice().isEmpty(), "agent is the default");
        assertEquals(TEAM, config("  replyAs: team\n").teamVoice().orElseThrow());
        assertEquals("Wallet help", config("  replyAs: team\n  teamName: {en: Wallet help, zh: 钱包客服}\n")
                .teamVoice().orElseThrow().get("en"));
        var e = org.junit.jupiter.api.Assertions.assertThrows(supportbot.config.ConfigException.class,
                () -> config("  replyAs: robot\n").teamVoice());
        assertTrue(e.getMessage().contains("desk.replyAs") && e.getMessage().contains("robot"), e.getMessage());
    }
}
