package supportbot.desk;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;

/**
 * The saved replies agents pick from: the shipped set in {@code config/saved-replies.yaml}, plus the ones
 * supervisors create in the desk, kept in the store with an audit trail. A desk reply with a shipped reply's
 * name replaces it.
 */
public final class SavedReplies {
    public static final Path DEFAULT_FILE = Path.of("config", "saved-replies.yaml");
    static final String STATE_KEY = "desk.saved-replies";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final int MAX_AUDIT = 500;

    /** What the store keeps: the desk's replies and who changed what. */
    public record Stored(List<SavedReply> replies, List<Change> audit) {
        public Stored {
            replies = replies == null ? List.of() : List.copyOf(replies);
            audit = audit == null ? List.of() : List.copyOf(audit);
        }
    }

    /** @param action "saved" or "deleted" */
    public record Change(Instant at, String by, String action, String name) {
    }

    private record FileReply(String name, Map<String, String> title, Map<String, String> text) {
    }

    private record File(List<FileReply> replies) {
    }

    private final List<SavedReply> shipped;
    private final Store store;
    private final GroupCommitter committer;
    private final Clock clock;

    public SavedReplies(List<SavedReply> shipped, Store store, GroupCommitter committer, Clock clock) {
        this.shipped = List.copyOf(shipped);
        this.store = store;
        this.committer = committer;
        this.clock = clock;
    }

    /** No shipped set and nothing stored: for surfaces built without the desk's files. */
    public static SavedReplies none() {
        return new SavedReplies(List.of(), null, null, Clock.systemUTC());
    }

    /** The shipped set from {@link #DEFAULT_FILE} when there is one (run from the install directory), plus the store's. */
    public static SavedReplies shipped(Store store, GroupCommitter committer, Clock clock) {
        return new SavedReplies(Files.isRegularFile(DEFAULT_FILE) ? load(DEFAULT_FILE) : List.of(), store, committer, clock);
    }

    /** Reads the shipped set; every error names the file and the reply. */
    public static List<SavedReply> load(Path file) {
        var yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        File parsed;
        try {
            parsed = yaml.readValue(Files.readString(file), File.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage().lines().findFirst().orElse("unreadable"), e);
        }
        var out = new ArrayList<SavedReply>();
        for (FileReply r : parsed.replies() == null ? List.<FileReply>of() : parsed.replies()) {
            var reply = new SavedReply(r.name(), r.title() == null ? Map.of() : r.title(), r.text() == null ? Map.of() : r.text(),
                    "config");
            String problem = problem(reply);
            if (problem != null) {
                throw new IllegalArgumentException(file + ": reply '" + r.name() + "': " + problem);
            }
            out.add(reply);
        }
        return out;
    }

    /** Why a reply cannot be kept, or null: what the desk API answers with a 400. */
    public static String problem(SavedReply r) {
        if (r.name() == null || !NAME.matcher(r.name()).matches()) {
            return "name must be 1 to 40 lowercase letters, digits or '-', starting with a letter or digit";
        }
        for (String lang : List.of("en", "zh")) {
            String text = r.texts().get(lang);
            if (text == null || text.isBlank()) {
                return "text." + lang + " is missing: every saved reply needs an English and a Chinese text";
            }
            if (text.length() > DeskService.MAX_TEXT_CHARS) {
                return "text." + lang + " is too long (max " + DeskService.MAX_TEXT_CHARS + " characters)";
            }
            if (supportbot.safety.Secrets.contain(text)) {
                return "text." + lang + " looks like a recovery phrase or private key";
            }
            String unknown = SavedReplyText.unknownVariable(text);
            if (unknown != null) {
                return "text." + lang + " uses " + unknown + ", which is not a variable: use {name}, {ticket} or {detail.KEY}"
                        + " (KEY one of " + SavedReplyText.detailKeys() + ")";
            }
            String title = r.titles().get(lang);
            if (title == null || title.isBlank() || title.length() > 80) {
                return "title." + lang + " must be 1 to 80 characters";
            }
        }
        if (r.texts().size() != 2 || r.titles().size() != 2) {
            return "only the languages en and zh are known";
        }
        return null;
    }

    /** Every reply, desk ones replacing shipped ones of the same name, sorted by name. */
    public List<SavedReply> all() {
        var byName = new LinkedHashMap<String, SavedReply>();
        shipped.forEach(r -> byName.put(r.name(), r));
        stored().replies().forEach(r -> byName.put(r.name(), r));
        return byName.values().stream().sorted(Comparator.comparing(SavedReply::name)).toList();
    }

    public Optional<SavedReply> byName(String name) {
        return all().stream().filter(r -> r.name().equals(name)).findFirst();
    }

    public List<Change> audit() {
        return stored().audit();
    }

    /** Creates or replaces a desk reply. Supervisors only. */
    public SavedReply save(Agent by, SavedReply reply) {
        requireSupervisor(by);
        var kept = new SavedReply(reply.name(), reply.titles(), reply.texts(), "desk");
        String problem = problem(kept);
        if (problem != null) {
            throw new DeskException(400, "saved reply '" + reply.name() + "': " + problem);
        }
        change(by, "saved", kept.name(), replies -> {
            replies.removeIf(r -> r.name().equals(kept.name()));
            replies.add(kept);
        });
        return kept;
    }

    /** Deletes a desk reply; a shipped one is edited in its file, not here. */
    public void delete(Agent by, String name) {
        requireSupervisor(by);
        if (stored().replies().stream().noneMatch(r -> r.name().equals(name))) {
            boolean isShipped = shipped.stream().anyMatch(r -> r.name().equals(name));
            throw new DeskException(isShipped ? 400 : 404, isShipped
                    ? "saved reply '" + name + "' comes from " + DEFAULT_FILE + "; change it there"
                    : "no saved reply named '" + name + "'");
        }
        change(by, "deleted", name, replies -> replies.removeIf(r -> r.name().equals(name)));
    }

    private void change(Agent by, String action, String name, java.util.function.Consumer<List<SavedReply>> edit) {
        if (store == null) {
            throw new DeskException(503, "saved replies cannot be changed here");
        }
        Instant now = clock.instant();
        var done = committer.submit(tx -> {
            // Read inside the commit: two supervisors saving at once both keep their reply.
            Stored now0 = stored();
            var replies = new ArrayList<>(now0.replies());
            edit.accept(replies);
            var audit = new ArrayList<>(now0.audit());
            audit.add(new Change(now, by.name(), action, name));
            tx.putSurfaceState(STATE_KEY, new Stored(replies, audit.subList(Math.max(0, audit.size() - MAX_AUDIT), audit.size())));
        });
        done.join();
        org.slf4j.LoggerFactory.getLogger(SavedReplies.class).info("{} {} saved reply '{}'", by.name(), action, name);
    }

    private Stored stored() {
        return store == null ? new Stored(List.of(), List.of()) : store.surfaceState(STATE_KEY, Stored.class)
                .orElse(new Stored(List.of(), List.of()));
    }

    private static void requireSupervisor(Agent by) {
        DeskPolicy.checkManageSavedReplies(by);
    }
}
