package supportbot.faq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaqYamlLoaderTest {
    private static final List<String> REQUIRED_TOPICS = List.of("contact-channels", "prepare-info", "response-time",
            "escalate", "complaint", "feedback", "privacy-policy", "self-service", "ticket-status", "transfer-failed",
            "transfer-pending", "deposit-not-received", "wrong-network", "fees", "backup-mnemonic",
            "never-share-secret", "forgot-password", "import-wallet", "token-not-showing", "scam-stolen", "app-crash",
            "account-login", "verify-official", "delete-data", "swap-failed", "address-format", "tron-energy",
            "cancel-transaction", "supported-coins");

    private final FaqYamlLoader loader = new FaqYamlLoader();

    @TempDir
    Path dir;

    @Test
    void shippedFaqHasEveryRequiredTopicInBothLanguagesWithFourAlternates() {
        FaqCatalog catalog = loader.loadDirectory(Path.of("faq-data"));
        assertTrue(catalog.size() >= 60, "expected 60+ topics, got " + catalog.size());
        for (String id : REQUIRED_TOPICS) {
            assertTrue(catalog.get(id).isPresent(), "missing topic " + id);
        }
        for (FaqEntry e : catalog.entries()) {
            for (Lang lang : Lang.values()) {
                LocalizedFaq text = e.in(lang).orElseThrow();
                assertTrue(text.alternates().size() >= 4, e.id() + " " + lang + " has too few alternates");
                assertTrue(e.source().endsWith(e.id() + ".yaml"), e.source() + " should be named after its id");
            }
        }
    }

    @Test
    void shippedAnswersNeverAskForSecrets() {
        for (FaqEntry e : loader.loadDirectory(Path.of("faq-data")).entries()) {
            String en = e.in(Lang.EN).orElseThrow().answer().toLowerCase();
            assertTrue(!en.matches("(?s).*(send|give|tell|share) (us|me|support) your (seed|mnemonic|private key|recovery phrase).*"),
                    e.id() + " seems to ask for a secret");
        }
    }

    @Test
    void loadsATopic() throws Exception {
        FaqFixtures.write(dir, "fees.yaml", FaqFixtures.topic("fees", "手续费是多少", "看网络", "What are the fees", "It depends"));
        FaqCatalog catalog = loader.loadDirectory(dir);
        FaqEntry fees = catalog.get("fees").orElseThrow();
        assertEquals("手续费是多少", fees.in(Lang.ZH).orElseThrow().question());
        assertEquals("It depends", fees.in(Lang.EN).orElseThrow().answer());
    }

    @Test
    void duplicateIdNamesBothFiles() throws Exception {
        FaqFixtures.write(dir, "a.yaml", FaqFixtures.topic("fees", "问", "答", "q", "a"));
        FaqFixtures.write(dir, "b.yaml", FaqFixtures.topic("fees", "问", "答", "q", "a"));
        var e = assertThrows(FaqLoadException.class, () -> loader.loadDirectory(dir));
        assertTrue(e.getMessage().contains("duplicate id 'fees'"), e.getMessage());
        assertTrue(e.getMessage().contains("a.yaml") && e.getMessage().contains("b.yaml"), e.getMessage());
    }

    @Test
    void missingLanguageIsRejected() throws Exception {
        FaqFixtures.write(dir, "x.yaml", """
                id: x
                category: test
                en:
                  question: q
                  answer: a
                """);
        var e = assertThrows(FaqLoadException.class, () -> loader.loadDirectory(dir));
        assertTrue(e.getMessage().contains("x.yaml") && e.getMessage().contains("missing language 'zh'"), e.getMessage());
    }

    @Test
    void emptyAnswerIsRejected() throws Exception {
        FaqFixtures.write(dir, "x.yaml", FaqFixtures.topic("x", "问", "\"\"", "q", "a"));
        var e = assertThrows(FaqLoadException.class, () -> loader.loadDirectory(dir));
        assertTrue(e.getMessage().contains("'zh.answer' is missing or empty"), e.getMessage());
    }

    @Test
    void yamlSyntaxErrorNamesFileAndLine() throws Exception {
        FaqFixtures.write(dir, "broken.yaml", "id: broken\ncategory: test\nzh:\n  question: [unclosed\n  answer: a\n");
        var e = assertThrows(FaqLoadException.class, () -> loader.loadDirectory(dir));
        assertTrue(e.file().endsWith("broken.yaml"), e.file());
        assertTrue(e.line() >= 4, "line should point at or after the unclosed bracket, was " + e.line());
        assertTrue(e.getMessage().startsWith(e.file() + ":" + e.line() + ": YAML error"), e.getMessage());
    }

    @Test
    void misspelledKeyIsNamed() throws Exception {
        FaqFixtures.write(dir, "x.yaml", FaqFixtures.topic("x", "问", "答", "q", "a").replace("  answer: a", "  anwser: a"));
        var e = assertThrows(FaqLoadException.class, () -> loader.loadDirectory(dir));
        assertTrue(e.getMessage().contains("unknown key 'en.anwser'"), e.getMessage());
    }

    @Test
    void emptyDirectoryIsAnError() {
        var e = assertThrows(FaqLoadException.class, () -> loader.loadDirectory(dir));
        assertTrue(e.getMessage().contains("no FAQ files"), e.getMessage());
    }
}
