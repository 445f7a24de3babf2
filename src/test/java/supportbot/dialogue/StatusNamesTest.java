package supportbot.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import supportbot.ticket.TicketStatus;
import supportbot.dialogue.details.DetailParsers;
import supportbot.faq.Lang;

/** /status names the ticket's state and category in the user's language; the desk's own words never show. */
class StatusNamesTest {
    /** A desk whose one ticket is in whatever state and category the test sets. */
    private static final class Desk implements TicketDirectory {
        long last = 1000;
        String status;
        String category;

        @Override
        public long nextNumber() {
            return ++last;
        }

        @Override
        public Optional<TicketStatus> status(long number) {
            return Optional.of(new TicketStatus(number, category, status));
        }

        @Override
        public QueueInfo queueFor(int priority) {
            return new QueueInfo(1, java.time.Duration.ofMinutes(5), true, EngineHarness.NOW);
        }
    }

    private static List<String> conversation(Lang lang, String status, String category) {
        var h = new EngineHarness();
        var desk = new Desk();
        desk.status = status;
        desk.category = category;
        h.engine = new DialogueEngine(EngineHarness.DATA, h.faq, new DetailParsers(EngineHarness.DATA.details(), h.clock),
                desk, h.clock, Lang.EN);
        var replies = new ArrayList<String>();
        for (String text : List.of("/lang " + lang.code(), "/human", "/status", "/human")) {
            replies.add(h.say(text).reply());
        }
        return replies;
    }

    /** The raw word as a whole token, case-sensitive: "Other problem" is a name, "other" is an id. */
    private static boolean shows(String text, String raw) {
        return Pattern.compile("(?<![\\w-])" + Pattern.quote(raw) + "(?![\\w-])").matcher(text).find();
    }

    @Test
    void everyStatusAndCategoryIsNamedInBothLanguages() {
        var problems = new ArrayList<String>();
        for (Lang lang : Lang.values()) {
            for (TicketStatus status : TicketStatus.values()) {
                for (Category category : EngineHarness.DATA.categories().all()) {
                    List<String> replies = conversation(lang, status.label(), category.id());
                    String all = String.join("\n", replies);
                    for (String raw : List.of(status.label(), status.name(), category.id())) {
                        if (shows(all, raw)) {
                            problems.add(lang + " " + status + " " + category.id() + ": '" + raw + "' in " + all);
                        }
                    }
                    String named = EngineHarness.DATA.messages().get(lang, "ticket.status." + status.label());
                    String statusReply = replies.get(2);
                    if (!statusReply.contains(named) || !statusReply.contains(category.name(lang))) {
                        problems.add(lang + " " + status + " " + category.id() + ": not named in " + statusReply);
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aStatusTheBotHasNoNameForStillReadsAsWords() {
        String reply = conversation(Lang.ZH, "on-hold", "other").get(2);
        assertTrue(reply.contains("处理中") && !reply.contains("on-hold"), reply);
    }
}
