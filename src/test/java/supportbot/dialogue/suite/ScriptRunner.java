package supportbot.dialogue.suite;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import supportbot.dialogue.Action;
import supportbot.dialogue.Button;
import supportbot.dialogue.Conversation;
import supportbot.dialogue.DialogueEngine;
import supportbot.dialogue.Inbound;
import supportbot.dialogue.Phase;
import supportbot.dialogue.TicketDraft;
import supportbot.dialogue.Turn;
import supportbot.dialogue.details.DetailType;
import supportbot.dialogue.details.DetailValue;
import supportbot.faq.Lang;

/** Plays scripts against one engine and checks each turn's expectations; it knows nothing of metrics. */
final class ScriptRunner {
    /** Autopilot gives up after this many turns: the conversation never reached a ticket. */
    static final int TURN_CAP = 12;
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern LATIN_WORDS = Pattern.compile("[A-Za-z]{3,}(\\W+[A-Za-z]{2,}){2,}");
    /**
     * Snake-case keys (tx_hash, in_progress) and the engine's enum names are never meant for users. Upper-case
     * snake words in general are not caught: FAQ answers rightly quote the chain's own error codes
     * (OUT_OF_ENERGY) as the user sees them in the app.
     */
    private static final Pattern SNAKE = Pattern.compile("(?<![A-Za-z0-9/._-])[a-z]+_[a-z_]+(?![A-Za-z0-9/.@-])");
    private static final Pattern ENUM_NAMES = Pattern.compile("(?<![A-Za-z0-9_])("
            + String.join("|", java.util.stream.Stream.concat(java.util.Arrays.stream(Phase.values()).map(Enum::name),
                    java.util.Arrays.stream(DetailType.values()).map(Enum::name).filter(n -> n.contains("_"))).toList())
            + ")(?![A-Za-z0-9_])");
    private static final Set<String> RAW_STATUSES = Set.of("queued", "assigned", "in_progress", "resolved", "closed",
            "waiting_user");

    private final DialogueEngine engine;
    private final Instant now;
    private final Set<String> rawIds;
    private final Map<String, List<String>> answerTexts;

    /**
     * @param rawIds hyphenated ids (categories, FAQ topics) that must never reach a user's screen
     */
    ScriptRunner(DialogueEngine engine, Instant now, Set<String> rawIds) {
        this(engine, now, rawIds, Map.of());
    }

    /**
     * @param answerTexts FAQ id to its answers (both languages): an answer given inline, as when a question
     *                    interrupts detail collection and the bot answers it before asking again, counts as given
     */
    ScriptRunner(DialogueEngine engine, Instant now, Set<String> rawIds, Map<String, List<String>> answerTexts) {
        this.engine = engine;
        this.now = now;
        this.rawIds = rawIds;
        this.answerTexts = answerTexts;
    }

    private boolean answerShown(String alternatives, String reply) {
        for (String alt : alternatives.split("\\|")) {
            for (String answer : answerTexts.getOrDefault(alt.trim(), List.of())) {
                String head = answer.strip().lines().findFirst().orElse("");
                if (head.length() >= 8 && reply.contains(head)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** What one script did: pass or the first failing turn, and the raw material for the metrics. */
    /**
     * @param failureClass what the first failing expectation was about ("asks", "category", "detail" …), with
     *                     "turn 1" or "later turn", so one root cause is not counted as many
     */
    record Outcome(Script script, String failure, String failureClass, Map<String, String> firstTurnDetails,
                   int oosTurns, int oosConfident, Integer turnsToTicket) {
        boolean passed() {
            return failure == null;
        }
    }

    Outcome run(Script s) {
        Conversation state = null;
        TicketDraft firstTicket = null;
        Map<String, String> firstDetails = Map.of();
        String failure = null;
        String failureClass = null;
        int oosTurns = 0;
        int oosConfident = 0;
        int n = 0;
        for (Script.Step step : s.steps()) {
            n++;
            Conversation before = state;
            Turn turn = engine.handle(state, inbound(s.id(), step.say(), step.press(), n));
            state = turn.conversation();
            TicketDraft opened = opened(turn);
            if (firstTicket == null) {
                firstTicket = opened;
            }
            if (n == 1) {
                firstDetails = detailsOf(state.details());
            }
            boolean confident = confidentAnswer(before, turn);
            if (step.expect().checksOutOfScope()) {
                oosTurns++;
                oosConfident += confident ? 1 : 0;
            }
            if (failure == null) {
                List<String> problems = check(step.expect(), turn, firstTicket, opened, confident);
                if (!problems.isEmpty()) {
                    failureClass = problems.get(0).split(" ")[0].replace(":", "") + (n == 1 ? ", turn 1" : ", later turn");
                    failure = "turn " + n + ": user " + step.shown() + "\n  expected: " + String.join("; ", problems)
                            + "\n  bot said: " + replyText(turn).replace("\n", "\n            ")
                            + "\n  state: phase=" + state.phase() + " category=" + state.categoryId() + " awaiting="
                            + state.awaiting() + " offered=" + state.offeredFaqId() + " suggestions=" + state.suggestions()
                            + " details=" + detailsOf(state.details());
                }
            }
        }
        Integer turns = s.tagged("upfront") ? turnsToTicket(s) : null;
        return new Outcome(s, failure, failureClass, firstDetails, oosTurns, oosConfident, turns);
    }

    private List<String> check(Script.Expect e, Turn turn, TicketDraft first, TicketDraft openedNow, boolean confident) {
        List<String> p = new ArrayList<>();
        Conversation c = turn.conversation();
        String reply = replyText(turn);
        if (e.ticket() != null) {
            if (first == null) {
                p.add("ticket (" + e.ticket().category() + ") but none was opened");
            } else {
                if (e.ticket().category() != null && !anyEquals(e.ticket().category(), first.categoryId())) {
                    p.add("ticket: category " + e.ticket().category() + " but got " + first.categoryId());
                }
                if (e.ticket().priority() != null && e.ticket().priority() != first.priority()) {
                    p.add("ticket: priority " + e.ticket().priority() + " but got " + first.priority());
                }
                p.addAll(detailProblems("ticket: detail", e.ticket().details(), detailsOf(first.details())));
            }
        }
        if (Boolean.TRUE.equals(e.noTicket()) && first != null) {
            p.add("no-ticket: but ticket " + first.number() + " (" + first.categoryId() + ") opened");
        }
        if (e.asks() != null) {
            String asked = asked(c);
            boolean ok = e.asks().equals("any") ? !asked.equals("none") : anyEquals(e.asks(), asked);
            if (!ok) {
                p.add("asks: " + e.asks() + " but " + asked);
            }
        }
        if (e.answers() != null) {
            String offered = c.offeredFaqId();
            List<String> suggested = suggested(c, turn);
            boolean nothing = offered == null && suggested.isEmpty();
            // "none" and "any" may stand among alternatives too ("none|deposit-not-received").
            boolean ok = (nothing && anyEquals(e.answers(), "none")) || (!nothing && anyEquals(e.answers(), "any"))
                    || anyEquals(e.answers(), offered) || suggested.stream().anyMatch(id -> anyEquals(e.answers(), id))
                    || answerShown(e.answers(), reply);
            if (!ok) {
                p.add("answers: " + e.answers() + " but offered=" + offered + " suggested=" + suggested);
            }
        }
        if (e.notAnswers() != null) {
            String offered = c.offeredFaqId();
            List<String> suggested = suggested(c, turn);
            if (anyEquals(e.notAnswers(), offered) || suggested.stream().anyMatch(id -> anyEquals(e.notAnswers(), id))) {
                p.add("not_answers: " + e.notAnswers() + " but offered=" + offered + " suggested=" + suggested);
            }
        }
        if (e.confidentAnswer() != null && e.confidentAnswer() != confident) {
            p.add(e.confidentAnswer() ? "confidentAnswer: expected a confident FAQ answer" : "confidentAnswer: none expected but got " + c.offeredFaqId());
        }
        if (e.replyContains() != null) {
            for (String want : e.replyContains()) {
                if (!containsAny(reply + "\n" + buttonLabels(turn), want)) {
                    p.add("reply_contains: '" + want + "'");
                }
            }
        }
        if (e.replyNotContains() != null) {
            for (String unwanted : e.replyNotContains()) {
                if (containsAny(reply, unwanted)) {
                    p.add("reply_not_contains: '" + unwanted + "'");
                }
            }
        }
        if (e.handoff() != null) {
            boolean handedOff = openedNow != null || c.phase() == Phase.WITH_TICKET;
            if (handedOff != e.handoff()) {
                p.add(e.handoff() ? "handoff: to a person expected" : "handoff: none expected");
            }
        }
        if (e.lang() != null) {
            Lang want = e.lang().equals("zh") ? Lang.ZH : Lang.EN;
            boolean textOk = reply.isEmpty() || (want == Lang.ZH ? HAN.matcher(reply).find()
                    : LATIN_WORDS.matcher(reply).find());
            if (c.lang() != want || !textOk) {
                p.add("lang: reply in " + e.lang() + " but conversation language is " + c.lang());
            }
        }
        if (Boolean.TRUE.equals(e.noRawIds())) {
            String raw = rawIdIn(reply);
            if (raw != null) {
                p.add("no_raw_ids: but reply shows '" + raw + "'");
            }
        }
        if (e.category() != null && !anyEquals(e.category(), c.categoryId() != null ? c.categoryId()
                : first != null ? first.categoryId() : "none")) {
            p.add("category: " + e.category() + " but " + c.categoryId());
        }
        if (e.details() != null) {
            p.addAll(detailProblems("details:", e.details(), detailsOf(c.details())));
        }
        return p;
    }

    private List<String> detailProblems(String what, Map<String, String> want, Map<String, String> got) {
        List<String> p = new ArrayList<>();
        want.forEach((k, v) -> {
            if (!valueMatches(v, got.get(k))) {
                p.add(what + " " + k + "=" + v + " but " + got.get(k));
            }
        });
        return p;
    }

    /**
     * Expected detail values are substrings of the stored value, compared without case, spaces or thousands
     * separators; {@code a|b} accepts either.
     */
    static boolean valueMatches(String expected, String actual) {
        if (actual == null) {
            return false;
        }
        String a = squash(actual);
        for (String alt : expected.split("\\|")) {
            if (a.contains(squash(alt))) {
                return true;
            }
        }
        return false;
    }

    private static String squash(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[\\s,]", "");
    }

    private static boolean anyEquals(String alternatives, String actual) {
        for (String alt : alternatives.split("\\|")) {
            if (alt.trim().equals(actual)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsAny(String text, String alternatives) {
        String t = text.toLowerCase(Locale.ROOT);
        for (String alt : alternatives.split("\\|")) {
            if (t.contains(alt.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private String rawIdIn(String reply) {
        for (String id : rawIds) {
            if (Pattern.compile("(?<![A-Za-z0-9/._-])" + Pattern.quote(id) + "(?![A-Za-z0-9/._-])").matcher(reply).find()) {
                return id;
            }
        }
        for (Pattern p : List.of(SNAKE, ENUM_NAMES)) {
            var m = p.matcher(reply);
            if (m.find()) {
                return m.group();
            }
        }
        if (HAN.matcher(reply).find()) {
            for (String st : RAW_STATUSES) {
                if (Pattern.compile("(?i)(?<![A-Za-z])" + st + "(?![A-Za-z])").matcher(reply).find()) {
                    return st;
                }
            }
        }
        return null;
    }

    /** "summary" when the summary is showing, the awaited detail's key while collecting, else "none". */
    static String asked(Conversation c) {
        if (c.phase() == Phase.CONFIRMING) {
            return "summary";
        }
        if ((c.phase() == Phase.COLLECTING || c.phase() == Phase.AGENT_ASKED) && c.awaiting() != null) {
            return c.awaiting().key();
        }
        return "none";
    }

    /**
     * A confident answer: an FAQ answer shown this turn with its "did it help" vote (not one merely still on
     * screen from before, and not a "did you mean" list).
     */
    private static boolean confidentAnswer(Conversation before, Turn turn) {
        Conversation after = turn.conversation();
        if (after.offeredFaqId() == null) {
            return false;
        }
        return buttonPayloads(turn).contains("faq:yes") || before == null
                || !Objects.equals(before.offeredFaqId(), after.offeredFaqId());
    }

    /**
     * Turns a user who gave everything up front needs to reach a ticket: the first message, then the
     * obvious reply to whatever the bot does (answer a repeated question from what was given, skip what was
     * not, confirm the summary, refuse an FAQ answer). Null when no ticket within {@link #TURN_CAP} turns.
     */
    Integer turnsToTicket(Script s) {
        String key = s.id() + ":autopilot";
        String category = expectedCategory(s);
        Turn turn = engine.handle(null, inbound(key, s.steps().get(0).say(), s.steps().get(0).press(), 1));
        for (int n = 1; n <= TURN_CAP; n++) {
            if (opened(turn) != null) {
                return n;
            }
            Conversation c = turn.conversation();
            List<String> payloads = buttonPayloads(turn);
            String say = null;
            String press = null;
            String asked = asked(c);
            if (asked.equals("summary")) {
                press = "confirm";
            } else if (!asked.equals("none")) {
                String given = s.given().get(asked);
                if (given != null) {
                    say = given.split("\\|")[0].replaceAll("(\\d)T(\\d)", "$1 $2");
                } else if (payloads.contains("skip")) {
                    press = "skip";
                } else {
                    return null;
                }
            } else if (c.phase() == Phase.FAQ_OFFERED && payloads.contains("faq:no")) {
                press = "faq:no";
            } else if (category != null && payloads.contains("cat:" + category)) {
                press = "cat:" + category;
            } else if (payloads.contains("report")) {
                press = "report";
            } else if (payloads.contains("faq:none")) {
                press = "faq:none";
            } else {
                return null;
            }
            turn = engine.handle(c, inbound(key, say, press, n + 1));
        }
        return null;
    }

    /** The category the script expects, so the autopilot can pick it when the bot asks; null if none. */
    private static String expectedCategory(Script s) {
        for (Script.Step step : s.steps()) {
            Script.Expect e = step.expect();
            String c = e.ticket() != null && e.ticket().category() != null ? e.ticket().category() : e.category();
            if (c != null && !c.equals("none")) {
                return c.split("\\|")[0];
            }
        }
        return null;
    }

    private Inbound inbound(String key, String say, String press, int n) {
        return say != null ? Inbound.text("suite", "suite:" + key, "u-" + key, say, "m" + n, now)
                : Inbound.button("suite", "suite:" + key, "u-" + key, press, "m" + n, now);
    }

    private static TicketDraft opened(Turn turn) {
        return turn.actions().stream().filter(a -> a instanceof Action.OpenTicket).map(a -> ((Action.OpenTicket) a).ticket())
                .findFirst().orElse(null);
    }

    static Map<String, String> detailsOf(Map<DetailType, DetailValue> details) {
        Map<String, String> out = new LinkedHashMap<>();
        details.forEach((t, v) -> out.put(t.key(), v.value()));
        return out;
    }

    static String replyText(Turn turn) {
        return String.join("\n---\n", turn.actions().stream().filter(a -> a instanceof Action.Reply)
                .map(a -> ((Action.Reply) a).text()).toList());
    }

    private static String buttonLabels(Turn turn) {
        return String.join(" ", turn.actions().stream().filter(a -> a instanceof Action.Reply)
                .flatMap(a -> ((Action.Reply) a).buttons().stream()).map(Button::label).toList());
    }

    /**
     * The topics offered as "did you mean": the list of a suggestion turn, or topic buttons shown beside a
     * pending question (a question asked in passing while a report goes on).
     */
    private static List<String> suggested(Conversation c, Turn turn) {
        if (c.phase() == Phase.SUGGESTED) {
            return c.suggestions();
        }
        return buttonPayloads(turn).stream().filter(p -> p.startsWith("faq:pick:")).map(p -> p.substring("faq:pick:".length()))
                .toList();
    }

    private static List<String> buttonPayloads(Turn turn) {
        return turn.actions().stream().filter(a -> a instanceof Action.Reply)
                .flatMap(a -> ((Action.Reply) a).buttons().stream()).map(Button::payload).toList();
    }
}
