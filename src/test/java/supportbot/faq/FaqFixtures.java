package supportbot.faq;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Small FAQ sources written into temporary directories for tests. */
final class FaqFixtures {
    private FaqFixtures() {
    }

    static String topic(String id, String zhQuestion, String zhAnswer, String enQuestion, String enAnswer) {
        return """
                id: %s
                category: test
                zh:
                  question: %s
                  alternates: []
                  answer: %s
                en:
                  question: %s
                  alternates: []
                  answer: %s
                """.formatted(id, zhQuestion, zhAnswer, enQuestion, enAnswer);
    }

    static Path write(Path dir, String fileName, String content) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve(fileName), content);
    }

    static FaqEntry entry(String id, String enQuestion, List<String> alternates, String answer) {
        return new FaqEntry(id, "test", List.of(), Map.of(Lang.EN, new LocalizedFaq(enQuestion, alternates, answer)), id);
    }
}
