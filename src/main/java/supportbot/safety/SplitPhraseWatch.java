package supportbot.safety;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;

/**
 * Finds a recovery phrase that a user sent in pieces ("6 words, then 6 more": phones and chat apps cut long
 * pastes), which {@link SecretDetector} cannot see in any one message. Per conversation it keeps, in memory only,
 * the recent messages shaped like a piece ({@link PartShape}) and asks the detector about them joined; the
 * detector's own rules (checksum, randomness, not prose) decide, so joining adds no looser rule.
 *
 * <p>What is kept is bounded: pieces older than {@link Settings#window}, beyond {@link Settings#maxParts}, or
 * followed by more than {@link Settings#maxChatter} ordinary messages are dropped, and a found phrase's pieces
 * are dropped at once. Callers must use one conversation from one thread at a time (the inbox lanes do).
 */
public final class SplitPhraseWatch {
    /**
     * @param window     how long a piece waits for the next one
     * @param maxParts   pieces kept per conversation (24 words as 3+3+… is 8)
     * @param maxChatter ordinary messages allowed between two pieces ("wait", "next part:")
     */
    public record Settings(Duration window, int maxParts, int maxChatter) {
        public static Settings defaults() {
            return new Settings(Duration.ofMinutes(10), 8, 3);
        }
    }

    /** One kept piece: the message's text and the platform's id for it, so the connector can delete it. */
    public record Part(String messageId, String text, Instant time) {
        @Override
        public String toString() {
            return "Part[" + messageId + "]"; // never the text
        }
    }

    /**
     * A phrase completed by the newest message.
     *
     * @param earlier the pieces before the newest one, oldest first
     * @param words   the phrase's words, to find and remove copies of the earlier pieces everywhere
     */
    public record Found(List<Part> earlier, PhraseWords words) {
        @Override
        public String toString() {
            return "Found[" + earlier + ", " + words.size() + " words]";
        }
    }

    private static final class Window {
        final Deque<Part> parts = new ArrayDeque<>();
        int chatter;
    }

    private final Settings settings;
    private final SecretDetector detector;
    private final PartShape shape;
    private final Bip39 bip39;
    /** Idle conversations drop out by themselves: nothing waits longer than a window. */
    private final Cache<String, Window> windows;

    public SplitPhraseWatch(Settings settings) {
        this(settings, SecretDetector.standard(), Bip39.loadFromClasspath());
    }

    SplitPhraseWatch(Settings settings, SecretDetector detector, Bip39 bip39) {
        this.settings = settings;
        this.detector = detector;
        this.shape = new PartShape(bip39);
        this.bip39 = bip39;
        this.windows = CacheBuilder.newBuilder().expireAfterAccess(settings.window()).maximumSize(100_000).build();
    }

    /**
     * The next message of a conversation, after the single-message checks passed it unchanged.
     *
     * @return the phrase it completes, if it does
     */
    public Optional<Found> offer(String conversationKey, String messageId, String text, Instant time) {
        Window w = windows.getIfPresent(conversationKey);
        if (w != null) {
            while (!w.parts.isEmpty() && w.parts.peekFirst().time().plus(settings.window()).isBefore(time)) {
                w.parts.removeFirst();
            }
        }
        if (!shape.isCandidate(text)) {
            if (w != null && (++w.chatter > settings.maxChatter() || w.parts.isEmpty())) {
                windows.invalidate(conversationKey);
            }
            return Optional.empty();
        }
        if (w == null) {
            w = new Window();
            windows.put(conversationKey, w);
        }
        w.chatter = 0;
        if (messageId != null) {
            // A turn run again (another instance changed the conversation meanwhile) offers its message again.
            w.parts.removeIf(p -> messageId.equals(p.messageId()));
        }
        Part newest = new Part(messageId, text, time);
        w.parts.addLast(newest);
        while (w.parts.size() > settings.maxParts()) {
            w.parts.removeFirst();
        }
        Optional<Found> found = complete(new ArrayList<>(w.parts));
        if (found.isPresent()) {
            windows.invalidate(conversationKey);
        }
        return found;
    }

    /** Drops what is kept for a conversation (erased, or its messages removed for another reason). */
    public void forget(String conversationKey) {
        windows.invalidate(conversationKey);
    }

    /** Conversations with pieces kept now; for tests and metrics. */
    public int kept() {
        return (int) windows.size();
    }

    /**
     * The shortest run of recent pieces, ending with the newest, in which the detector finds a phrase that uses
     * the newest piece and at least one earlier one. Pieces are joined with a newline, and Chinese pieces also
     * with nothing, because a phrase typed without spaces was cut inside one run of characters.
     */
    private Optional<Found> complete(List<Part> parts) {
        int last = parts.size() - 1;
        for (int from = last - 1; from >= 0; from--) {
            List<Part> run = parts.subList(from, last + 1);
            for (String joiner : new String[] {"\n", ""}) {
                if (joiner.isEmpty() && !run.stream().allMatch(p -> hanOnly(p.text()))) {
                    continue;
                }
                Optional<Found> f = scanJoined(run, joiner);
                if (f.isPresent()) {
                    return f;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Found> scanJoined(List<Part> run, String joiner) {
        var text = new StringBuilder();
        int[] starts = new int[run.size() + 1];
        for (int i = 0; i < run.size(); i++) {
            if (i > 0) {
                text.append(joiner);
            }
            String t = joiner.isEmpty() ? run.get(i).text().strip() : run.get(i).text();
            starts[i] = text.length();
            text.append(t);
        }
        starts[run.size()] = Integer.MAX_VALUE;
        String joined = text.toString();
        int newestStart = starts[run.size() - 1];
        for (Finding f : detector.scan(joined)) {
            if (f.kind() != SecretKind.RECOVERY_PHRASE || f.end() <= newestStart || f.start() >= newestStart) {
                continue; // inside one message: the single-message check already handles that
            }
            var earlier = new ArrayList<Part>();
            int first = -1;
            for (int i = 0; i < run.size(); i++) {
                int partEnd = i + 1 < run.size() ? starts[i + 1] - joiner.length() : joined.length();
                if (f.start() < partEnd && f.end() > starts[i]) {
                    first = first < 0 ? i : first;
                    if (i < run.size() - 1) {
                        earlier.add(run.get(i));
                    }
                }
            }
            List<String> words = PhraseWords.wordsOf(joined, f.start(), f.end());
            if (!madeOfPieces(joined, starts[first], f, words)) {
                continue;
            }
            return Optional.of(new Found(earlier, new PhraseWords(words)));
        }
        return Optional.empty();
    }

    /**
     * Joining must not make a phrase out of ordinary messages, so the pieces must be nothing but the phrase: a
     * label may come before it ("my phrase:", "助记词是") and a word or two after it, but every word between its
     * first and last piece is in it, and the labels hold at most one English list word. The detector's rules
     * were made for single messages; one more: a random phrase rarely repeats a word (24 words: 3 repeats in
     * about 1 of 2,500), while short Chinese questions sent one after another repeat 钱包, 支持, 转账...
     */
    private boolean madeOfPieces(String joined, int firstPartStart, Finding f, List<String> words) {
        List<String> head = PhraseWords.wordsOf(joined, firstPartStart, f.start());
        List<String> tail = PhraseWords.wordsOf(joined, f.end(), joined.length());
        if (head.size() > 6 || tail.size() > 4 || englishListWords(head) + englishListWords(tail) > 1) {
            return false;
        }
        return words.size() - new java.util.HashSet<>(words).size() < 3 && exactChecksum(words);
    }

    /**
     * The detector may accept a phrase with one mistyped word, which is right for one message (the user meant
     * a phrase) but too loose for text joined from several: short ordinary messages joined then pass too. Joined
     * pieces must form a phrase whose checksum is valid as written, in one of the lists.
     */
    private boolean exactChecksum(List<String> words) {
        int n = words.size();
        if (!Bip39.validLength(n)) {
            return false;
        }
        var sha = Bip39.sha256();
        for (int list = 0; list < 3; list++) {
            int[] idx = new int[n];
            boolean all = true;
            for (int i = 0; i < n && all; i++) {
                String w = words.get(i);
                idx[i] = list == 0 ? bip39.english(w, 0, w.length())
                        : w.length() == 1 ? bip39.chinese(list == 2, w.charAt(0)) : -1;
                all = idx[i] >= 0;
            }
            if (all && Bip39.checksumValid(idx, 0, n, sha)) {
                return true;
            }
        }
        return false;
    }

    private int englishListWords(List<String> words) {
        int n = 0;
        for (String w : words) {
            if (!w.isEmpty() && w.charAt(0) < 0x80 && bip39.english(w, 0, w.length()) >= 0) {
                n++;
            }
        }
        return n;
    }

    private static boolean hanOnly(String text) {
        boolean han = false;
        for (int i = 0; i < text.length(); i++) {
            int cp = text.charAt(i);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                han = true;
            } else if (!SecretDetector.isSeparator(cp) && !(cp >= '0' && cp <= '9')) {
                return false;
            }
        }
        return han;
    }
}
