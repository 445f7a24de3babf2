package supportbot.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import supportbot.desk.StaffCommands;
import supportbot.dialogue.details.DetailParsers;
import supportbot.faq.FaqEntry;
import supportbot.faq.Lang;
import supportbot.faq.SearchResult;

class BotCommandTest {
    private static final Map<BotCommand, String> SAMPLE_ARGS = Map.of(BotCommand.LANG, "zh", BotCommand.TZ,
            "Europe/Berlin", BotCommand.VERIFY, "alice");

    @Test
    void everyUserCommandIsHandledByTheEngineWithoutAnFaqSearch() {
        for (BotCommand c : BotCommand.values()) {
            if (c.audience() != BotCommand.Audience.USER) {
                continue;
            }
            var searches = new ArrayList<String>();
            var h = harnessCounting(searches);
            String typed = "/" + c.command() + (c.argument().isPresent() ? " " + SAMPLE_ARGS.get(c) : "");
            h.say(typed);
            assertTrue(searches.isEmpty(), typed + " went to the FAQ: " + searches);
            assertFalse(h.actions.isEmpty(), typed + " got no reply or action");
        }
    }

    @Test
    void tzIsACommandAndSetsTheZone() {
        var h = harnessCounting(new ArrayList<>());
        h.say("/tz@support_bot Europe/Berlin");
        assertEquals("Europe/Berlin", h.state.zone());
    }

    @Test
    void unknownCommandsAndStaffCommandsAreNotUserCommands() {
        assertEquals(Optional.empty(), BotCommand.parseUser("/nonsense"));
        assertEquals(Optional.empty(), BotCommand.parseUser("/claim"), "agents' commands are not the user's");
        assertEquals(Optional.empty(), BotCommand.parseUser("tz Europe/Berlin"));
        assertEquals(Optional.of(new BotCommand.Invocation(BotCommand.LANG, "en")), BotCommand.parseUser("/LANG@bot  en"));
        var searches = new ArrayList<String>();
        harnessCounting(searches).say("/nonsense please");
        assertFalse(searches.isEmpty(), "a command the registry lacks is treated as a question");
    }

    @Test
    void staffCommandsInTheRegistryAreExactlyTheOnesTheDeskParses() {
        var staff = new ArrayList<String>();
        for (BotCommand c : BotCommand.values()) {
            if (c.audience() == BotCommand.Audience.STAFF) {
                staff.add(c.command());
                assertTrue(StaffCommands.parse("!" + c.command() + " x", '!', "test").isPresent(), c.command());
                assertTrue(StaffCommands.HELP.contains(c.command()), StaffCommands.HELP);
                assertTrue(c.surfaces().contains(BotCommand.Surface.TELEGRAM_STAFF_GROUP));
                assertFalse(c.surfaces().contains(BotCommand.Surface.TELEGRAM_MENU), "staff commands stay out of menus");
            }
        }
        assertEquals(List.of("claim", "note", "r", "ask", "transfer", "resolve", "reopen", "escalate", "ban", "unban"), staff);
    }

    @Test
    void everyMenuCommandHasADescriptionInBothLanguages() {
        Messages messages = EngineHarness.DATA.messages();
        for (BotCommand c : BotCommand.on(BotCommand.Surface.TELEGRAM_MENU)) {
            for (Lang lang : Lang.values()) {
                assertFalse(messages.get(lang, c.descriptionKey()).isBlank(), c + " " + lang);
                c.argument().ifPresent(a -> assertFalse(messages.get(lang, c.argumentKey()).isBlank(), c + " " + lang));
            }
            assertFalse(messages.get(Lang.ZH, c.descriptionKey()).equals(messages.get(Lang.EN, c.descriptionKey())),
                    c + " is translated");
        }
    }

    private static EngineHarness harnessCounting(List<String> searches) {
        var h = new EngineHarness();
        FaqLookup counting = new FaqLookup() {
            @Override
            public SearchResult search(String text) {
                searches.add(text);
                return h.faq.search(text);
            }

            @Override
            public Optional<FaqEntry> entry(String id) {
                return h.faq.entry(id);
            }
        };
        h.engine = new DialogueEngine(EngineHarness.DATA, counting, new DetailParsers(EngineHarness.DATA.details(), h.clock),
                h.tickets, h.clock, Lang.EN);
        return h;
    }
}
