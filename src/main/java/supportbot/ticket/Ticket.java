package supportbot.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import supportbot.dialogue.TicketDraft;

/** A ticket as the desk keeps it: what the bot collected, where it stands, and everything that happened. */
public record Ticket(TicketDraft draft, TicketStatus status, Tier tier, String assignee, List<TicketEvent> events,
                     TicketRating rating) {
    public Ticket {
        events = List.copyOf(events);
    }

    public static Ticket open(TicketDraft draft) {
        Tier tier = draft.reason().equals("complaint") || draft.reason().equals("supervisor") ? Tier.SUPERVISOR : Tier.AGENT;
        return new Ticket(draft, TicketStatus.QUEUED, tier, null,
                List.of(new TicketEvent(draft.openedAt(), "bot", TicketEvent.Type.OPENED, draft.reason())), null);
    }

    /** Who and what a complaint is about, as fields; null when this ticket is no complaint. */
    public supportbot.dialogue.Complaint complaint() {
        return draft.complaint();
    }

    public long number() {
        return draft.number();
    }

    /** Grows with every change, since each one adds an event: what a desk client's compare-and-set compares. */
    public long version() {
        return events.size();
    }

    public Ticket with(TicketStatus newStatus, Tier newTier, String newAssignee, TicketEvent event) {
        var all = new ArrayList<>(events);
        all.add(event);
        return new Ticket(draft, newStatus, newTier, newAssignee, all, rating);
    }

    public Ticket withEvent(TicketEvent event) {
        return with(status, tier, assignee, event);
    }

    /** The user's rating, with an alert event for supervisors when it is bad. */
    public Ticket rated(TicketRating given) {
        var all = new ArrayList<>(events);
        all.add(new TicketEvent(given.at(), "user", TicketEvent.Type.RATING, given.stars() + "★"
                + (given.weakest() == null ? "" : " weakest: " + given.weakest())
                + (given.comment() == null ? "" : " — " + given.comment())));
        if (given.bad()) {
            all.add(new TicketEvent(given.at(), "bot", TicketEvent.Type.ALERT, "bad rating for " + (assignee == null ? "the desk" : assignee)));
        }
        return new Ticket(draft, status, tier, assignee, all, given);
    }

    /** A detail the agent asked for and the bot collected, added to what the agent sees. */
    public Ticket withDetail(supportbot.dialogue.details.DetailValue value, List<supportbot.dialogue.Attachment> attachments,
                             Instant at) {
        var details = new java.util.LinkedHashMap<>(draft.details());
        details.put(value.type(), value);
        var updated = draft.withDetails(details);
        var all = new ArrayList<>(events);
        all.add(new TicketEvent(at, "user", TicketEvent.Type.DETAIL, value.type().key() + ": " + value.value(), attachments));
        return new Ticket(updated, status == TicketStatus.WAITING_USER ? TicketStatus.ASSIGNED : status, tier, assignee, all, rating);
    }

    /**
     * The user asked to be forgotten: what they wrote and sent goes, the ticket's shape (number, category,
     * times, who handled it) stays for the statistics, and an open ticket closes.
     */
    public Ticket erased(Instant at) {
        return erased(at, "user");
    }

    /** @param by "user" for /forget, "retention" when the retention period ran out */
    public Ticket erased(Instant at, String by) {
        var d = draft;
        var blank = new TicketDraft(d.number(), d.channel(), d.conversationKey(), null, d.categoryId(), d.priority(),
                d.urgent(), d.reason(), d.lang(), java.util.Map.of(), d.faqTried(), d.openedAt(), List.of(), d.complaint());
        var kept = new ArrayList<TicketEvent>();
        for (TicketEvent e : events) {
            // "merged-in" holds a copy of a duplicate's messages and notes: it goes with them.
            boolean personal = e.actor().equals("user") || e.type() == TicketEvent.Type.REPLY || e.type() == TicketEvent.Type.NOTE
                    || e.type() == TicketEvent.Type.MERGED_IN;
            kept.add(personal && e.text() != null ? new TicketEvent(e.at(), e.actor(), e.type(), ERASED) : e);
        }
        kept.add(new TicketEvent(at, by, TicketEvent.Type.ERASED, null));
        TicketRating r = rating == null ? null : new TicketRating(rating.stars(), rating.weakest(), null, rating.at());
        return new Ticket(blank, status.open() ? TicketStatus.CLOSED : status, tier, assignee, kept, r);
    }

    public static final String ERASED = "[erased]";

    /** Labels as the "labelled" and "unlabelled" events left them, in the order first added. */
    public java.util.Set<String> labels() {
        var labels = new java.util.LinkedHashSet<String>();
        for (TicketEvent e : events) {
            if (e.type() == TicketEvent.Type.LABELLED) {
                labels.add(e.text());
            } else if (e.type() == TicketEvent.Type.UNLABELLED) {
                labels.remove(e.text());
            }
        }
        return labels;
    }

    public Ticket withPriority(int priority, TicketEvent event) {
        var d = draft;
        var changed = new TicketDraft(d.number(), d.channel(), d.conversationKey(), d.userId(), d.categoryId(), priority,
                d.urgent(), d.reason(), d.lang(), d.details(), d.faqTried(), d.openedAt(), d.attachments());
        var all = new ArrayList<>(events);
        all.add(event);
        return new Ticket(changed, status, tier, assignee, all, rating);
    }

    /**
     * Takes in a duplicate of this ticket: the details this one lacks, and one event carrying what happened on the
     * duplicate (its messages, replies, notes and files), so the agent reads the whole story in one place.
     */
    public Ticket mergedFrom(Ticket duplicate, String by, Instant at) {
        var details = new java.util.LinkedHashMap<>(draft.details());
        duplicate.draft().details().forEach(details::putIfAbsent);
        var story = new StringBuilder("#" + duplicate.number());
        var files = new ArrayList<supportbot.dialogue.Attachment>(duplicate.draft().attachments());
        for (TicketEvent e : duplicate.events()) {
            if (e.text() != null && !e.text().isBlank()) {
                story.append("\n").append(e.actor()).append(" (").append(e.type().label()).append("): ").append(e.text());
            }
            files.addAll(e.attachments());
        }
        var all = new ArrayList<>(events);
        all.add(new TicketEvent(at, by, TicketEvent.Type.MERGED_IN, story.toString(), files));
        return new Ticket(draft.withDetails(details), status, tier, assignee, all, rating);
    }

    public Instant openedAt() {
        return draft.openedAt();
    }
}
