package supportbot.dialogue.details;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static supportbot.dialogue.details.DetailFixtures.SHANGHAI;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import supportbot.faq.Lang;

/**
 * Detail precision and recall on first messages that give everything up front (src/test/resources/details/
 * upfront.txt: Chinese, traditional Chinese, English, mixed). A pair counts when type and stored value both match.
 */
class UpFrontPrecisionRecallTest {
    private static final Path FILE = Path.of("src/test/resources/details/upfront.txt");

    private record Case(String lang, String message, Set<String> expected) {
    }

    @Test
    void precisionAndRecallMeetTheIssueTargets() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String line : Files.readAllLines(FILE, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] p = line.split("\\|", 3);
            Set<String> expected = new HashSet<>();
            for (String pair : p[2].split(";")) {
                expected.add(pair.strip());
            }
            cases.add(new Case(p[0].strip(), p[1].strip(), expected));
        }
        assertTrue(cases.size() >= 80, "at least 80 messages: " + cases.size());
        int truePositives = 0;
        int found = 0;
        int expectedTotal = 0;
        var misses = new ArrayList<String>();
        for (Case c : cases) {
            Lang lang = c.lang().startsWith("zh") ? Lang.ZH : Lang.EN;
            Set<String> got = new HashSet<>();
            DetailFixtures.PARSERS.extractAll(c.message(), SHANGHAI, lang)
                    .forEach((type, value) -> got.add(type.key() + "=" + value.value()));
            Set<String> hit = new HashSet<>(got);
            hit.retainAll(c.expected());
            truePositives += hit.size();
            found += got.size();
            expectedTotal += c.expected().size();
            if (!got.equals(c.expected())) {
                Set<String> extra = new HashSet<>(got);
                extra.removeAll(c.expected());
                Set<String> missing = new HashSet<>(c.expected());
                missing.removeAll(got);
                misses.add(c.message() + "  extra=" + extra + " missing=" + missing);
            }
        }
        double precision = (double) truePositives / found;
        double recall = (double) truePositives / expectedTotal;
        String report = String.format("messages=%d pairs=%d found=%d correct=%d precision=%.3f recall=%.3f%n%s",
                cases.size(), expectedTotal, found, truePositives, precision, recall, String.join("\n", misses));
        System.out.println(report);
        assertTrue(precision >= 0.98, report);
        assertTrue(recall >= 0.95, report);
    }
}
