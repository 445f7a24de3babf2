package supportbot.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import supportbot.dialogue.details.DetailParsers;
import supportbot.dialogue.details.DetailType;
import supportbot.faq.Lang;

/** A category's form: its fields within Discord's five, answers read like the chat's, and the ticket it opens. */
class CategoryFormsTest {
    private static final String HASH = "a3f1c9e2b7d4058f6e1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70";
    private final EngineHarness h = new EngineHarness();
    private final CategoryForms forms = new CategoryForms(EngineHarness.DATA, new DetailParsers(EngineHarness.DATA.details(),
            h.clock));

    private Category category(String id) {
        return forms.category(id).orElseThrow();
    }

    private static List<DetailType> types(List<CategoryForms.Field> fields) {
        return fields.stream().map(CategoryForms.Field::type).toList();
    }

    @Test
    void requiredDetailsComeFirstAndAFormHasAtMostFiveTextFields() {
        var wrongNetwork = forms.fields(category("wrong-network"));
        assertEquals(List.of(DetailType.DESCRIPTION, DetailType.CHAIN, DetailType.COIN, DetailType.TX_HASH, DetailType.ADDRESS),
                types(wrongNetwork));
        assertTrue(wrongNetwork.stream().allMatch(CategoryForms.Field::required));
        var stolen = forms.fields(category("scam-stolen"));
        assertEquals(List.of(DetailType.DESCRIPTION, DetailType.TIME, DetailType.CHAIN, DetailType.ADDRESS, DetailType.TX_HASH),
                types(stolen));
        assertFalse(stolen.get(4).required(), "an optional detail fills a free place");
        assertFalse(types(forms.fields(category("other"))).contains(DetailType.SCREENSHOT), "files are sent in the chat");
    }

    @Test
    void answersAreReadLikeTheChatAndMistakesSayWhatToFix() {
        var pending = category("transfer-pending");
        var good = forms.check(pending, Map.of(DetailType.DESCRIPTION, "My transfer is stuck since yesterday.",
                DetailType.TIME, "yesterday 3pm", DetailType.CHAIN, "TRC20", DetailType.TX_HASH, HASH), Lang.EN, null);
        assertTrue(good.ok(), good.problems().toString());
        assertEquals(HASH, good.values().get(DetailType.TX_HASH).value());

        // The hash is read against the network given in the same form, whatever the order of the fields.
        var bad = forms.check(pending, Map.of(DetailType.DESCRIPTION, "My transfer is stuck since yesterday.",
                DetailType.CHAIN, "TRC20", DetailType.TX_HASH, "12345"), Lang.EN, null);
        assertFalse(bad.ok());
        assertEquals(List.of(DetailType.TIME, DetailType.TX_HASH), bad.problems().stream().map(CategoryForms.Problem::type).toList());
        assertTrue(bad.problems().get(0).missing());
        assertEquals("Time is needed.", forms.explain(bad.problems().get(0), Lang.EN, "discord.form.required"));
        assertTrue(forms.explain(bad.problems().get(1), Lang.EN, "discord.form.required").startsWith("Transaction hash: "));
        assertTrue(forms.explain(bad.problems().get(1), Lang.ZH, "discord.form.required").startsWith("交易哈希："),
                forms.explain(bad.problems().get(1), Lang.ZH, "discord.form.required"));
    }

    private Turn form(String category, Map<DetailType, String> answers) {
        var checked = forms.check(category(category), answers, Lang.EN, null);
        assertTrue(checked.ok(), checked.problems().toString());
        Turn turn = h.engine.handleForm(h.state, Inbound.text("test", "test:alice", "alice", "📋 form", "f1", h.clock.instant()),
                category(category), Lang.EN, checked.values());
        h.state = turn.conversation();
        return turn;
    }

    @Test
    void aCompleteFormOpensTheTicketAtOnce() {
        Turn turn = form("transfer-pending", Map.of(DetailType.DESCRIPTION, "My transfer is stuck since yesterday.",
                DetailType.TIME, "yesterday 3pm", DetailType.CHAIN, "TRC20", DetailType.TX_HASH, HASH));
        var opened = turn.actions().stream().filter(a -> a instanceof Action.OpenTicket).map(a -> ((Action.OpenTicket) a).ticket())
                .findFirst().orElseThrow();
        assertEquals("transfer-pending", opened.categoryId());
        assertEquals(HASH, opened.details().get(DetailType.TX_HASH).value());
        assertEquals(Phase.WITH_TICKET, turn.conversation().phase());

        // A second form while the ticket is open opens nothing: the user is told about the ticket they have.
        Turn again = form("app-crash", Map.of(DetailType.DESCRIPTION, "The app crashes on start every time.",
                DetailType.DEVICE, "iPhone 15 iOS 17.2", DetailType.TIME, "today 9am"));
        assertTrue(again.actions().stream().noneMatch(a -> a instanceof Action.OpenTicket));
        assertEquals(turn.conversation().ticketNumber(), again.conversation().ticketNumber());
    }

    @Test
    void whatTheFormLeftOpenIsAskedInTheChat() {
        // Required but with no place in the form (a screenshot, or a sixth detail): the chat asks for it.
        var other = category("other");
        var partial = forms.check(other, Map.of(DetailType.DESCRIPTION, "Something odd happens with my balance.",
                DetailType.ACCOUNT, "alice@example.com"), Lang.EN, null);
        assertFalse(partial.ok(), "the form itself insists on its required fields");
        Turn turn = h.engine.handleForm(null, Inbound.text("test", "test:alice", "alice", "📋 form", "f1", h.clock.instant()),
                other, Lang.EN, partial.values());
        assertTrue(turn.actions().stream().noneMatch(a -> a instanceof Action.OpenTicket));
        assertEquals(Phase.COLLECTING, turn.conversation().phase());
        assertEquals(DetailType.DEVICE, turn.conversation().awaiting());
    }
}
