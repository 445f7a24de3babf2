package supportbot.faq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaqReloadTest {
    @TempDir
    Path dir;

    private FaqService service() throws Exception {
        FaqFixtures.write(dir, "pin.yaml", FaqFixtures.topic("pin", "怎么重置PIN码", "在设置里重置", "How do I reset my PIN?",
                "Settings, then Reset PIN."));
        return new FaqService(dir, new HashingEmbedder(), TestSettings.shipped(), FaqIndexer.Progress.SILENT);
    }

    private static String topAnswer(FaqService s, String q) {
        return s.search(q).candidates().get(0).entry().in(Lang.EN).orElseThrow().answer();
    }

    @Test
    void anEditIsServedAfterReload() throws Exception {
        FaqService s = service();
        FaqFixtures.write(dir, "pin.yaml", FaqFixtures.topic("pin", "怎么重置PIN码", "在设置里重置", "How do I reset my PIN?",
                "Me, then Security, then Reset PIN."));
        assertTrue(s.reload());
        assertEquals("Me, then Security, then Reset PIN.", topAnswer(s, "reset my PIN"));
    }

    @Test
    void aBrokenEditKeepsTheOldIndexServing() throws Exception {
        FaqService s = service();
        Files.writeString(dir.resolve("pin.yaml"), "id: pin\nzh: [broken\n");
        assertFalse(s.reload());
        assertEquals("Settings, then Reset PIN.", topAnswer(s, "reset my PIN"));
    }

    @Test
    void aBrokenFaqStopsStartup() throws Exception {
        FaqFixtures.write(dir, "x.yaml", "id: x\n");
        assertThrows(FaqLoadException.class,
                () -> new FaqService(dir, new HashingEmbedder(), TestSettings.shipped(), FaqIndexer.Progress.SILENT));
    }

    @Test
    void watcherPicksUpANewTopicWithoutRestart() throws Exception {
        FaqService s = service();
        try (var watcher = new FaqWatcher(s, 100).start()) {
            FaqFixtures.write(dir, "fees.yaml", FaqFixtures.topic("fees", "手续费怎么算", "看网络", "How are network fees calculated?",
                    "By the network."));
            supportbot.Await.until(() -> s.catalog().get("fees").isPresent(), java.time.Duration.ofSeconds(15),
                    "the watcher to reload the new topic");
            assertEquals("fees", s.search("how are network fees calculated").candidates().get(0).entry().id());
        }
    }
}
