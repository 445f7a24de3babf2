package supportbot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README and docs/ are read on GitHub, in a clone and in a release archive alike, so every link must
 * reach a file of this repository (and a heading in it, when it names one). A link out of the repository
 * breaks in all but one of those places, and an external site can change under us.
 */
class DocsLinksTest {
    private static final Pattern INLINE = Pattern.compile("!?\\[(?:[^\\]\\[]|\\[[^\\]]*\\])*\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE = Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s+.*)?$");
    private static final Pattern AUTOLINK = Pattern.compile("<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\\s]*)>");
    /** GitHub turns bare addresses in prose into links too. */
    private static final Pattern BARE_URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s)>\\]*]+");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");

    @Test
    void everyLinkInTheReadmeAndDocsStaysInTheRepository() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        List<Path> pages = new ArrayList<>();
        pages.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        assertTrue(pages.size() > 1, "docs/ has pages");
        List<String> problems = new ArrayList<>();
        for (Path page : pages) {
            problems.addAll(check(root, page));
        }
        assertEquals(List.of(), problems, "links that leave the repository or point at nothing");
    }

    @Test
    void theCheckCatchesEachKindOfBadLink(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/there.md"), "# A heading\n");
        Path page = root.resolve("README.md");
        Files.writeString(page, """
                # Title
                [ok](docs/there.md) [ok anchor](docs/there.md#a-heading) [ok here](#title)
                [up](../shared/DESIGN.md) [web](https://example.com/x) [gone](docs/missing.md)
                [bad anchor](docs/there.md#nowhere) ![pic](/etc/passwd) <https://example.org>
                see www.example.net for more, and `https://in.code.span` is fine
                [ref]: http://example.com/ref
                ```
                [in a fence](https://fenced.example)
                ```
                """);
        List<String> problems = check(root, page);
        assertEquals(8, problems.size(), String.join("\n", problems));
        for (String bad : List.of("../shared/DESIGN.md", "https://example.com/x", "docs/missing.md",
                "docs/there.md#nowhere", "/etc/passwd", "https://example.org", "www.example.net", "http://example.com/ref")) {
            assertTrue(problems.stream().anyMatch(p -> p.contains(bad)), bad + " in " + problems);
        }
    }

    /** Every link in one page that leaves {@code root}, names a missing file, or names a missing heading. */
    static List<String> check(Path root, Path page) throws IOException {
        List<String> problems = new ArrayList<>();
        List<String> lines = Files.readAllLines(page);
        boolean fenced = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().startsWith("```") || line.strip().startsWith("~~~")) {
                fenced = !fenced;
                continue;
            }
            if (fenced) {
                continue;
            }
            String where = root.relativize(page) + ":" + (i + 1) + ": ";
            String prose = line.replaceAll("`[^`]*`", "``");
            List<String> targets = new ArrayList<>();
            collect(INLINE.matcher(prose), targets);
            collect(REFERENCE.matcher(prose), targets);
            collect(AUTOLINK.matcher(prose), targets);
            String withoutLinks = AUTOLINK.matcher(INLINE.matcher(prose).replaceAll("")).replaceAll("");
            if (!REFERENCE.matcher(prose).matches()) {
                Matcher bare = BARE_URL.matcher(withoutLinks);
                while (bare.find()) {
                    problems.add(where + bare.group() + ": an address outside the repository");
                }
            }
            for (String target : targets) {
                String problem = problem(root, page, target);
                if (problem != null) {
                    problems.add(where + target + ": " + problem);
                }
            }
        }
        return problems;
    }

    private static void collect(Matcher m, List<String> into) {
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    private static String problem(Path root, Path page, String target) throws IOException {
        if (target.isEmpty()) {
            return "an empty link";
        }
        if (SCHEME.matcher(target).find() || target.startsWith("//")) {
            return "leaves the repository";
        }
        if (target.startsWith("/")) {
            return "an absolute path; write it relative to the page";
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
        if (!resolved.startsWith(root)) {
            return "leaves the repository";
        }
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (anchor != null && resolved.toString().endsWith(".md") && !anchors(resolved).contains(anchor)) {
            return "no heading with that anchor in " + root.relativize(resolved);
        }
        return null;
    }

    /** The anchors GitHub gives a page's headings. */
    private static Set<String> anchors(Path page) throws IOException {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean fenced = false;
        for (String line : Files.readAllLines(page)) {
            if (line.strip().startsWith("```") || line.strip().startsWith("~~~")) {
                fenced = !fenced;
                continue;
            }
            Matcher h = HEADING.matcher(line);
            if (fenced || !h.matches()) {
                continue;
            }
            String slug = h.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\s_-]", "")
                    .replace(' ', '-');
            int n = seen.merge(slug, 1, Integer::sum);
            anchors.add(n == 1 ? slug : slug + "-" + (n - 1));
        }
        return anchors;
    }
}
