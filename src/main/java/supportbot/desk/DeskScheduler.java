package supportbot.desk;

import supportbot.ticket.Ticket;
import supportbot.ticket.TicketEvent;
import supportbot.ticket.TicketStatus;
import supportbot.ticket.Tier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import supportbot.dialogue.DeskEvent;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;

/**
 * Keeps tickets from being forgotten: escalates on a missed service level, follows up with a queued user
 * when nothing happens, reminds a user an agent is waiting for, and closes what the user abandoned. Each
 * fires once per occasion (the ticket's history says what was done). {@link #tick()} does one pass with the
 * injected clock, so tests drive it minute by minute.
 */
public final class DeskScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeskScheduler.class);

    private final Store store;
    private final GroupCommitter committer;
    private final ConversationLanes inbox;
    private final DeskSettings settings;
    private final DeskQueue queue;
    private final Clock clock;
    private ScheduledExecutorService timer;
    private AutoAssigner autoAssigner;

    public DeskScheduler(Store store, GroupCommitter committer, ConversationLanes inbox, DeskSettings settings, DeskQueue queue,
                         Clock clock) {
        this.store = store;
        this.committer = committer;
        this.inbox = inbox;
        this.settings = settings;
        this.queue = queue;
        this.clock = clock;
    }

    /** Also hand queued tickets to agents on every pass. */
    public DeskScheduler autoAssign(AutoAssigner assigner) {
        this.autoAssigner = assigner;
        return this;
    }

    public DeskScheduler start(Duration every) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "desk-scheduler");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                tick();
            } catch (RuntimeException e) {
                log.error("desk scheduler pass failed; next pass in {}", every, e);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** @return how many tickets were acted on */
    public int tick() {
        Instant now = clock.instant();
        int acted = 0;
        for (Ticket t : store.tickets()) {
            try (var scope = supportbot.logging.LogContext.of(t.draft().conversationKey(), t.number())) {
                if (t.status().open() && (slaBreach(t, now) || followUp(t, now) || waitingUser(t, now))) {
                    acted++;
                }
            }
        }
        if (autoAssigner != null) {
            acted += autoAssigner.assign(store.tickets(), now, a -> committer.submit(tx -> tx.updateTicket(a.ticketNumber(),
                    t -> t.status() == TicketStatus.QUEUED
                            ? t.with(TicketStatus.ASSIGNED, t.tier(), a.agent(), new TicketEvent(now, "bot", TicketEvent.Type.ASSIGNED, a.agent()))
                            : t)).join());
        }
        return acted;
    }

    private boolean slaBreach(Ticket t, Instant now) {
        SlaStatus sla = settings.sla().evaluate(t, now);
        Optional<SlaStatus.BreachKind> fresh = sla.breaches().stream()
                .filter(kind -> t.events().stream().noneMatch(e -> e.type() == TicketEvent.Type.SLA_BREACH && kind.name().equals(e.text())))
                .findFirst();
        if (fresh.isEmpty()) {
            return false;
        }
        String kind = fresh.get().name();
        boolean metLate = fresh.get() == SlaStatus.BreachKind.FIRST_RESPONSE && sla.firstRespondedAt() != null
                || fresh.get() == SlaStatus.BreachKind.RESOLUTION && sla.resolvedAt() != null;
        if (metLate) {
            // Answered after the due time but before this pass saw it: recorded for the numbers, nobody to alarm.
            committer.submit(tx -> tx.updateTicket(t.number(), x -> x.withEvent(new TicketEvent(now, "bot", TicketEvent.Type.SLA_BREACH, kind))))
                    .join();
            return true;
        }
        log.warn("ticket #{} missed its {} target; escalating to supervisors", t.number(), kind);
        UnaryOperator<Ticket> change = x -> x.with(TicketStatus.QUEUED, Tier.SUPERVISOR, null,
                new TicketEvent(now, "bot", TicketEvent.Type.SLA_BREACH, kind));
        Ticket escalated = change.apply(t);
        tell(t, DeskEvent.Kind.SLA_BREACH, change, queue.forTicket(escalated), now);
        return true;
    }

    private boolean followUp(Ticket t, Instant now) {
        if (t.status() != TicketStatus.QUEUED) {
            return false;
        }
        TicketEvent last = t.events().get(t.events().size() - 1);
        // One follow-up per quiet spell: after it, only a real change earns the user another message.
        if (last.type() == TicketEvent.Type.FOLLOW_UP || now.isBefore(last.at().plus(settings.followUp().after()))) {
            return false;
        }
        tell(t, DeskEvent.Kind.FOLLOW_UP, x -> x.withEvent(new TicketEvent(now, "bot", TicketEvent.Type.FOLLOW_UP, null)),
                queue.forTicket(t), now);
        return true;
    }

    private boolean waitingUser(Ticket t, Instant now) {
        if (t.status() != TicketStatus.WAITING_USER) {
            return false;
        }
        Optional<TicketEvent> lastReply = t.events().stream().filter(e -> e.type() == TicketEvent.Type.REPLY).reduce((a, b) -> b);
        if (lastReply.isEmpty()) {
            return false;
        }
        Instant since = lastReply.get().at();
        var waiting = settings.waitingUser();
        if (!now.isBefore(since.plus(waiting.autoCloseAfter()))) {
            tell(t, DeskEvent.Kind.AUTO_CLOSED, x -> x.with(TicketStatus.CLOSED, x.tier(), x.assignee(),
                    new TicketEvent(now, "bot", TicketEvent.Type.AUTO_CLOSED, null)), null, now);
            return true;
        }
        boolean reminded = t.events().stream().anyMatch(e -> e.type() == TicketEvent.Type.REMINDER && !e.at().isBefore(since));
        if (!reminded && !now.isBefore(since.plus(waiting.reminderAfter()))) {
            tell(t, DeskEvent.Kind.REMINDER, x -> x.withEvent(new TicketEvent(now, "bot", TicketEvent.Type.REMINDER, null)), null, now);
            return true;
        }
        return false;
    }

    /**
     * The change applies only to the ticket this pass looked at: if an agent or the user changed it meanwhile,
     * nothing is written or said, and the next pass decides again on what is committed.
     */
    private void tell(Ticket t, DeskEvent.Kind kind, UnaryOperator<Ticket> change, supportbot.dialogue.TicketDirectory.QueueInfo info,
                      Instant now) {
        var d = t.draft();
        try {
            inbox.submit(new DeskEvent(d.channel(), d.conversationKey(), d.number(), kind, null, null, now, info),
                    tx -> tx.updateTicket(d.number(), unchangedSince(t, change))).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (!(e.getCause() instanceof DeskException)) {
                throw e;
            }
            log.info("ticket #{} changed while the scheduler looked at it; {} left to the next pass", d.number(), kind);
        }
    }

    private static UnaryOperator<Ticket> unchangedSince(Ticket seen, UnaryOperator<Ticket> change) {
        return committed -> {
            if (committed.version() != seen.version()) {
                throw new DeskException(409, "ticket #" + seen.number() + " changed meanwhile");
            }
            return change.apply(committed);
        };
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
