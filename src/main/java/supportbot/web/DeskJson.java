package supportbot.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import supportbot.desk.SlaStatus;
import supportbot.ticket.Ticket;
import supportbot.ticket.TicketEvent;
import supportbot.dialogue.Attachment;
import supportbot.dialogue.Button;
import supportbot.store.TranscriptLine;

/** The desk API's response bodies, as they go over the wire. */
final class DeskJson {
    private DeskJson() {
    }

    /** A ticket as lists and actions show it. */
    /** @param categoryName per language code ("en", "zh"): what agents read instead of the id */
    record Summary(long id, String status, long version, String tier, String assignee, String category, int priority, boolean urgent,
                   String lang, String channel, String openedAt, Integer rating, boolean alert, Map<String, String> categoryName,
                   List<String> labels) {
        static Summary of(Ticket t, TicketLabels labels) {
            return new Summary(t.number(), t.status().label(), t.version(), t.tier().name().toLowerCase(Locale.ROOT), t.assignee(),
                    t.draft().categoryId(), t.draft().priority(), t.draft().urgent(), t.draft().lang().code(),
                    t.draft().channel(), t.openedAt().toString(), t.rating() == null ? null : t.rating().stars(),
                    t.rating() != null && t.rating().bad(), labels.categoryNames(t.draft().categoryId()),
                    List.copyOf(t.labels()));
        }
    }

    /**
     * @param outcome       "met" or "missed" once resolved, null while the clock runs
     * @param marginSeconds with an outcome: seconds to spare (met) or seconds late (missed)
     */
    record Sla(Instant firstResponseDue, Instant nextResponseDue, Instant resolutionDue, List<String> breached,
               Instant resolvedAt, String outcome, Long marginSeconds) {
        static Sla of(SlaStatus due) {
            var outcome = due.outcome();
            return new Sla(due.firstResponseDue(), due.nextResponseDue(), due.resolutionDue(),
                    due.breaches().stream().map(b -> b.name().toLowerCase(Locale.ROOT)).toList(), due.resolvedAt(),
                    outcome.map(o -> o.met() ? "met" : "missed").orElse(null),
                    outcome.map(o -> o.margin().getSeconds()).orElse(null));
        }
    }

    record Listed(@JsonUnwrapped Summary summary, Sla sla) {
    }

    record TicketList(List<Listed> tickets) {
    }

    record Detail(String value, String display) {
    }

    /** Attachments without their server path: the browser gets names, not our file system. */
    record File(String fileName, String contentType, long size) {
        static List<File> of(List<Attachment> attachments) {
            return attachments.stream().map(a -> new File(a.fileName(), a.contentType(), a.size())).toList();
        }
    }

    record Event(Instant at, String actor, String type, String text, List<File> attachments) {
        static Event of(TicketEvent e) {
            return new Event(e.at(), e.actor(), e.type().label(), e.text(), File.of(e.attachments()));
        }
    }

    record Line(long seq, String from, String text, List<Button> buttons, List<File> attachments, Instant time, String by) {
        static Line of(TranscriptLine l) {
            return new Line(l.seq(), l.from(), l.text(), l.buttons(), File.of(l.attachments()), l.time(), l.by());
        }
    }

    /**
     * One ticket with everything the agent needs to act on it.
     *
     * @param complaint    who, which ticket and when a complaint is about; null for other tickets
     * @param ratingDetail the user's whole rating; the summary's {@code rating} is its stars only
     */
    record Full(@JsonUnwrapped Summary summary, Map<String, Detail> details, List<String> faqTried, String reason,
                List<Event> events, List<Line> transcript, Sla sla, ComplaintView complaint, RatingView ratingDetail) {
    }

    /** Each part null when the user did not name it. */
    record ComplaintView(String agent, Long ticket, String time) {
        static ComplaintView of(supportbot.dialogue.Complaint c) {
            return c == null ? null : new ComplaintView(c.agent(), c.ticketNumber(), c.time());
        }
    }

    /** @param weakest attitude, speed, clarity or solved; null when skipped or not asked (5 stars) */
    record RatingView(int stars, String weakest, String comment, Instant at) {
        static RatingView of(supportbot.ticket.TicketRating r) {
            return r == null ? null : new RatingView(r.stars(), r.weakest(), r.comment(), r.at());
        }
    }

    record WhoAmI(String agent, String role, String csrf) {
    }

    /** A Telegram update (or another connector's) set aside after it kept failing, for supervisors to replay. */
    record DeadLetterView(String id, String channel, String status, String reason, int attempts, Instant at,
                          Instant changedAt, String payload) {
        static DeadLetterView of(supportbot.channel.DeadLetters.DeadLetter l) {
            return new DeadLetterView(l.id(), l.channel(), l.status(), l.reason(), l.attempts(), l.at(), l.changedAt(),
                    l.payload());
        }
    }

    record DeadLetterList(List<DeadLetterView> deadLetters) {
    }

    record Replay(String id, String status) {
    }

    record Version(long version) {
    }

    /** A category as the desk names it: its id for filters, its name per language code for people. */
    record CategoryName(String id, Map<String, String> names) {
    }
}
