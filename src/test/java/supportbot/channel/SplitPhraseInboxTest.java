package supportbot.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.dialogue.DialogueEngine;
import supportbot.dialogue.EngineHarness;
import supportbot.dialogue.Inbound;
import supportbot.dialogue.details.DetailParsers;
import supportbot.faq.Lang;
import supportbot.safety.SecretDetector;
import supportbot.safety.TestPhrases;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;

/**
 * A recovery phrase sent in pieces, through the real inbox, engine and MapDB store: when the last piece
 * arrives, no piece survives anywhere: conversation state, transcript, ticket (what the desk shows), pending
 * outbox, or the bytes of the data file, free space included.
 */
class SplitPhraseInboxTest {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    @TempDir
    Path dataDir;

    /** One case: the phrase's words and the messages that carry it (with chatter between, numbering...). */
    record Case(String name, List<String> words, List<String> messages, boolean chinese) {
    }

    static List<String> cut(List<String> words, String joiner, int... sizes) {
        var out = new ArrayList<String>();
        int at = 0;
        for (int size : sizes) {
            out.add(String.join(joiner, words.subList(at, at + size)));
            at += size;
        }
        return out;
    }

    /** A phrase none of whose pieces the single-message detector finds alone (else there is nothing to join). */
    static List<String> phrase(String list, int count, long seed, int... sizes) {
        for (long s = seed; ; s += 1000) {
            var words = TestPhrases.words(list, count, s);
            String joiner = list.equals("english") ? " " : "";
            if (cut(words, joiner, sizes).stream().noneMatch(SecretDetector.standard()::containsSecret)
                    && cut(words, " ", sizes).stream().noneMatch(SecretDetector.standard()::containsSecret)) {
                return words;
            }
        }
    }

    static List<Case> cases() {
        var out = new ArrayList<Case>();
        var w1 = phrase("english", 12, 201, 6, 6);
        out.add(new Case("6+6", w1, cut(w1, " ", 6, 6), false));
        var w2 = phrase("english", 12, 202, 4, 4, 4);
        out.add(new Case("4+4+4", w2, cut(w2, " ", 4, 4, 4), false));
        // A 24-word phrase cut 12+12 is caught piece by piece (eleven list words in a row are a secret on their own,
        // see halvesOfALongPhraseAreCaughtAlone); cut in thirds, only the last piece completes it.
        var w3 = phrase("english", 24, 203, 8, 8, 8);
        out.add(new Case("8+8+8 (24 words)", w3, cut(w3, " ", 8, 8, 8), false));
        var w4 = phrase("english", 12, 204, 3, 3, 3, 3);
        out.add(new Case("3+3+3+3", w4, cut(w4, " ", 3, 3, 3, 3), false));
        var w5 = phrase("chinese-simplified", 12, 205, 6, 6);
        out.add(new Case("zh simplified 6+6", w5, cut(w5, " ", 6, 6), true));
        var w6 = phrase("chinese-traditional", 12, 206, 6, 6);
        out.add(new Case("zh traditional 6+6 unspaced", w6, cut(w6, "", 6, 6), true));
        var w7 = phrase("english", 12, 207, 6, 6);
        var numbered = new ArrayList<String>();
        for (int p = 0; p < 2; p++) {
            var sb = new StringBuilder();
            for (int i = 6 * p; i < 6 * p + 6; i++) {
                sb.append(i + 1).append(". ").append(w7.get(i)).append('\n');
            }
            numbered.add(sb.toString());
        }
        out.add(new Case("numbered 1.-6. and 7.-12.", w7, numbered, false));
        var w8 = phrase("english", 12, 208, 4, 4, 4);
        var chatty = cut(w8, " ", 4, 4, 4);
        out.add(new Case("4+4+4 with chatter between", w8, List.of(chatty.get(0), "sorry my phone cut it", chatty.get(1),
                "hello? is anyone there", "last part", chatty.get(2)), false));
        return out;
    }

    /**
     * Every run of three consecutive phrase words with anything but letters between them (spaces, numbering,
     * punctuation, JSON's \n escape), or nothing between (Chinese typed without spaces).
     */
    static List<java.util.regex.Pattern> needles(Case c) {
        String sep = "(?:[^\\p{L}\\\\]|\\\\[nrt]){" + (c.chinese() ? 0 : 1) + ",12}";
        var out = new ArrayList<java.util.regex.Pattern>();
        for (int i = 0; i + 3 <= c.words().size(); i++) {
            var q = c.words().subList(i, i + 3).stream().map(java.util.regex.Pattern::quote).toList();
            out.add(java.util.regex.Pattern.compile("(?<![A-Za-z])" + String.join(sep, q) + "(?![A-Za-z])"));
        }
        return out;
    }

    static String firstLeak(String where, String content, Case c) {
        var needles = needles(c);
        for (int i = 0; i < needles.size(); i++) {
            // A regex that finds nothing walks the whole data file: look for the plain words first.
            if (c.words().subList(i, i + 3).stream().allMatch(content::contains) && needles.get(i).matcher(content).find()) {
                return c.name() + ": three phrase words in " + where;
            }
        }
        return null;
    }

    @Test
    void halvesOfALongPhraseAreCaughtAlone() {
        for (long seed = 1; seed <= 20; seed++) {
            var words = TestPhrases.words("english", 24, seed);
            for (String half : cut(words, " ", 12, 12)) {
                assertTrue(SecretDetector.standard().containsSecret(half), "seed " + seed + ": " + half);
            }
        }
    }

    @Test
    void noPieceSurvivesInStateTranscriptTicketOutboxOrTheDataFile() throws Exception {
        var clock = Clock.fixed(EngineHarness.NOW, ZoneOffset.UTC);
        var store = Store.open(dataDir);
        var committer = new GroupCommitter(store);
        var engine = new DialogueEngine(EngineHarness.DATA, new EngineHarness.StubFaq(),
                new DetailParsers(EngineHarness.DATA.details(), clock), new EngineHarness.Tickets(), clock, Lang.EN);
        var inbox = new Inbox(store, committer, engine, EngineHarness.DATA.messages(), 2, Set.of("telegram"));
        var removed = new ArrayList<String>();
        inbox.onPiecesRemoved((key, ids) -> removed.add(key + "=" + ids));
        List<Case> cases = cases();
        int n = 0;
        var leaks = new ArrayList<String>();
        for (Case c : cases) {
            String key = "telegram:" + (++n);
            int id = 0;
            send(inbox, key, c.chinese() ? "我的转账一直在等待中，已经好几个小时了" : "my withdrawal has been pending for hours", "m" + id++);
            for (int i = 0; i < c.messages().size(); i++) {
                boolean last = i == c.messages().size() - 1;
                if (i == 1) {
                    send(inbox, key, "/human", "m" + id++); // a ticket opens between the pieces
                }
                if (last) {
                    // The data file holds it sealed, so the readable transcript is where this test can see it.
                    var before = JSON.writeValueAsString(store.transcript(key, 0));
                    assertTrue(firstLeak("", before, c) != null, c.name() + ": the first piece was stored, so this test "
                            + "can see a leak");
                }
                var outcome = send(inbox, key, c.messages().get(i), "m" + id++);
                assertEquals(last ? Inbox.Outcome.SECRET_REMOVED : Inbox.Outcome.PROCESSED, outcome, c.name() + " piece " + i);
            }
            var state = JSON.writeValueAsString(store.stored(key).orElseThrow());
            var transcript = JSON.writeValueAsString(store.transcript(key, 0));
            var tickets = JSON.writeValueAsString(store.tickets().stream().filter(t -> t.draft().conversationKey().equals(key))
                    .toList());
            var outbox = JSON.writeValueAsString(store.pendingOutbox(10_000));
            for (String leak : new String[] {firstLeak("state", state, c), firstLeak("transcript", transcript, c),
                firstLeak("ticket", tickets, c), firstLeak("outbox", outbox, c)}) {
                if (leak != null) {
                    leaks.add(leak);
                }
            }
            assertTrue(transcript.contains(SecretDetector.REDACTION), c.name());
            assertTrue(outbox.contains("together looked like a recovery phrase") || outbox.contains("合起来像是一组助记词"),
                    c.name() + ": the user is warned");
            assertFalse(tickets.equals("[]"), c.name() + ": a ticket was open");
        }
        inbox.close();
        committer.close();
        store.close();
        byte[] raw = Files.readAllBytes(dataDir.resolve(Store.FILE_NAME));
        String utf8 = new String(raw, StandardCharsets.UTF_8);
        for (Case c : cases) {
            String leak = firstLeak("the raw data file", utf8, c);
            if (leak != null) {
                leaks.add(leak);
            }
        }
        System.out.printf("SplitPhraseInboxTest: %d cases, %d leaks, data file %d bytes%n", cases.size(), leaks.size(),
                raw.length);
        assertEquals(List.of(), leaks);
        assertEquals(cases.size(), removed.size(), "the connectors hear which earlier messages to delete: " + removed);
        assertEquals("telegram:1=[m1]", removed.get(0));
    }

    private static Inbox.Outcome send(Inbox inbox, String key, String text, String id) {
        return inbox.submit(Inbound.text("telegram", key, key, text, id, EngineHarness.NOW)).join();
    }
}
