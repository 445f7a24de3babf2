package supportbot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private final ConfigLoader loader = new ConfigLoader();

    @TempDir
    Path dir;

    @Test
    void defaultsServeLocalhostWithSemanticSearch() {
        AppConfig c = loader.defaults();
        assertEquals("127.0.0.1", c.http().host());
        assertEquals(8080, c.http().port());
        assertTrue(c.faq().semantic());
        assertEquals(Path.of("./data/cache/embeddings"), c.embeddingCacheDir());
    }

    @Test
    void aFileOverridesOnlyTheKeysItSets() throws Exception {
        Path file = Files.writeString(dir.resolve("app.yaml"), """
                http:
                  port: 9090
                faq:
                  semantic: false
                  decision:
                    answerMinMargin: 0.1
                """);
        AppConfig c = loader.load(file);
        assertEquals(9090, c.http().port());
        assertEquals("127.0.0.1", c.http().host());
        assertFalse(c.searchSettings().semantic());
        assertEquals(0.1, c.searchSettings().hybrid().answerMinMargin());
        assertEquals(loader.defaults().searchSettings().hybrid().answerMinScore(), c.searchSettings().hybrid().answerMinScore());
    }

    @Test
    void unknownKeyNamesFileLineAndKey() throws Exception {
        Path file = Files.writeString(dir.resolve("app.yaml"), "http:\n  port: 9090\nfaq:\n  semantik: false\n");
        var e = assertThrows(ConfigException.class, () -> loader.load(file));
        assertTrue(e.getMessage().startsWith(file + ":4: key 'faq.semantik': unknown key"), e.getMessage());
        assertTrue(e.getMessage().contains("semantic"), "lists the known keys: " + e.getMessage());
    }

    @Test
    void webChatSessionLimitsHaveDefaultsAndRefuseZero() throws Exception {
        AppConfig c = loader.defaults();
        c.http().check();
        assertEquals(30, c.http().chatSessionsPerAddress());
        assertEquals(60, c.http().emptyChatSessionMinutes());
        Path file = Files.writeString(dir.resolve("app.yaml"), "http:\n  chatSessionsPerAddress: 0\n");
        var e = assertThrows(ConfigException.class, () -> loader.load(file).http().check());
        assertTrue(e.getMessage().startsWith("http.chatSessionsPerAddress: a whole number of at least 1"), e.getMessage());
    }

    @Test
    void wrongTypeNamesTheKey() throws Exception {
        Path file = Files.writeString(dir.resolve("app.yaml"), "http:\n  port: eighty\n");
        var e = assertThrows(ConfigException.class, () -> loader.load(file));
        assertTrue(e.getMessage().startsWith(file + ":2: key 'http.port'"), e.getMessage());
    }

    @Test
    void aFractionForAWholeNumberIsRefusedNotTruncated() throws Exception {
        Path file = Files.writeString(dir.resolve("app.yaml"), "telegram:\n  limits:\n    perChatBurst: 1.5\n");
        var e = assertThrows(ConfigException.class, () -> loader.load(file));
        assertTrue(e.getMessage().startsWith(file + ":3: key 'telegram.limits.perChatBurst'"), e.getMessage());
    }

    @Test
    void yamlSyntaxErrorHasALine() throws Exception {
        Path file = Files.writeString(dir.resolve("app.yaml"), "http:\n  port: [9090\n");
        var e = assertThrows(ConfigException.class, () -> loader.load(file));
        assertTrue(e.getMessage().matches("(?s)" + java.util.regex.Pattern.quote(file.toString()) + ":\\d+: YAML error.*"),
                e.getMessage());
    }

    @Test
    void anExplicitFileMustExistButTheDefaultPathMayBeAbsent() {
        assertThrows(ConfigException.class, () -> loader.load(dir.resolve("missing.yaml")));
        assertEquals(8080, loader.load(ConfigLoader.DEFAULT_FILE).http().port());
    }

    @Test
    void shippedConfigFileIsValid() {
        assertEquals(loader.defaults().faq().dir(), loader.load(Path.of("config", "application.yaml")).faq().dir());
    }

    @Test
    void workersDefaultToFourPerCoreAndRefuseZero() throws Exception {
        assertEquals(4 * Runtime.getRuntime().availableProcessors(), loader.defaults().dialogue().workerThreads());
        assertEquals(3, loader.load(Files.writeString(dir.resolve("three.yaml"), "dialogue:\n  workers: 3\n"))
                .dialogue().workerThreads());
        Path zero = Files.writeString(dir.resolve("zero.yaml"), "dialogue:\n  workers: 0\n");
        var e = assertThrows(ConfigException.class, () -> loader.load(zero).dialogue().workerThreads());
        assertTrue(e.getMessage().startsWith("dialogue.workers: between 1 and 256, not 0"), e.getMessage());
    }
}
