package supportbot.dialogue.suite;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One scripted conversation from {@code src/test/resources/conversations/*.yaml}.
 *
 * @param given details the first message states, type key to expected value: the basis of detail precision and
 *              recall, so it must list every detail the first message gives (description excepted)
 */
record Script(String id, String file, String lang, Set<String> tags, Map<String, String> given, List<Step> steps) {
    static final Set<String> LANGS = Set.of("zh", "zh-hant", "en", "mixed");

    boolean tagged(String tag) {
        return tags.contains(tag);
    }

    /** What the user does in one turn (exactly one of say / press) and what must hold afterwards. */
    record Step(String say, String press, Expect expect) {
        String shown() {
            return say != null ? "says \"" + say + "\"" : "presses " + press;
        }
    }

    /**
     * Outcomes observable from what the engine returns; a null field is not checked. Values that list
     * alternatives separate them with {@code |}.
     */
    record Expect(TicketExpect ticket, Boolean noTicket, String asks, String answers, String notAnswers,
                  Boolean confidentAnswer,
                  List<String> replyContains, List<String> replyNotContains, Boolean handoff, String lang,
                  Boolean noRawIds, String category, Map<String, String> details) {
        boolean checksOutOfScope() {
            return Boolean.FALSE.equals(confidentAnswer);
        }
    }

    /** The first ticket opened so far in the conversation. */
    record TicketExpect(String category, Integer priority, Map<String, String> details) {
    }
}
