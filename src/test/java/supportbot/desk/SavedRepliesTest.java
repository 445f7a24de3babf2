package supportbot.desk;

import supportbot.ticket.Ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.dialogue.TicketDraft;
import supportbot.faq.Lang;

class SavedRepliesTest {
    @TempDir
    Path dir;

    private static Ticket bare(Lang lang) {
        return Ticket.open(new TicketDraft(1042, "web", "k", "u", "other", 3, false, "human", lang, Map.of(), List.of(),
                java.time.Instant.EPOCH));
    }

    @Test
    void everyShippedReplyRendersWithoutBracesEvenWithNoDetails() {
        var replies = SavedReplies.load(SavedReplies.DEFAULT_FILE);
        assertTrue(replies.size() >= 12, "a first set of a dozen: " + replies.size());
        for (SavedReply r : replies) {
            for (Lang lang : List.of(Lang.EN, Lang.ZH)) {
                String text = SavedReplyText.render(r, bare(lang));
                assertFalse(text.contains("{") || text.contains("}"), r.name() + " " + lang + ": " + text);
            }
        }
    }

    @Test
    void theUsersLanguageIsChosenAndMissingDetailsAreSaidPlainly() {
        var r = new SavedReply("x", Map.of("en", "X", "zh", "甲"), Map.of("en", "Hi {name}, {ticket}: {detail.tx_hash}",
                "zh", "{name}好，{ticket}：{detail.tx_hash}"), "config");
        assertEquals("Hi there, #1042: (not given)", SavedReplyText.render(r, bare(Lang.EN)));
        assertEquals("您好，#1042：（未提供）", SavedReplyText.render(r, bare(Lang.ZH)));
    }

    @Test
    void aBrokenFileIsRefusedNamingTheFileAndTheReply() throws Exception {
        Path file = dir.resolve("saved-replies.yaml");
        Files.writeString(file, """
                replies:
                  - name: only-english
                    title: {en: "A", zh: "甲"}
                    text: {en: "Hello"}
                """);
        var e = assertThrows(IllegalArgumentException.class, () -> SavedReplies.load(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("only-english")
                && e.getMessage().contains("text.zh"), e.getMessage());
        Files.writeString(file, "replies:\n  - name: x\n    titel: {en: a}\n");
        var typo = assertThrows(IllegalArgumentException.class, () -> SavedReplies.load(file));
        assertTrue(typo.getMessage().contains("titel"), typo.getMessage());
    }

    @Test
    void aTypoInAVariableIsRefusedBeforeItReachesAUserWithItsBraces() {
        var typo = new SavedReply("x", Map.of("en", "X", "zh", "甲"), Map.of("en", "Hi {nmae}", "zh", "{name}好"), "desk");
        String problem = SavedReplies.problem(typo);
        assertTrue(problem != null && problem.contains("text.en") && problem.contains("{nmae}"), problem);
        var detail = new SavedReply("x", Map.of("en", "X", "zh", "甲"), Map.of("en", "{detail.tx_hash}",
                "zh", "{detail.colour}"), "desk");
        String p2 = SavedReplies.problem(detail);
        assertTrue(p2 != null && p2.contains("text.zh") && p2.contains("{detail.colour}") && p2.contains("tx_hash"), p2);
        var fine = new SavedReply("x", Map.of("en", "X", "zh", "甲"), Map.of("en", "Hi {name}, {ticket} {detail.chain}",
                "zh", "{name}好"), "desk");
        assertEquals(null, SavedReplies.problem(fine));
    }
}
