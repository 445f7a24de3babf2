package supportbot.dialogue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import supportbot.dialogue.details.DetailParsers;
import supportbot.dialogue.details.DetailType;
import supportbot.dialogue.details.DetailValue;
import supportbot.faq.Candidate;
import supportbot.faq.Decision;
import supportbot.faq.FaqEntry;
import supportbot.faq.Lang;
import supportbot.faq.LanguageDetector;
import supportbot.faq.LocalizedFaq;
import supportbot.faq.SearchResult;

/**
 * Drives the engine like a user would, with no store, network or threads: each call is one message or one
 * button press, and the harness keeps the state between turns like the store would.
 */
public final class EngineHarness {
    public static final DialogueData DATA = DialogueData.load(Path.of("config"));
    /** Wednesday 2026-11-25 14:00 in Shanghai (the default zone). */
    public static final Instant NOW = Instant.parse("2026-11-25T06:00:00Z");

    private static final java.util.regex.Pattern NULL_WORD = java.util.regex.Pattern.compile("(?<![\\w.])null(?![\\w.])");
    final StubFaq faq = new StubFaq();
    final Tickets tickets = new Tickets();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    DialogueEngine engine = new DialogueEngine(DATA, faq, new DetailParsers(DATA.details(), clock), tickets, clock, Lang.EN);
    Conversation state;
    List<Action> actions = List.of();
    private int messageSeq;

    EngineHarness say(String text) {
        return handle(Inbound.text("test", "test:alice", "alice", text, "m" + ++messageSeq, clock.instant()));
    }

    EngineHarness attach(String fileName) {
        return handle(new Inbound("test", "test:alice", "alice", "", List.of(new Attachment("/tmp/" + fileName,
                fileName, "image/png", 1234)), null, "m" + ++messageSeq, clock.instant()));
    }

    EngineHarness press(String payload) {
        return handle(Inbound.button("test", "test:alice", "alice", payload, "m" + ++messageSeq, clock.instant()));
    }

    EngineHarness desk(DeskEvent.Kind kind, long ticket, String text) {
        Turn turn = engine.handleDesk(state, new DeskEvent("test", "test:alice", ticket, kind, "alice", text, clock.instant()));
        state = turn.conversation();
        actions = turn.actions();
        return this;
    }

    EngineHarness handle(Inbound in) {
        Turn turn = engine.handle(state, in);
        state = turn.conversation();
        actions = turn.actions();
        // Every engine test doubles as a guard: a template fed a missing value must never show "null" to a user.
        actions.stream().filter(a -> a instanceof Action.Reply).map(a -> ((Action.Reply) a).text())
                .filter(text -> NULL_WORD.matcher(text).find()).findAny().ifPresent(text -> {
                    throw new AssertionError("a reply shows \"null\": " + text);
                });
        return this;
    }

    String reply() {
        return String.join("\n---\n", actions.stream().filter(a -> a instanceof Action.Reply)
                .map(a -> ((Action.Reply) a).text()).toList());
    }

    List<String> buttons() {
        var out = new ArrayList<String>();
        actions.stream().filter(a -> a instanceof Action.Reply).forEach(a -> ((Action.Reply) a).buttons()
                .forEach(b -> out.add(b.payload())));
        return out;
    }

    <T extends Action> Optional<T> action(Class<T> type) {
        return actions.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    String value(DetailType type) {
        DetailValue v = state.details().get(type);
        return v == null ? null : v.value();
    }

    Phase phase() {
        return state.phase();
    }

    /** An FAQ whose answers the test decides. */
    public static final class StubFaq implements FaqLookup {
        private final Map<String, FaqEntry> entries = new HashMap<>();
        private final Map<String, SearchResult> results = new HashMap<>();

        public StubFaq topic(String id, String zhAnswer, String enAnswer) {
            entries.put(id, new FaqEntry(id, "test", List.of(), Map.of(
                    Lang.ZH, new LocalizedFaq("问题 " + id, List.of(), zhAnswer),
                    Lang.EN, new LocalizedFaq("Question " + id, List.of(), enAnswer)), id));
            return this;
        }

        /** Searching exactly {@code query} gives these topics, best first, with this decision. */
        public StubFaq when(String query, Decision decision, String... ids) {
            var candidates = new ArrayList<Candidate>();
            double score = 0.9;
            for (String id : ids) {
                candidates.add(new Candidate(entries.get(id), score, score, 0));
                score -= 0.01;
            }
            results.put(query, new SearchResult(query, LanguageDetector.detect(query), decision, candidates));
            return this;
        }

        @Override
        public SearchResult search(String text) {
            return results.getOrDefault(text, new SearchResult(text, LanguageDetector.detect(text), Decision.NONE, List.of()));
        }

        @Override
        public Optional<FaqEntry> entry(String id) {
            return Optional.ofNullable(entries.get(id));
        }
    }

    public static final class Tickets implements TicketDirectory {
        final AtomicLong last = new AtomicLong(1000);

        @Override
        public long nextNumber() {
            return last.incrementAndGet();
        }

        String status = "queued";

        @Override
        public Optional<TicketStatus> status(long number) {
            return number <= last.get() ? Optional.of(new TicketStatus(number, "other", status)) : Optional.empty();
        }

        /** Third in line, 25 minutes, agents on duty. */
        @Override
        public QueueInfo queueFor(int priority) {
            return new QueueInfo(3, java.time.Duration.ofMinutes(25), true, NOW);
        }
    }
}
