package supportbot.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import supportbot.config.AppConfig;
import supportbot.config.ConfigLoader;

/** Options every subcommand shares. */
final class CommonOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML config (default: config/application.yaml if present, else built-in defaults)")
    Path config = ConfigLoader.DEFAULT_FILE;

    @Option(names = "--faq", paramLabel = "DIR|FILE.jsonl",
            description = "FAQ to use instead of faq.dir: a directory of YAML topics or a JSONL import file")
    Path faq;

    @Option(names = "--no-semantic", description = "BM25 only: skip the embedding models (faq.semantic: false)")
    boolean noSemantic;

    AppConfig loadConfig() {
        return new ConfigLoader().load(config);
    }
}
