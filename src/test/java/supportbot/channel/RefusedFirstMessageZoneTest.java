package supportbot.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.dialogue.DialogueEngine;
import supportbot.dialogue.EngineHarness;
import supportbot.dialogue.Inbound;
import supportbot.dialogue.details.DetailParsers;
import supportbot.faq.Lang;
import supportbot.safety.TestPhrases;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;

/**
 * A first message the inbox refuses (a pasted recovery phrase) creates the conversation before the engine sees
 * anything: it must still start in the configured zone, or every time the user gives later is hours off.
 */
class RefusedFirstMessageZoneTest {
    @TempDir
    Path dataDir;

    @Test
    void aConversationOpenedByARefusedPhraseIsInTheConfiguredZone() {
        String configured = EngineHarness.DATA.details().defaultZone().getId();
        TimeZone server = TimeZone.getDefault();
        // A server zone unlike the configured one, so the two cannot agree by chance.
        TimeZone.setDefault(TimeZone.getTimeZone(configured.equals("America/Denver") ? "Asia/Kolkata" : "America/Denver"));
        Clock clock = Clock.fixed(EngineHarness.NOW, ZoneOffset.UTC);
        try (var store = Store.open(dataDir); var committer = new GroupCommitter(store)) {
            var engine = new DialogueEngine(EngineHarness.DATA, new EngineHarness.StubFaq(),
                    new DetailParsers(EngineHarness.DATA.details(), clock), new EngineHarness.Tickets(), clock, Lang.EN);
            try (var inbox = new Inbox(store, committer, engine, EngineHarness.DATA.messages(), 1, Set.of())) {
                String phrase = String.join(" ", TestPhrases.words("english", 12, 7));
                assertEquals(Inbox.Outcome.SECRET_REMOVED, inbox.submit(Inbound.text("telegram", "telegram:9", "telegram:9",
                        phrase, "1", EngineHarness.NOW)).join());
                assertEquals(configured, store.conversation("telegram:9").orElseThrow().zone());

                inbox.submit(Inbound.text("telegram", "telegram:9", "telegram:9", "my USDT transfer failed yesterday at 15:00",
                        "2", EngineHarness.NOW)).join();
                var time = store.conversation("telegram:9").orElseThrow().details()
                        .get(supportbot.dialogue.details.DetailType.TIME);
                assertEquals(configured, store.conversation("telegram:9").orElseThrow().zone());
                String offset = java.time.ZoneId.of(configured).getRules().getOffset(EngineHarness.NOW).getId();
                assertEquals(true, time.value().endsWith("15:00" + offset), "15:00 in " + configured + ": " + time.value());
            }
        } finally {
            TimeZone.setDefault(server);
        }
    }
}
