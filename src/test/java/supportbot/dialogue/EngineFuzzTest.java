package supportbot.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/**
 * Random input against the engine: whatever arrives, no exception escapes, a forged button changes nothing,
 * and nothing a user sends can act as an agent.
 */
class EngineFuzzTest {

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.strings().all().ofMaxLength(300)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().all().ofMinLength(9_000).ofMaxLength(10_000)),
                net.jqwik.api.Tuple.of(3, Arbitraries.strings().withChars("的一是在不了有和人这中大 转账失败提币到账 0123456789abcdef")
                        .ofMaxLength(200)),
                net.jqwik.api.Tuple.of(3, Arbitraries.of("", " ", "\n", "/", "/lang", "/lang xx", "/tz Mars/Base", "/verify", "/forget", "/export",
                        "/human", "/cancel", "/status", "/start", "转人工", "找主管", "取消", "\u0000", "\uFFFF", "\uD83D")),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(50)));
    }

    @Provide
    Arbitrary<String> forgedPayload() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(120),
                Arbitraries.strings().alpha().numeric().withChars(":-_.").ofMaxLength(80).map(s -> "desk:" + s),
                Arbitraries.of("rate:6", "rate:0", "rate:", "cat:", "cat:nonexistent", "faq:pick:", "faq:pick:../../etc",
                        "edit:password", "lang:fr", "answer:", "weak:everything", "desk:claim:1001", "desk:resolve:1",
                        "forget:maybe", "confirm ", " confirm", "CONFIRM", "h:AAAA", "refused"));
    }

    @Property(tries = 100)
    void noMessageSequenceThrows(@ForAll @Size(max = 8) List<@From("anyText") String> texts) {
        var h = new EngineHarness();
        for (String text : texts) {
            h.say(text);
            assertTrue(h.state != null);
            assertTrue(h.actions.stream().noneMatch(a -> a instanceof Action.AgentMessage),
                    "a user's text never comes out as an agent's message");
        }
    }

    @Property(tries = 200)
    void aForgedButtonChangesNothing(@ForAll("anyText") String opening, @ForAll("forgedPayload") String payload) {
        var h = new EngineHarness().say(opening);
        Conversation before = h.state;
        var buttonsShown = h.buttons();
        if (buttonsShown.contains(payload) || ButtonPayload.parse(payload).isPresent()) {
            return; // a real payload of this state, not a forgery
        }
        h.press(payload);
        assertEquals(before.phase(), h.state.phase());
        assertEquals(before.details(), h.state.details());
        assertEquals(before.ticketNumber(), h.state.ticketNumber());
        assertTrue(h.actions.stream().allMatch(a -> a instanceof Action.Reply), "only an answer, no effect: " + h.actions);
    }

    @Property(tries = 100)
    void deskCommandsTypedByAUserDoNothingToTickets(
            @ForAll("anyText") String opening,
            @ForAll @StringLength(max = 40) String arg,
            @ForAll("deskCommand") String command) {
        var h = new EngineHarness().say(opening).say("/human");
        long ticket = h.state.ticketNumber() == null ? -1 : h.state.ticketNumber();
        h.say(command + " " + arg);
        assertTrue(h.actions.stream().noneMatch(a -> a instanceof Action.AgentMessage || a instanceof Action.Rating
                || a instanceof Action.TicketDetail && ((Action.TicketDetail) a).ticketNumber() != ticket),
                "typed desk commands act as nothing but the user's own message: " + h.actions);
    }

    @Provide
    Arbitrary<String> deskCommand() {
        return Arbitraries.of("/resolve", "/claim", "/ban", "/unban", "/transfer", "/note", "/ask", "/escalate", "/reopen",
                "desk:claim:1001", "/resolve@support_test_bot");
    }
}
