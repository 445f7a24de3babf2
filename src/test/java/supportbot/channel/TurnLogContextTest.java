package supportbot.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import supportbot.dialogue.DialogueEngine;
import supportbot.dialogue.EngineHarness;
import supportbot.dialogue.Inbound;
import supportbot.dialogue.details.DetailParsers;
import supportbot.faq.Lang;
import supportbot.logging.LogContext;
import supportbot.safety.InboundGuard;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;

/** A line logged while the inbox handles a turn names its conversation (hashed) and ticket, and the next turn's does not inherit them. */
class TurnLogContextTest {
    @TempDir
    Path dataDir;

    /** Keeps each line's message and its MDC as they were on the logging thread. */
    private static final class Capture extends AppenderBase<ILoggingEvent> {
        final List<Map.Entry<String, Map<String, String>>> lines = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent e) {
            lines.add(Map.entry(e.getFormattedMessage(), Map.copyOf(e.getMDCPropertyMap())));
        }
    }

    @Test
    void droppedMessagesAreLoggedWithTheirConversationAndTicket() {
        Clock clock = Clock.fixed(EngineHarness.NOW, ZoneOffset.UTC);
        var banned = java.util.concurrent.ConcurrentHashMap.<String>newKeySet();
        var capture = new Capture();
        Logger inboxLog = (Logger) LoggerFactory.getLogger(Inbox.class);
        capture.setContext(inboxLog.getLoggerContext());
        capture.start();
        inboxLog.addAppender(capture);
        try (var store = Store.open(dataDir); var committer = new GroupCommitter(store)) {
            var engine = new DialogueEngine(EngineHarness.DATA, new EngineHarness.StubFaq(),
                    new DetailParsers(EngineHarness.DATA.details(), clock), new EngineHarness.Tickets(), clock, Lang.EN);
            var guard = new InboundGuard(InboundGuard.Settings.defaults(), supportbot.safety.Secrets::redact,
                    banned::contains, System::nanoTime);
            try (var inbox = new Inbox(store, committer, engine, EngineHarness.DATA.messages(), 1, Set.of(), guard)) {
                send(inbox, "telegram:555001", "talk to a human", "1");
                long ticket = store.conversation("telegram:555001").orElseThrow().ticketNumber();
                banned.add("555001");
                banned.add("555002");
                send(inbox, "telegram:555001", "hello?", "2");
                send(inbox, "telegram:555002", "hello?", "3"); // same single worker thread, no ticket

                var dropped = capture.lines.stream().filter(l -> l.getKey().startsWith("dropped a message")).toList();
                assertEquals(2, dropped.size(), capture.lines.toString());
                Map<String, String> first = dropped.get(0).getValue();
                assertEquals(LogContext.idOf("telegram:555001"), first.get(LogContext.CONVERSATION));
                assertEquals("#" + ticket, first.get(LogContext.TICKET));
                Map<String, String> second = dropped.get(1).getValue();
                assertEquals(LogContext.idOf("telegram:555002"), second.get(LogContext.CONVERSATION));
                assertNull(second.get(LogContext.TICKET), "the previous turn's ticket leaked: " + second);
                assertNotEquals(first.get(LogContext.CONVERSATION), second.get(LogContext.CONVERSATION));
                for (var line : capture.lines) {
                    assertFalse((line.getKey() + line.getValue()).contains("55500"), "a raw user id was logged: " + line);
                }
            }
        } finally {
            inboxLog.detachAppender(capture);
        }
    }

    private static void send(Inbox inbox, String key, String text, String id) {
        inbox.submit(Inbound.text("telegram", key, key.substring(key.indexOf(':') + 1), text, id, EngineHarness.NOW)).join();
    }
}
