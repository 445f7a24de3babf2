package supportbot.dialogue;

/**
 * An intent with how sure the classifier is.
 *
 * @param score  similarity of the message to the intent's nearest examples (1 for a rule match)
 * @param margin how far the intent is ahead of the next best one (1 for a rule match)
 * @param byRule true when a high-precision rule of config/intents.yaml matched, not the examples
 */
public record IntentMatch(Intent intent, double score, double margin, boolean byRule) {
    static IntentMatch rule(Intent intent) {
        return new IntentMatch(intent, 1, 1, true);
    }
}
