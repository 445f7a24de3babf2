package supportbot.channel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import supportbot.ticket.Ticket;
import supportbot.ticket.TicketEvent;
import supportbot.ticket.TicketStatus;
import supportbot.ticket.Tier;
import supportbot.dialogue.Attachment;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;

/**
 * Keeps a {@link StaffSurface} in step with the desk: it follows the store's ticket feed with a persisted
 * cursor and records per ticket how far it got, so a restart resumes instead of re-posting, and every change
 * shows up whatever surface it came from (the web desk, the API, another chat app, the scheduler).
 */
public final class StaffFeed implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StaffFeed.class);
    private static final Set<TicketEvent.Type> CARD_CHANGES = java.util.EnumSet.of(
            TicketEvent.Type.CLAIMED, TicketEvent.Type.ASSIGNED, TicketEvent.Type.TRANSFERRED,
            TicketEvent.Type.RESOLVED, TicketEvent.Type.REOPENED, TicketEvent.Type.ESCALATED,
            TicketEvent.Type.SLA_BREACH, TicketEvent.Type.DETAIL, TicketEvent.Type.RATING, TicketEvent.Type.ERASED,
            TicketEvent.Type.AUTO_CLOSED, TicketEvent.Type.BANNED, TicketEvent.Type.UNBANNED);

    /**
     * What is already posted for one ticket.
     *
     * @param relayed by event index, the message ids of recent lines that quote the user: if what they quoted
     *                turns out to be a piece of a recovery phrase, those copies are edited (see {@link #RELAYED_KEPT})
     * @param cardRedactions redaction markers in the ticket's details when the card was last drawn
     */
    public record PlaceState(long place, long card, int eventsMirrored, boolean filesSent, Map<Integer, List<Long>> relayed,
                             int cardRedactions) {
        public PlaceState {
            relayed = relayed == null ? Map.of() : Map.copyOf(relayed);
        }

        public PlaceState(long place, long card, int eventsMirrored, boolean filesSent) {
            this(place, card, eventsMirrored, filesSent, Map.of(), 0);
        }

        PlaceState(long place, long card, int eventsMirrored, boolean filesSent, Map<Integer, List<Long>> relayed) {
            this(place, card, eventsMirrored, filesSent, relayed, 0);
        }

        PlaceState withRelayed(Map<Integer, List<Long>> ids) {
            return new PlaceState(place, card, eventsMirrored, filesSent, ids, cardRedactions);
        }

        PlaceState withCardRedactions(int n) {
            return new PlaceState(place, card, eventsMirrored, filesSent, relayed, n);
        }
    }

    /** A phrase's pieces arrive within minutes, so only the last lines that quote the user need their ids kept. */
    static final int RELAYED_KEPT = 30;

    /** The reverse lookup: which ticket a place belongs to. */
    public record PlaceTicket(long ticket) {
    }

    private final Store store;
    private final GroupCommitter committer;
    private final StaffSurface surface;
    private final WakeLoop loop;
    private int failures;
    private supportbot.dialogue.Messages messages;

    /** With the bot's texts, a resolved ticket's place gets the conversation's transcript as a file. */
    public StaffFeed withTranscripts(supportbot.dialogue.Messages messages) {
        this.messages = messages;
        return this;
    }

    public StaffFeed(Store store, GroupCommitter committer, StaffSurface surface) {
        this.store = store;
        this.committer = committer;
        this.surface = surface;
        store.followTicketFeed(surface.name());
        this.loop = new WakeLoop(surface.name() + "-feed", Duration.ofSeconds(2), this::passOrWait);
    }

    /** The ticket a surface's place (topic, thread) belongs to. */
    public static Optional<Long> ticketOf(Store store, String surface, long place) {
        return store.surfaceState(placeKey(surface, place), PlaceTicket.class).map(PlaceTicket::ticket);
    }

    public static Optional<PlaceState> placeOf(Store store, String surface, long ticket) {
        return store.surfaceState(stateKey(surface, ticket), PlaceState.class);
    }

    static String stateKey(String surface, long ticket) {
        return surface + ":ticket:" + ticket;
    }

    static String placeKey(String surface, long place) {
        return surface + ":place:" + place;
    }

    public StaffFeed start() {
        loop.start();
        return this;
    }

    public void wake() {
        loop.wake();
    }

    /** One pass for the loop: a temporary failure waits as long as the platform asked, or backs off. */
    private Duration passOrWait() {
        try {
            pass();
            failures = 0;
            return Duration.ZERO;
        } catch (SendFailure f) {
            failures++;
            Duration wait = f.retryAfter() != null ? f.retryAfter() : Duration.ofMillis(Math.min(30_000, 500L << Math.min(6, failures)));
            log.warn("{} update deferred {} ms: {}", surface.name(), wait.toMillis(), f.getMessage());
            return wait;
        }
    }

    /** Mirrors every ticket changed since the cursor, then moves the cursor past them. */
    public void pass() throws SendFailure {
        String cursorName = Store.feedCursor(surface.name());
        while (true) {
            long cursor = store.counter(cursorName);
            List<long[]> changes = store.ticketFeed(cursor, 200);
            if (changes.isEmpty()) {
                return;
            }
            var tickets = new LinkedHashSet<Long>();
            changes.forEach(c -> tickets.add(c[1]));
            for (long number : tickets) {
                if (loop.closing()) {
                    return; // the cursor stays: the rest is mirrored after the restart
                }
                Optional<Ticket> t = store.ticket(number);
                if (t.isPresent()) {
                    try (var scope = supportbot.logging.LogContext.of(t.get().draft().conversationKey(), number)) {
                        mirrorOrSkip(t.get());
                    }
                }
            }
            long last = changes.get(changes.size() - 1)[0];
            committer.submit(tx -> {
                tx.setCounter(cursorName, last);
                tx.trimTicketFeed();
            }).join();
        }
    }

    private void mirrorOrSkip(Ticket t) throws SendFailure {
        try {
            mirror(t);
        } catch (SendFailure f) {
            if (!f.permanent()) {
                throw f; // the cursor stays before this ticket
            }
            log.error("ticket #{} cannot be shown on {} ({}); check the bot's rights there", t.number(), surface.name(),
                    f.getMessage());
        }
    }

    private void mirror(Ticket t) throws SendFailure {
        PlaceState state = placeOf(store, surface.name(), t.number()).orElse(null);
        if (state == null) {
            state = new PlaceState(surface.openPlace(t), 0, 0, false);
            save(t.number(), state);
        }
        if (state.card() == 0) {
            state = new PlaceState(state.place(), surface.postCard(state.place(), t), state.eventsMirrored(), false,
                    state.relayed(), redactions(t));
            save(t.number(), state);
        }
        if (!state.filesSent()) {
            surface.postFiles(state.place(), existing(t.draft().attachments()), "sent with the report");
            state = new PlaceState(state.place(), state.card(), state.eventsMirrored(), true, state.relayed(),
                    state.cardRedactions());
            save(t.number(), state);
        }
        List<TicketEvent> events = t.events();
        boolean cardChanged = false;
        int cardRedactions = redactions(t);
        if (cardRedactions > state.cardRedactions()) {
            // A detail the card shows (the description...) held a piece of a phrase: the card is drawn again.
            cardChanged = true;
            state = state.withCardRedactions(cardRedactions);
            save(t.number(), state);
        }
        for (var relayed : state.relayed().entrySet()) {
            int i = relayed.getKey();
            if (i < events.size() && redacted(events.get(i))) {
                // The line quoted a piece of a recovery phrase that the inbox has since removed from the ticket.
                surface.redactEvent(state.place(), relayed.getValue(), t, events.get(i));
                var rest = new java.util.HashMap<>(state.relayed());
                rest.remove(i);
                state = state.withRelayed(rest);
                save(t.number(), state);
                cardChanged = true;
            }
        }
        for (int i = state.eventsMirrored(); i < events.size(); i++) {
            TicketEvent e = events.get(i);
            List<Long> ids = surface.relayEvent(state.place(), t, e);
            surface.postFiles(state.place(), existing(e.attachments()), null);
            if (messages != null && e.type() == TicketEvent.Type.RESOLVED) {
                // Built from the stored lines, redacted before they were stored: the staff copy holds no secret.
                surface.postTranscript(state.place(), t, TranscriptText.of(store, messages, t.draft().conversationKey()));
            }
            if (reachesSupervisors(e, t)) {
                surface.alertSupervisors(t, e, state.place());
            }
            cardChanged |= CARD_CHANGES.contains(e.type());
            var relayed = new java.util.TreeMap<>(state.relayed());
            if (!ids.isEmpty() && "user".equals(e.actor()) && e.text() != null && !redacted(e)) {
                relayed.put(i, ids);
            }
            while (relayed.size() > RELAYED_KEPT) {
                relayed.pollFirstEntry();
            }
            state = new PlaceState(state.place(), state.card(), i + 1, true, relayed, state.cardRedactions());
            save(t.number(), state);
        }
        if (cardChanged) {
            try {
                surface.updateCard(state.place(), state.card(), t);
            } catch (SendFailure f) {
                if (f.retryAfter() != null) {
                    throw f;
                }
                log.debug("card of #{} not updated: {}", t.number(), f.getMessage());
            }
        }
    }

    private static int redactions(Ticket t) {
        int n = 0;
        for (var v : t.draft().details().values()) {
            String value = v.value() == null ? "" : v.value();
            for (int at = value.indexOf(supportbot.safety.SecretDetector.REDACTION); at >= 0;
                 at = value.indexOf(supportbot.safety.SecretDetector.REDACTION, at + 1)) {
                n++;
            }
        }
        return n;
    }

    private static boolean redacted(TicketEvent e) {
        return e.text() != null && e.text().contains(supportbot.safety.SecretDetector.REDACTION);
    }

    static boolean reachesSupervisors(TicketEvent e, Ticket after) {
        return after.tier() == Tier.SUPERVISOR
                && (e.type() == TicketEvent.Type.ESCALATED || e.type() == TicketEvent.Type.SLA_BREACH && after.status() == TicketStatus.QUEUED
                || e.type() == TicketEvent.Type.OPENED);
    }

    private static List<Attachment> existing(List<Attachment> files) {
        return files.stream().filter(a -> Files.isRegularFile(Path.of(a.ref()))).toList();
    }

    private void save(long ticket, PlaceState state) {
        committer.submit(tx -> {
            tx.putSurfaceState(stateKey(surface.name(), ticket), state);
            tx.putSurfaceState(placeKey(surface.name(), state.place()), new PlaceTicket(ticket));
        }).join();
    }

    @Override
    public void close() {
        loop.close();
    }
}
