package supportbot.dialogue;

import java.nio.file.Path;
import supportbot.dialogue.details.DetailSettings;
import supportbot.dialogue.details.DetailSettingsLoader;

/** The data files that shape the conversation, all under {@code config/}. */
public record DialogueData(Messages messages, Categories categories, IntentClassifier intents, DetailSettings details) {

    public static DialogueData load(Path configDir) {
        return new DialogueData(
                Messages.load(configDir.resolve("messages")),
                Categories.load(configDir.resolve("categories.yaml")),
                IntentClassifier.load(configDir.resolve("intents.yaml")),
                new DetailSettingsLoader().load(configDir.resolve("details.yaml")));
    }

    /** The same data with intents also read by their labelled examples, embedded now with {@code embedder}. */
    public DialogueData withEmbedder(supportbot.faq.Embedder embedder) {
        return new DialogueData(messages, categories, intents.withEmbedder(embedder), details);
    }
}
