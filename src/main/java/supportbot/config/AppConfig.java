package supportbot.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import supportbot.faq.SearchSettings;

/**
 * Everything {@code config/application.yaml} can set. Defaults live in the jar's {@code default-config.yaml};
 * the README's "Configuration" section documents every key.
 */
public record AppConfig(Http http, Data data, Faq faq, Dialogue dialogue) {

    public record Http(String host, Integer port) {
    }

    public record Data(String dir) {
    }

    /**
     * @param dir             where categories.yaml, intents.yaml, details.yaml and messages/ live
     * @param defaultLanguage the language of a conversation whose first message gives no clue ("ok", a hash)
     * @param workers         threads handling conversations in parallel (one conversation is always in order)
     */
    public record Dialogue(String dir, String defaultLanguage, Integer workers) {
    }

    public record Faq(
            String dir,
            Boolean semantic,
            Boolean watch,
            @JsonProperty("embeddingCache") String embeddingCache,
            Fusion fusion,
            Thresholds decision,
            @JsonProperty("decisionLexicalOnly") Thresholds decisionLexicalOnly) {
    }

    public record Fusion(Double denseWeight, Double lexicalWeight, Double lexicalSaturation, Double answerTextWeight,
                         Double phrasingTemperature, Integer candidateDocs) {
    }

    public record Thresholds(Double answerMinScore, Double answerMinMargin, Double suggestMinScore) {
        SearchSettings.DecisionThresholds toSettings() {
            return new SearchSettings.DecisionThresholds(answerMinScore, answerMinMargin, suggestMinScore);
        }
    }

    public Path dataDir() {
        return Path.of(data.dir());
    }

    public Path dialogueDir() {
        return Path.of(dialogue.dir());
    }

    public Path faqDir() {
        return Path.of(faq.dir());
    }

    /** Relative cache paths live under the data directory, so one {@code data.dir} moves everything. */
    public Path embeddingCacheDir() {
        Path p = Path.of(faq.embeddingCache());
        return p.isAbsolute() ? p : dataDir().resolve(p);
    }

    public SearchSettings searchSettings() {
        Fusion f = faq.fusion();
        return new SearchSettings(faq.semantic(), f.denseWeight(), f.lexicalWeight(), f.lexicalSaturation(),
                f.answerTextWeight(), f.phrasingTemperature(), f.candidateDocs(), faq.decision().toSettings(),
                faq.decisionLexicalOnly().toSettings());
    }
}
