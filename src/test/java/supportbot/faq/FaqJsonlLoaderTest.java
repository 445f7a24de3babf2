package supportbot.faq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaqJsonlLoaderTest {
    @TempDir
    Path dir;

    @Test
    void readsEntriesDetectingLanguageWhenAbsent() throws Exception {
        Path file = Files.writeString(dir.resolve("faq.jsonl"), """
                {"id":"a","question":"How do I reset my PIN?","answer":"Settings > PIN","alternates":["forgot pin"]}
                {"id":"b","question":"怎么修改密码","answer":"在设置里修改"}

                {"id":"c","question":"Wie geht das?","answer":"So.","lang":"en"}
                """);
        FaqCatalog catalog = new FaqJsonlLoader().load(file);
        assertEquals(3, catalog.size());
        assertEquals(List.of("forgot pin"), catalog.get("a").orElseThrow().in(Lang.EN).orElseThrow().alternates());
        assertTrue(catalog.get("b").orElseThrow().in(Lang.ZH).isPresent());
        assertTrue(catalog.get("c").orElseThrow().in(Lang.EN).isPresent());
    }

    @Test
    void badLineIsNamedByNumber() throws Exception {
        Path file = Files.writeString(dir.resolve("faq.jsonl"), """
                {"id":"a","question":"q","answer":"a"}
                {"id":"b","question":"q"
                """);
        var e = assertThrows(FaqLoadException.class, () -> new FaqJsonlLoader().load(file));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("faq.jsonl:2: invalid JSON"), e.getMessage());
    }

    @Test
    void missingAnswerAndUnknownLangAreRejected() throws Exception {
        Path noAnswer = Files.writeString(dir.resolve("a.jsonl"), "{\"id\":\"a\",\"question\":\"q\"}\n");
        assertTrue(assertThrows(FaqLoadException.class, () -> new FaqJsonlLoader().load(noAnswer))
                .getMessage().contains("'answer' is missing"));
        Path badLang = Files.writeString(dir.resolve("b.jsonl"), "{\"id\":\"a\",\"question\":\"q\",\"answer\":\"x\",\"lang\":\"fr\"}\n");
        assertTrue(assertThrows(FaqLoadException.class, () -> new FaqJsonlLoader().load(badLang))
                .getMessage().contains("unknown lang 'fr'"));
    }

    @Test
    void examplesBecomeAlternatesOfTheirEntry() throws Exception {
        Path file = Files.writeString(dir.resolve("faq.jsonl"), "{\"id\":\"a\",\"question\":\"How do I reset my PIN?\",\"answer\":\"x\"}\n");
        FaqCatalog withExamples = new FaqJsonlLoader().load(file)
                .withExamples(List.of(new LabelledQuery("pin forgotten", "a"), new LabelledQuery("忘了PIN码", "a")));
        FaqEntry a = withExamples.get("a").orElseThrow();
        assertEquals(List.of("pin forgotten"), a.in(Lang.EN).orElseThrow().alternates());
        assertEquals("忘了PIN码", a.in(Lang.ZH).orElseThrow().question());
        assertThrows(IllegalArgumentException.class,
                () -> withExamples.withExamples(List.of(new LabelledQuery("x", "nope"))));
    }
}
