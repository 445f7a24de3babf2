package supportbot.channel.telegram;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import supportbot.channel.SendFailure;
import supportbot.desk.Ticket;
import supportbot.desk.TicketEvent;
import supportbot.dialogue.Attachment;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;

/**
 * Keeps the staff forum in step with the desk: one topic per ticket, opened with the summary card and then
 * one line per ticket event, whatever surface the change came from. It follows the store's ticket feed with
 * a persisted cursor and records per ticket how far it got, so a restart resumes instead of re-posting.
 */
final class StaffMirror implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StaffMirror.class);
    static final String CURSOR = "telegram-staff.feed";
    private static final String SUPERVISOR_TOPIC = "telegram-staff:supervisors";

    /** What is already posted for one ticket. */
    record TopicState(int threadId, int cardMessageId, int eventsMirrored, boolean draftFilesSent) {
    }

    /** The reverse lookup: which ticket a topic belongs to. */
    record TopicTicket(long ticket) {
    }

    private final Store store;
    private final GroupCommitter committer;
    private final BotApi api;
    private final SendLimiter limiter;
    private final StaffCards cards;
    private final long staffChatId;
    private final Long supervisorChatId;
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running = true;

    StaffMirror(Store store, GroupCommitter committer, BotApi api, SendLimiter limiter, StaffCards cards, long staffChatId,
                Long supervisorChatId) {
        this.store = store;
        this.committer = committer;
        this.api = api;
        this.limiter = limiter;
        this.cards = cards;
        this.staffChatId = staffChatId;
        this.supervisorChatId = supervisorChatId;
        store.followTicketFeed();
        this.thread = new Thread(this::loop, "telegram-staff-mirror");
        thread.setDaemon(true);
    }

    static String stateKey(long ticket) {
        return "telegram-staff:ticket:" + ticket;
    }

    static String topicKey(long chatId, int threadId) {
        return "telegram-staff:topic:" + chatId + ":" + threadId;
    }

    StaffMirror start() {
        thread.start();
        return this;
    }

    void wake() {
        wake.release();
    }

    private void loop() {
        long backoff = 0;
        while (running) {
            try {
                wake.tryAcquire(backoff > 0 ? backoff : 2000, TimeUnit.MILLISECONDS);
                wake.drainPermits();
                pass();
                backoff = 0;
            } catch (SendFailure f) {
                backoff = f.retryAfter() != null ? f.retryAfter().toMillis() : Math.min(30_000, Math.max(500, backoff * 2));
                log.warn("staff group update deferred {} ms: {}", backoff, f.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                backoff = 5000;
                log.error("staff group mirror failed; retrying", e);
            }
        }
    }

    /** Mirrors every ticket changed since the cursor, then moves the cursor past them. */
    void pass() throws SendFailure {
        while (true) {
            long cursor = store.counter(CURSOR);
            List<long[]> changes = store.ticketFeed(cursor, 200);
            if (changes.isEmpty()) {
                return;
            }
            var tickets = new LinkedHashSet<Long>();
            changes.forEach(c -> tickets.add(c[1]));
            try {
                for (long number : tickets) {
                    store.ticket(number).ifPresent(this::mirrorQuietly);
                }
            } catch (Deferred d) {
                throw (SendFailure) d.getCause();
            }
            long last = changes.get(changes.size() - 1)[0];
            committer.submit(tx -> {
                tx.setCounter(CURSOR, last);
                tx.trimTicketFeed(last);
            }).join();
        }
    }

    private void mirrorQuietly(Ticket t) {
        try {
            mirror(t);
        } catch (SendFailure f) {
            if (f.permanent()) {
                log.error("ticket #{} cannot be shown in the staff group ({}); check the bot's rights there", t.number(),
                        f.getMessage());
                return;
            }
            throw new Deferred(f);
        }
    }

    /** A temporary failure stops the pass so the cursor stays before this ticket. */
    private static final class Deferred extends RuntimeException {
        Deferred(SendFailure cause) {
            super(cause);
        }
    }

    private void mirror(Ticket t) throws SendFailure {
        TopicState state = store.surfaceState(stateKey(t.number()), TopicState.class).orElse(null);
        if (state == null) {
            gate();
            int thread = api.createTopic(staffChatId, cards.topicName(t));
            state = new TopicState(thread, 0, 0, false);
            save(t.number(), state);
        }
        if (state.cardMessageId() == 0) {
            gate();
            int card = api.sendHtml(staffChatId, state.threadId(), cards.card(t), cards.buttons(t));
            state = new TopicState(state.threadId(), card, state.eventsMirrored(), false);
            save(t.number(), state);
        }
        if (!state.draftFilesSent()) {
            sendFiles(state.threadId(), t.draft().attachments(), "sent with the report");
            state = new TopicState(state.threadId(), state.cardMessageId(), state.eventsMirrored(), true);
            save(t.number(), state);
        }
        boolean cardChanged = false;
        List<TicketEvent> events = t.events();
        for (int i = state.eventsMirrored(); i < events.size(); i++) {
            TicketEvent e = events.get(i);
            String line = cards.event(e);
            if (line != null) {
                gate();
                api.sendHtml(staffChatId, state.threadId(), line, null);
                sendFiles(state.threadId(), e.attachments(), null);
            }
            if (StaffCards.reachesSupervisors(e, t)) {
                alertSupervisors(t, e, state.threadId());
            }
            cardChanged |= StaffCards.changesCard(e);
            state = new TopicState(state.threadId(), state.cardMessageId(), i + 1, true);
            save(t.number(), state);
        }
        if (cardChanged) {
            try {
                gate();
                api.editHtml(staffChatId, state.cardMessageId(), cards.card(t), cards.buttons(t));
            } catch (SendFailure f) {
                if (f.retryAfter() != null) {
                    throw f;
                }
                log.debug("card of #{} not updated: {}", t.number(), f.getMessage());
            }
        }
    }

    private void sendFiles(int thread, List<Attachment> files, String caption) throws SendFailure {
        for (Attachment a : files) {
            Path p = Path.of(a.ref());
            if (Files.isRegularFile(p)) {
                gate();
                api.sendFile(staffChatId, thread, p, a.fileName(), caption);
            }
        }
    }

    private void alertSupervisors(Ticket t, TicketEvent why, int ticketThread) throws SendFailure {
        String link = topicLink(ticketThread);
        if (supervisorChatId != null) {
            gate();
            api.sendHtml(supervisorChatId, null, cards.supervisorAlert(t, why, link), cards.buttons(t));
            return;
        }
        var existing = store.surfaceState(SUPERVISOR_TOPIC, TopicState.class);
        int thread;
        if (existing.isPresent()) {
            thread = existing.get().threadId();
        } else {
            gate();
            thread = api.createTopic(staffChatId, "⚠️ Supervisors");
            var state = new TopicState(thread, 0, 0, true);
            committer.submit(tx -> tx.putSurfaceState(SUPERVISOR_TOPIC, state)).join();
        }
        gate();
        api.sendHtml(staffChatId, thread, cards.supervisorAlert(t, why, link), null);
    }

    /** t.me/c/ links work for members of a supergroup: its id without the -100 prefix. */
    private String topicLink(int thread) {
        String id = Long.toString(staffChatId);
        return id.startsWith("-100") ? "https://t.me/c/" + id.substring(4) + "/" + thread : null;
    }

    private void gate() throws SendFailure {
        RateGate.pass(limiter, staffChatId, java.time.Duration.ofSeconds(5));
    }

    private void save(long ticket, TopicState state) {
        committer.submit(tx -> {
            tx.putSurfaceState(stateKey(ticket), state);
            tx.putSurfaceState(topicKey(staffChatId, state.threadId()), new TopicTicket(ticket));
        }).join();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
