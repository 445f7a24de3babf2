package supportbot.desk;

import supportbot.ticket.Ticket;
import supportbot.ticket.TicketEvent;
import supportbot.ticket.TicketStatus;
import supportbot.ticket.Tier;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import supportbot.dialogue.DeskEvent;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;

/**
 * The human desk: lists tickets in queue order and carries out agent actions. Changes the user must hear
 * about go through the conversation's inbox lane, committed together with the ticket's change.
 */
public final class DeskService {
    public static final int MAX_TEXT_CHARS = 4000;

    private final Store store;
    private final GroupCommitter committer;
    private final ConversationLanes inbox;
    private final AgentDirectory agents;
    private final Clock clock;
    private final SavedReplies savedReplies;

    public DeskService(Store store, GroupCommitter committer, ConversationLanes inbox, AgentDirectory agents, Clock clock) {
        this(store, committer, inbox, agents, clock, SavedReplies.none());
    }

    /** @param savedReplies what the staff "/r name" command sends */
    public DeskService(Store store, GroupCommitter committer, ConversationLanes inbox, AgentDirectory agents, Clock clock,
                       SavedReplies savedReplies) {
        this.savedReplies = savedReplies;
        this.store = store;
        this.committer = committer;
        this.inbox = inbox;
        this.agents = agents;
        this.clock = clock;
    }

    /** Open tickets first by priority then age; the agent sees only what their role may see. */
    public List<Ticket> list(Agent agent, Optional<TicketStatus> status) {
        return store.tickets().stream()
                .filter(t -> status.map(s -> t.status() == s).orElse(true))
                .filter(t -> t.tier() == Tier.AGENT || agent.supervisor())
                .sorted(Comparator.comparing((Ticket t) -> !t.status().open()).thenComparing(DeskQueue.ORDER))
                .toList();
    }

    public Ticket get(Agent agent, long number) {
        Ticket ticket = store.ticket(number).orElseThrow(() -> DeskException.notFound(number));
        DeskPolicy.checkView(agent, ticket);
        return ticket;
    }

    public Ticket act(Agent agent, long number, DeskAction action) {
        return act(agent, number, action, null);
    }

    /**
     * Checks the action against the ticket as read now (a clear refusal early), then again inside the
     * transaction that changes it, against the committed ticket: of two agents racing, exactly one wins and
     * the other gets a 409 naming who holds the ticket.
     *
     * @param expectedVersion the {@link Ticket#version()} the agent acted on, or null for "whatever it is now"
     */
    public Ticket act(Agent agent, long number, DeskAction action, Long expectedVersion) {
        try (var scope = supportbot.logging.LogContext.ticket(number)) {
            return acted(agent, number, action, expectedVersion);
        }
    }

    private Ticket acted(Agent agent, long number, DeskAction action, Long expectedVersion) {
        Ticket ticket = store.ticket(number).orElseThrow(() -> DeskException.notFound(number));
        if (action instanceof DeskAction.SavedReply saved) {
            SavedReply reply = savedReplies.byName(saved.name().strip()).orElseThrow(() -> new DeskException(400,
                    "no saved reply named '" + saved.name().strip() + "' (the desk lists them all)"));
            action = new DeskAction.Reply(SavedReplyText.render(reply, ticket));
        }
        DeskPolicy.check(agent, ticket, action);
        var now = clock.instant();
        String who = agent.name();
        var guard = new Guard(agent, ticket, action, expectedVersion);
        if (action instanceof DeskAction.Claim) {
            if (who.equals(ticket.assignee())) {
                return ticket; // already theirs: a second click is not a second claim
            }
            change(number, guard.then(t -> t.with(TicketStatus.ASSIGNED, t.tier(), who,
                    new TicketEvent(now, who, TicketEvent.Type.CLAIMED, null))));
        } else if (action instanceof DeskAction.Note n) {
            String text = text(n.text());
            change(number, guard.then(t -> t.withEvent(new TicketEvent(now, who, TicketEvent.Type.NOTE, text))));
        } else if (action instanceof DeskAction.Transfer tr) {
            Agent target = agents.byName(tr.agent()).orElseThrow(() -> new DeskException(400, "no agent named '" + tr.agent() + "'"));
            if (ticket.tier() == Tier.SUPERVISOR && !target.supervisor()) {
                throw new DeskException(400, "ticket #" + number + " is escalated; transfer it to a supervisor");
            }
            change(number, guard.then(t -> t.with(TicketStatus.ASSIGNED, t.tier(), target.name(),
                    new TicketEvent(now, who, TicketEvent.Type.TRANSFERRED, target.name()))));
        } else if (action instanceof DeskAction.Reply r) {
            String text = r.attachments().isEmpty() || (r.text() != null && !r.text().isBlank()) ? text(r.text()) : "";
            String logged = (text + " " + r.attachments().stream().map(a -> "[file: " + a.fileName() + "]")
                    .collect(java.util.stream.Collectors.joining(" "))).strip();
            String faqId = r.faqId() == null || r.faqId().isBlank() ? null : r.faqId().strip();
            tell(ticket, DeskEvent.Kind.AGENT_REPLY, who, text, r.attachments(), guard.then(t -> {
                var replied = t.with(TicketStatus.WAITING_USER, t.tier(), t.assignee() == null ? who : t.assignee(),
                        new TicketEvent(now, who, TicketEvent.Type.REPLY, logged));
                // Kept as its own event so the knowledge-gap report can count FAQ answers agents reused.
                return faqId == null ? replied : replied.withEvent(new TicketEvent(now, who, TicketEvent.Type.ASSIST, faqId));
            }));
        } else if (action instanceof DeskAction.Label l) {
            String label = DeskLabels.check(l.label());
            boolean has = ticket.labels().contains(label);
            if (has != l.add()) {
                change(number, guard.then(t -> t.withEvent(new TicketEvent(now, who, l.add() ? TicketEvent.Type.LABELLED : TicketEvent.Type.UNLABELLED, label))));
            }
        } else if (action instanceof DeskAction.Prioritise p) {
            if (p.priority() < 1 || p.priority() > 4) {
                throw new DeskException(400, "\"priority\" must be 1 (most urgent) to 4");
            }
            if (p.priority() != ticket.draft().priority()) {
                change(number, guard.then(t -> t.withPriority(p.priority(),
                        new TicketEvent(now, who, TicketEvent.Type.PRIORITY, t.draft().priority() + " → " + p.priority()))));
            }
        } else if (action instanceof DeskAction.Resolve) {
            tell(ticket, DeskEvent.Kind.RESOLVED, who, null, guard.then(
                    t -> t.with(TicketStatus.RESOLVED, t.tier(), t.assignee(), new TicketEvent(now, who, TicketEvent.Type.RESOLVED, null))));
        } else if (action instanceof DeskAction.Reopen) {
            tell(ticket, DeskEvent.Kind.REOPENED, who, null, guard.then(
                    t -> t.with(TicketStatus.ASSIGNED, t.tier(), t.assignee(), new TicketEvent(now, who, TicketEvent.Type.REOPENED, null))));
        } else if (action instanceof DeskAction.Ask ask) {
            var type = supportbot.dialogue.details.DetailType.fromKey(ask.detail()).orElseThrow(() -> new DeskException(400,
                    "unknown detail '" + ask.detail() + "' (account, description, time, device, tx_hash, chain, coin, amount, "
                            + "address, screenshot)"));
            tell(ticket, DeskEvent.Kind.ASK_DETAIL, who, type.key(), guard.then(
                    t -> t.with(TicketStatus.WAITING_USER, t.tier(), t.assignee(), new TicketEvent(now, who, TicketEvent.Type.ASKED, type.key()))));
        } else if (action instanceof DeskAction.Ban b) {
            String reason = text(b.reason());
            String user = userOf(ticket);
            await(committer.submit(tx -> {
                // The checked ticket change first: a refusal there must come before any write.
                tx.updateTicket(number, guard.then(t -> t.withEvent(new TicketEvent(now, who, TicketEvent.Type.BANNED, reason))));
                tx.ban(user, who, reason, now);
            }));
        } else if (action instanceof DeskAction.Unban) {
            String user = userOf(ticket);
            await(committer.submit(tx -> {
                tx.updateTicket(number, guard.then(t -> t.withEvent(new TicketEvent(now, who, TicketEvent.Type.UNBANNED, null))));
                tx.unban(user);
            }));
        } else if (action instanceof DeskAction.Merge m) {
            merge(agent, ticket, m.into(), guard);
        } else if (action instanceof DeskAction.Escalate e) {
            String reason = text(e.reason());
            tell(ticket, DeskEvent.Kind.ESCALATED, who, reason, guard.then(
                    t -> t.with(TicketStatus.QUEUED, Tier.SUPERVISOR, null, new TicketEvent(now, who, TicketEvent.Type.ESCALATED, reason))));
        }
        return store.ticket(number).orElseThrow();
    }

    /**
     * Both tickets are checked as committed before either is written, so a refused or lost merge changes nothing;
     * the user's conversation hears of it in the same commit and moves from the duplicate to the kept ticket.
     */
    private void merge(Agent agent, Ticket duplicate, long into, Guard guard) {
        checkMergeTarget(agent, duplicate, store.ticket(into).orElseThrow(() -> DeskException.notFound(into)));
        var now = clock.instant();
        String who = agent.name();
        var draft = duplicate.draft();
        var event = new DeskEvent(draft.channel(), draft.conversationKey(), into, DeskEvent.Kind.MERGED, who,
                String.valueOf(duplicate.number()), now);
        await(inbox.submit(event, tx -> {
            Ticket kept = store.ticket(into).orElseThrow(() -> DeskException.notFound(into));
            checkMergeTarget(agent, duplicate, kept);
            // The duplicate as locked in this transaction: another instance's change to it is merged, not lost.
            var committed = new java.util.concurrent.atomic.AtomicReference<Ticket>();
            tx.updateTicket(duplicate.number(), guard.then(t -> {
                committed.set(t);
                return t.with(TicketStatus.CLOSED, t.tier(), t.assignee(),
                        new TicketEvent(now, who, TicketEvent.Type.MERGED, "merged into #" + into));
            }));
            if (committed.get() == null) {
                throw DeskException.notFound(duplicate.number()); // nothing written yet
            }
            tx.updateTicket(into, k -> k.mergedFrom(committed.get(), who, now));
        }));
    }

    private static void checkMergeTarget(Agent agent, Ticket duplicate, Ticket kept) {
        if (kept.number() == duplicate.number()) {
            throw new DeskException(400, "a ticket cannot be merged into itself");
        }
        DeskPolicy.checkView(agent, kept);
        var d = duplicate.draft();
        var k = kept.draft();
        boolean sameUser = d.channel().equals(k.channel()) && (d.userId() != null
                ? d.userId().equals(k.userId()) : d.conversationKey().equals(k.conversationKey()));
        if (!sameUser) {
            throw new DeskException(400, "ticket #" + kept.number() + " belongs to another user; only the same user's "
                    + "tickets can be merged");
        }
        if (!kept.status().open()) {
            throw new DeskException(409, "ticket #" + kept.number() + " is " + kept.status().label()
                    + "; merge into an open ticket");
        }
    }

    /** The action's check against the committed ticket, run on the commit thread before the change. */
    private record Guard(Agent agent, Ticket seen, DeskAction action, Long expectedVersion) {
        UnaryOperator<Ticket> then(UnaryOperator<Ticket> change) {
            return committed -> {
                DeskPolicy.checkCommitted(agent, seen, committed, action, expectedVersion);
                return change.apply(committed);
            };
        }
    }

    /** Waits for the commit; a refusal from inside the transaction comes out as itself. */
    private static void await(java.util.concurrent.CompletableFuture<?> committed) {
        try {
            committed.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof DeskException refused) {
                throw refused;
            }
            throw e;
        }
    }

    private static String userOf(Ticket ticket) {
        String user = ticket.draft().userId();
        if (user == null) {
            throw new DeskException(409, "ticket #" + ticket.number() + " has no user any more (they erased their data)");
        }
        return user;
    }

    /** The saved replies agents can send (the staff "/r name" command), for pickers and autocompletion. */
    public java.util.List<SavedReply> savedReplies() {
        return savedReplies.all();
    }

    /** For chat surfaces: the refusal to show the agent, or empty when it was done. */
    public Optional<String> attempt(Agent agent, long number, DeskAction action) {
        try {
            act(agent, number, action);
            return Optional.empty();
        } catch (DeskException e) {
            org.slf4j.LoggerFactory.getLogger(DeskService.class).info("desk refused {} on #{} by {}: {}", action.type(),
                    number, agent.name(), e.getMessage());
            return Optional.of(e.getMessage());
        }
    }

    private void change(long number, UnaryOperator<Ticket> change) {
        await(committer.submit(tx -> tx.updateTicket(number, change)));
    }

    private void tell(Ticket ticket, DeskEvent.Kind kind, String agent, String text, UnaryOperator<Ticket> change) {
        tell(ticket, kind, agent, text, java.util.List.of(), change);
    }

    private void tell(Ticket ticket, DeskEvent.Kind kind, String agent, String text,
                      java.util.List<supportbot.dialogue.Attachment> files, UnaryOperator<Ticket> change) {
        var draft = ticket.draft();
        var event = new DeskEvent(draft.channel(), draft.conversationKey(), draft.number(), kind, agent, text, clock.instant(),
                null, files);
        Consumer<Store.Tx> ticketChange = tx -> tx.updateTicket(draft.number(), change);
        await(inbox.submit(event, ticketChange));
    }

    private static String text(String text) {
        if (text == null || text.isBlank()) {
            throw new DeskException(400, "\"text\" (or \"reason\") must be a non-empty string");
        }
        if (text.length() > MAX_TEXT_CHARS) {
            throw new DeskException(400, "text is too long (max " + MAX_TEXT_CHARS + " characters)");
        }
        if (supportbot.safety.Secrets.contain(text)) {
            // Agents' own words are checked too: a pasted phrase must never reach a user, a log or the store.
            throw new DeskException(400, "this text looks like a recovery phrase or private key, so it was not sent or "
                    + "stored; support never asks for or sends these");
        }
        return text.strip();
    }
}
