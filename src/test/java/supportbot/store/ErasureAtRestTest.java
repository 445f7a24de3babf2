package supportbot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;
import supportbot.channel.AttachmentFiles;
import supportbot.channel.ConversationSignals;
import supportbot.channel.Inbox;
import supportbot.channel.webchat.WebChat;
import supportbot.ticket.Ticket;
import supportbot.ticket.TicketEvent;
import supportbot.ticket.TicketStatus;
import supportbot.dialogue.DialogueEngine;
import supportbot.dialogue.EngineHarness;
import supportbot.dialogue.details.DetailParsers;
import supportbot.dialogue.details.DetailType;
import supportbot.faq.Lang;
import supportbot.safety.RetentionSweeper;

/**
 * Erasure must erase: a conversation run through the real engine and store is looked for in the raw bytes of
 * every file under the data directory, before and after /forget, retention and a redaction.
 */
class ErasureAtRestTest {
    static final String TEXT = "QUOKKAZEBRA7731 cannot log in to my wallet, it says the password is wrong";
    static final String EMAIL = "platypus.marmot4412@example.com";
    static final String FILE_CONTENT = "AXOLOTL-SCREENSHOT-BYTES-9931";
    static final List<String> DISTINCTIVE = List.of("QUOKKAZEBRA7731", "platypus.marmot4412", "AXOLOTL-SCREENSHOT-BYTES");

    @TempDir
    Path dir;

    /** The whole bot minus HTTP; outbox entries stay pending (no sender), so outbox texts are on disk too. */
    final class Bot implements AutoCloseable {
        final Store store;
        final GroupCommitter committer;
        final Inbox inbox;
        final WebChat chat;

        Bot() {
            Clock clock = Clock.fixed(EngineHarness.NOW, ZoneOffset.UTC);
            store = Store.open(data());
            committer = new GroupCommitter(store);
            var engine = new DialogueEngine(EngineHarness.DATA, new EngineHarness.StubFaq(),
                    new DetailParsers(EngineHarness.DATA.details(), clock), new EngineHarness.Tickets(), clock, Lang.EN);
            inbox = new Inbox(store, committer, engine, EngineHarness.DATA.messages(), 2, Set.of(WebChat.CHANNEL));
            inbox.onForgotten(key -> AttachmentFiles.deleteAll(attachments(), key));
            chat = new WebChat(store, committer, inbox, new ConversationSignals(), attachments(), clock);
        }

        @Override
        public void close() {
            inbox.close();
            committer.close();
            store.close();
        }
    }

    Path data() {
        return dir.resolve("data");
    }

    Path attachments() {
        return data().resolve("attachments");
    }

    /** A login report with an account detail and a screenshot, handed to a person: returns the session. */
    String report(Bot bot) {
        String session = bot.chat.createSession();
        bot.chat.sendText(session, TEXT, null).join();
        bot.chat.sendText(session, EMAIL, null).join();
        bot.chat.attach(session, "error.png", "image/png",
                new ByteArrayInputStream(FILE_CONTENT.getBytes(StandardCharsets.UTF_8)), null).join();
        bot.chat.sendText(session, "/human", null).join();
        return session;
    }

    static String key(String session) {
        return WebChat.CHANNEL + ":" + session;
    }

    @Test
    void aConversationIsEncryptedAtRestAndForgetShredsItsKey() throws Exception {
        String session;
        java.util.Optional<byte[]> live;
        Ticket ticket;
        try (var bot = new Bot()) {
            session = report(bot);
            ticket = bot.store.tickets().get(0);
            // Reads decrypt: the desk sees the detail and the file as the user sent them.
            assertEquals(EMAIL, ticket.draft().details().get(DetailType.ACCOUNT).value());
            assertEquals(FILE_CONTENT, new String(AttachmentFiles.read(ticket.draft().attachments().get(0)), StandardCharsets.UTF_8));
            assertTrue(bot.store.transcript(key(session), 0).stream().anyMatch(l -> TEXT.equals(l.text())));
            assertFalse(bot.store.pendingOutbox(100).isEmpty(), "bot replies wait in the outbox");
            live = bot.store.currentKey(key(session));
        }
        assertNoPlaintext();
        byte[] key = live.orElseThrow();
        String fileKey = ticket.draft().attachments().get(0).fileKey();
        assertTrue(found(key), "the live key is in the data file: the scan does find keys");

        try (var bot = new Bot()) {
            bot.chat.sendText(session, "/forget", null).join();
            bot.chat.pressButton(session, "forget:yes", null).join();
            assertTrue(bot.store.transcript(key(session), 0).stream().noneMatch(l -> TEXT.equals(l.text())));
            // The files as a crash would leave them: store open, write-ahead log in place.
            assertFalse(found(key), "the key is gone from the files as soon as /forget is committed");
        }
        assertNoPlaintext();
        assertFalse(found(key), "the destroyed key is nowhere in the data directory");
        assertFalse(found(Base64.getDecoder().decode(fileKey)), "nor the file's key");
        assertFalse(found(fileKey.getBytes(StandardCharsets.US_ASCII)), "nor the file's key as stored in JSON");

        try (var bot = new Bot()) {
            Ticket erased = bot.store.ticket(ticket.number()).orElseThrow();
            assertTrue(erased.draft().details().isEmpty());
            assertEquals(TicketStatus.CLOSED, erased.status(), "the ticket's shape stays for the statistics");
        }
    }

    @Test
    void whatTheOldKeySealedReadsAsErasedNotAsAnError() throws Exception {
        String session;
        try (var bot = new Bot()) {
            session = report(bot);
        }
        // Copies of the sealed records, as they would survive in free space or a backup.
        Map<String, byte[]> conversation = rawMap("conversations");
        Map<String, byte[]> transcript = rawMap("transcript");
        try (var bot = new Bot()) {
            bot.chat.sendText(session, "/forget", null).join();
            bot.chat.pressButton(session, "forget:yes", null).join();
        }
        putRaw("conversations", Map.of(key(session), conversation.get(key(session))));
        putRaw("transcript", transcript);
        try (var bot = new Bot()) {
            assertTrue(bot.store.conversation(key(session)).isEmpty(), "the old state no longer opens");
            assertTrue(bot.store.transcript(key(session), 0).stream().noneMatch(l -> l.text() != null && l.text().contains("QUOKKA")),
                    "the old turns no longer open");
            // The user carries on: a fresh conversation, and no error.
            assertEquals(Inbox.Outcome.PROCESSED, bot.chat.sendText(session, "hello", null).join());
            assertTrue(bot.store.conversation(key(session)).isPresent());
        }
    }

    @Test
    void anUnansweredQuestionIsSealedAndForgottenWithTheUser() throws Exception {
        String question = "how do I bake sourdough bread with WOMBAT5521";
        String session;
        try (var bot = new Bot()) {
            session = bot.chat.createSession();
            bot.chat.sendText(session, question, null).join();
            assertEquals(List.of(question), bot.store.knowledgeGaps(), "the FAQ gap report still reads it");
        }
        assertFalse(found("WOMBAT5521".getBytes(StandardCharsets.UTF_8)));
        try (var bot = new Bot()) {
            bot.chat.sendText(session, "/forget", null).join();
            bot.chat.pressButton(session, "forget:yes", null).join();
            assertEquals(List.of(), bot.store.knowledgeGaps());
        }
    }

    @Test
    void retentionExpiryShredsAnIdleConversation() throws Exception {
        String session;
        byte[] key;
        try (var bot = new Bot()) {
            session = report(bot);
            long number = bot.store.tickets().get(0).number();
            bot.committer.submit(tx -> tx.updateTicket(number, t -> t.with(TicketStatus.RESOLVED, t.tier(), "alice",
                    new TicketEvent(EngineHarness.NOW, "alice", TicketEvent.Type.RESOLVED, null)))).join();
            key = bot.store.currentKey(key(session)).orElseThrow();

            var later = Clock.fixed(EngineHarness.NOW.plus(Duration.ofDays(400)), ZoneOffset.UTC);
            var sweeper = new RetentionSweeper(bot.store, bot.committer, attachments(), Duration.ofDays(365), later);
            assertEquals(1, sweeper.sweep().conversations());
            assertTrue(bot.store.conversation(key(session)).isEmpty());
            assertTrue(bot.store.tickets().get(0).draft().details().isEmpty(), "the ticket keeps its shape, not the details");
        }
        assertNoPlaintext();
        assertFalse(found(key), "the expired conversation's key is destroyed");
    }

    @Test
    void aConversationWithAnOpenTicketOrRecentActivityOutlivesTheSweep() throws Exception {
        try (var bot = new Bot()) {
            String session = report(bot);
            var later = Clock.fixed(EngineHarness.NOW.plus(Duration.ofDays(400)), ZoneOffset.UTC);
            assertEquals(0, new RetentionSweeper(bot.store, bot.committer, attachments(), Duration.ofDays(365), later)
                    .sweep().conversations(), "its ticket is still open");
            var soon = Clock.fixed(EngineHarness.NOW.plus(Duration.ofDays(2)), ZoneOffset.UTC);
            long number = bot.store.tickets().get(0).number();
            bot.committer.submit(tx -> tx.updateTicket(number, t -> t.with(TicketStatus.CLOSED, t.tier(), null,
                    new TicketEvent(EngineHarness.NOW, "bot", TicketEvent.Type.CLOSED, null)))).join();
            assertEquals(0, new RetentionSweeper(bot.store, bot.committer, attachments(), Duration.ofDays(365), soon)
                    .sweep().conversations(), "it was active two days ago");
            assertTrue(bot.store.conversation(key(session)).isPresent());
        }
    }

    @Test
    void aCutOutSecretCannotBeReadBackWithTheKeyThatSealedIt() throws Exception {
        String session;
        byte[] oldKey;
        try (var bot = new Bot()) {
            session = report(bot);
            oldKey = bot.store.currentKey(key(session)).orElseThrow();
        }
        Map<String, byte[]> before = rawMap("transcript");
        try (var bot = new Bot()) {
            var changed = new java.util.concurrent.atomic.AtomicInteger();
            bot.committer.submit(tx -> changed.set(tx.redactTranscript(key(session),
                    t -> t.replace("QUOKKAZEBRA7731", "[secret removed]")))).join();
            assertEquals(1, changed.get());
            var lines = bot.store.transcript(key(session), 0);
            assertTrue(lines.stream().anyMatch(l -> l.text().startsWith("[secret removed] cannot log in")), lines.toString());
            assertTrue(lines.stream().noneMatch(l -> l.text().contains("QUOKKA")));
            assertTrue(bot.store.conversation(key(session)).isPresent(), "the rest of the conversation re-sealed, readable");
            assertEquals(EMAIL, bot.store.tickets().get(0).draft().details().get(DetailType.ACCOUNT).value());
        }
        assertFalse(found(oldKey), "the key that sealed the secret is destroyed");
        // The old turn, recovered from free space, does not open.
        putRaw("transcript", before);
        try (var bot = new Bot()) {
            assertTrue(bot.store.transcript(key(session), 0).stream().noneMatch(l -> l.text().contains("QUOKKA")));
        }
    }

    @Test
    void aDataFileWrittenBeforeEncryptionStillOpensAndIsSealedWhenRewritten() throws Exception {
        String session;
        try (var store = Store.open(data(), false); var committer = new GroupCommitter(store)) {
            var line = new TranscriptLine(0, "user", TEXT, List.of(), List.of(), EngineHarness.NOW);
            session = "legacy";
            committer.submit(tx -> tx.appendTranscript(key(session), Store.encodeLines(List.of(line)), 1)).join();
        }
        assertTrue(found(DISTINCTIVE.get(0).getBytes(StandardCharsets.UTF_8)), "the old format is plain");
        try (var bot = new Bot()) {
            assertEquals(TEXT, bot.store.transcript(key(session), 0).get(0).text(), "plain records still read");
            bot.chat.sendText(session, "still there?", null).join();
            var lines = bot.store.transcript(key(session), 0);
            assertEquals(TEXT, lines.get(0).text());
            assertEquals("still there?", lines.get(1).text());
            assertTrue(bot.store.currentKey(key(session)).isPresent(), "new writes are sealed");
        }
    }

    private void assertNoPlaintext() throws Exception {
        for (String s : DISTINCTIVE) {
            assertFalse(found(s.getBytes(StandardCharsets.UTF_8)), s + " is readable in a raw file under " + data());
        }
    }

    /** Whether any file under the data directory holds {@code needle}, byte for byte. */
    private boolean found(byte[] needle) throws Exception {
        try (Stream<Path> files = Files.walk(data())) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                byte[] b = Files.readAllBytes(p);
                outer:
                for (int i = 0; i + needle.length <= b.length; i++) {
                    for (int j = 0; j < needle.length; j++) {
                        if (b[i + j] != needle[j]) {
                            continue outer;
                        }
                    }
                    return true;
                }
            }
        }
        return false;
    }

    private Map<String, byte[]> rawMap(String name) {
        try (var db = DBMaker.fileDB(data().resolve(Store.FILE_NAME).toFile()).transactionEnable().fileChannelEnable().make()) {
            var out = new HashMap<String, byte[]>();
            Map<String, byte[]> map = name.equals("transcript")
                    ? db.treeMap(name, Serializer.STRING, Serializer.BYTE_ARRAY).valuesOutsideNodesEnable().open()
                    : db.hashMap(name, Serializer.STRING, Serializer.BYTE_ARRAY).open();
            map.forEach(out::put);
            return out;
        }
    }

    private void putRaw(String name, Map<String, byte[]> values) {
        try (var db = DBMaker.fileDB(data().resolve(Store.FILE_NAME).toFile()).transactionEnable().fileChannelEnable().make()) {
            Map<String, byte[]> map = name.equals("transcript")
                    ? db.treeMap(name, Serializer.STRING, Serializer.BYTE_ARRAY).valuesOutsideNodesEnable().open()
                    : db.hashMap(name, Serializer.STRING, Serializer.BYTE_ARRAY).open();
            map.putAll(values);
            db.commit();
        }
    }
}
