package supportbot.dialogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import supportbot.dialogue.details.DetailType;
import supportbot.dialogue.details.DetailValue;
import supportbot.faq.Lang;

/**
 * Everything the bot remembers about one conversation between turns. Immutable; a turn edits a
 * {@link Builder} and freezes it.
 *
 * @param langLocked   true after /lang: detection no longer switches the language
 * @param awaiting     the detail the last bot message asked for, or null
 * @param editing      true when the awaited detail is an edit from the summary (return to the summary after)
 * @param offeredFaqId the FAQ answer waiting for a "solved?" vote
 * @param recentTexts  the user's last few messages, to prefill details when a report starts
 * @param rating       the service rating being given for a resolved ticket, step by step
 * @param faqRejected  FAQ answers the user said did not help: never offered again in this conversation
 */
public record Conversation(String key, String channel, String userId, Lang lang, boolean langLocked, String zone,
                           Phase phase, String categoryId, Map<DetailType, DetailValue> details, Set<DetailType> skipped,
                           DetailType awaiting, boolean editing, List<String> faqTried, String offeredFaqId,
                           List<String> suggestions, List<String> recentTexts, Long ticketNumber, Instant updatedAt,
                           long turns, PendingRating rating, List<Attachment> attachments, List<String> faqRejected) {
    public Conversation {
        faqRejected = faqRejected == null ? List.of() : List.copyOf(faqRejected);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
        skipped = skipped == null ? Set.of() : Set.copyOf(skipped);
        faqTried = faqTried == null ? List.of() : List.copyOf(faqTried);
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
        recentTexts = recentTexts == null ? List.of() : List.copyOf(recentTexts);
    }

    public Conversation(String key, String channel, String userId, Lang lang, boolean langLocked, String zone,
                        Phase phase, String categoryId, Map<DetailType, DetailValue> details, Set<DetailType> skipped,
                        DetailType awaiting, boolean editing, List<String> faqTried, String offeredFaqId,
                        List<String> suggestions, List<String> recentTexts, Long ticketNumber, Instant updatedAt,
                        long turns, PendingRating rating, List<Attachment> attachments) {
        this(key, channel, userId, lang, langLocked, zone, phase, categoryId, details, skipped, awaiting, editing, faqTried,
                offeredFaqId, suggestions, recentTexts, ticketNumber, updatedAt, turns, rating, attachments, List.of());
    }

    /** Without attachments: for callers that build a state outside a report in progress. */
    public Conversation(String key, String channel, String userId, Lang lang, boolean langLocked, String zone,
                        Phase phase, String categoryId, Map<DetailType, DetailValue> details, Set<DetailType> skipped,
                        DetailType awaiting, boolean editing, List<String> faqTried, String offeredFaqId,
                        List<String> suggestions, List<String> recentTexts, Long ticketNumber, Instant updatedAt,
                        long turns, PendingRating rating) {
        this(key, channel, userId, lang, langLocked, zone, phase, categoryId, details, skipped, awaiting, editing, faqTried,
                offeredFaqId, suggestions, recentTexts, ticketNumber, updatedAt, turns, rating, List.of());
    }

    public static Conversation start(Inbound first, Lang lang, String zone) {
        return new Conversation(first.conversationKey(), first.channel(), first.userId(), lang, false, zone, Phase.IDLE,
                null, Map.of(), Set.of(), null, false, List.of(), null, List.of(), List.of(), null, first.time(), 0, null);
    }

    /** A rating in progress: stars first, then the weakest aspect, then an optional comment. */
    public record PendingRating(long ticketNumber, Integer stars, String weakest) {
    }

    public Builder edit() {
        return new Builder(this);
    }

    /** A mutable copy for the duration of one turn. */
    public static final class Builder {
        final String key;
        final String channel;
        final String userId;
        Lang lang;
        boolean langLocked;
        String zone;
        Phase phase;
        String categoryId;
        final Map<DetailType, DetailValue> details;
        final Set<DetailType> skipped;
        DetailType awaiting;
        boolean editing;
        final List<String> faqTried;
        String offeredFaqId;
        List<String> suggestions;
        final List<String> recentTexts;
        Long ticketNumber;
        Instant updatedAt;
        long turns;
        PendingRating rating;
        /** Files sent during the report in progress; they go to the agent with the ticket. */
        final List<Attachment> attachments;
        /** Kept across reports: an answer that did not help will not help with the next question either. */
        final List<String> faqRejected;

        private Builder(Conversation c) {
            key = c.key;
            channel = c.channel;
            userId = c.userId;
            lang = c.lang;
            langLocked = c.langLocked;
            zone = c.zone;
            phase = c.phase;
            categoryId = c.categoryId;
            details = new LinkedHashMap<>(c.details);
            skipped = new LinkedHashSet<>(c.skipped);
            awaiting = c.awaiting;
            editing = c.editing;
            faqTried = new ArrayList<>(c.faqTried);
            offeredFaqId = c.offeredFaqId;
            suggestions = c.suggestions;
            recentTexts = new ArrayList<>(c.recentTexts);
            ticketNumber = c.ticketNumber;
            updatedAt = c.updatedAt;
            turns = c.turns;
            rating = c.rating;
            attachments = new ArrayList<>(c.attachments);
            faqRejected = new ArrayList<>(c.faqRejected);
        }

        /** Back to idle, forgetting any report in progress (details, category, pending questions). */
        void resetFlow() {
            phase = Phase.IDLE;
            categoryId = null;
            details.clear();
            skipped.clear();
            awaiting = null;
            editing = false;
            offeredFaqId = null;
            suggestions = List.of();
            faqTried.clear();
            attachments.clear();
        }

        public Conversation build() {
            return new Conversation(key, channel, userId, lang, langLocked, zone, phase, categoryId, details, skipped,
                    awaiting, editing, faqTried, offeredFaqId, suggestions, recentTexts, ticketNumber, updatedAt, turns, rating,
                    attachments, faqRejected);
        }
    }
}
