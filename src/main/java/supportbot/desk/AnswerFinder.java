package supportbot.desk;

import java.util.List;

/**
 * The port agent assist searches the FAQ through: the desk asks in the user's language and gets answers back,
 * without knowing how they are found (the FAQ side implements it with its Lucene index).
 */
public interface AnswerFinder {
    /** One FAQ answer, in the language asked for where the topic has it. */
    record Answer(String faqId, String question, String answer, double score) {
    }

    /** @param lang "en" or "zh" */
    List<Answer> find(String problem, String lang, int max);

    static AnswerFinder none() {
        return (problem, lang, max) -> List.of();
    }
}
