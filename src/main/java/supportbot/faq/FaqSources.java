package supportbot.faq;

import java.nio.file.Files;
import java.nio.file.Path;

/** Picks the reader for an FAQ location: a directory of YAML topics or a JSONL import file. */
public final class FaqSources {
    private FaqSources() {
    }

    public static FaqCatalog load(Path location) {
        if (Files.isDirectory(location)) {
            return new FaqYamlLoader().loadDirectory(location);
        }
        if (!Files.exists(location)) {
            throw new FaqLoadException(location.toString(), -1, "no such FAQ file or directory");
        }
        String name = location.getFileName().toString();
        if (name.endsWith(".jsonl")) {
            return new FaqJsonlLoader().load(location);
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return new FaqCatalog(java.util.List.of(new FaqYamlLoader().loadFile(location)));
        }
        throw new FaqLoadException(location.toString(), -1, "unknown FAQ format: use a directory of .yaml files or a .jsonl file");
    }
}
