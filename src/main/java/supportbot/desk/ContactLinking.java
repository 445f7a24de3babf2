package supportbot.desk;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import supportbot.store.ContactLink;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;
import supportbot.ticket.Ticket;
import supportbot.ticket.TicketEvent;

/**
 * Agents joining the same human's contacts across platforms from a ticket's contact panel, and undoing it: the
 * contacts they can pick from (found by name, @username, platform id or ticket number), the link and the unlink,
 * each audited on the tickets it touches. Who may do it is {@link DeskPolicy}'s to say.
 */
public final class ContactLinking {
    public static final int MAX_RESULTS = 20;
    public static final int MAX_QUERY_CHARS = 100;

    private final Store store;
    private final GroupCommitter committer;
    private final Clock clock;

    public ContactLinking(Store store, GroupCommitter committer, Clock clock) {
        this.store = store;
        this.committer = committer;
        this.clock = clock;
    }

    /**
     * A contact an agent may link to.
     *
     * @param latestTicket their newest ticket the agent can see
     * @param linked       already the same person as the ticket's user (or that user)
     */
    public record Candidate(String id, String channel, supportbot.dialogue.Contact who, long latestTicket, int ticketCount,
                            boolean linked) {
    }

    /**
     * @param ticket the ticket whose panel searches, to mark its own person's contacts; null for none
     */
    public List<Candidate> search(Agent agent, String query, Long ticket) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            throw new DeskException(400, "'q' is required: a name, @username, platform id or ticket number");
        }
        if (q.length() > MAX_QUERY_CHARS) {
            throw new DeskException(400, "'q' is too long (max " + MAX_QUERY_CHARS + " characters)");
        }
        var person = new java.util.HashSet<String>();
        if (ticket != null) {
            Ticket t = viewable(agent, ticket);
            String own = ContactHistory.contactOf(t);
            person.add(own);
            ContactHistory.personOf(store, own).forEach(l -> person.add(l.contact()));
        }
        String needle = q.replaceFirst("^[@#]", "").toLowerCase(Locale.ROOT);
        var out = new ArrayList<Candidate>();
        for (Map.Entry<String, List<Ticket>> e : contacts(agent).entrySet()) {
            List<Ticket> theirs = e.getValue();
            Ticket newest = theirs.get(0);
            var who = store.stored(newest.draft().conversationKey()).map(supportbot.store.StoredConversation::contact)
                    .orElse(null);
            boolean hit = theirs.stream().anyMatch(t -> String.valueOf(t.number()).equals(needle))
                    || who != null && (contains(who.name(), needle) || contains(who.username(), needle)
                    || contains(who.platformId(), needle));
            if (hit) {
                out.add(new Candidate(ContactHistory.idOf(e.getKey()), newest.draft().channel(), who, newest.number(),
                        theirs.size(), person.contains(e.getKey())));
            }
        }
        out.sort(Comparator.comparingLong(Candidate::latestTicket).reversed());
        return out.size() > MAX_RESULTS ? out.subList(0, MAX_RESULTS) : out;
    }

    /** Joins the ticket's user and the contact {@code contactId} into one person, with a line on both sides. */
    public ContactHistory.Contact link(Agent agent, long number, String contactId) {
        Ticket ticket = viewable(agent, number);
        DeskPolicy.checkLink(agent, ticket);
        if (erased(ticket)) {
            throw new DeskException(409, "ticket #" + number + "'s user erased their data; there is nobody to link");
        }
        String own = ContactHistory.contactOf(ticket);
        Map<String, List<Ticket>> known = contacts(agent);
        String other = known.keySet().stream().filter(k -> ContactHistory.idOf(k).equals(contactId)).findFirst()
                .orElseThrow(() -> new DeskException(404, "no contact '" + clip(contactId)
                        + "' among the tickets you can see; pick one from the contact search"));
        if (other.equals(own)) {
            throw new DeskException(400, "that is this ticket's own user; pick another contact");
        }
        boolean same = ContactHistory.personOf(store, own).stream().anyMatch(l -> l.contact().equals(other));
        if (same) {
            throw new DeskException(409, "that contact is already linked to this ticket's user");
        }
        Ticket theirs = known.get(other).get(0);
        var now = clock.instant();
        String who = agent.name();
        await(committer.submit(tx -> {
            tx.linkContacts(new ContactLink(own, null, ticket.draft().channel(), ticket.draft().conversationKey(), now, who),
                    new ContactLink(other, null, theirs.draft().channel(), theirs.draft().conversationKey(), now, who));
            tx.updateTicket(number, t -> t.withEvent(new TicketEvent(now, who, TicketEvent.Type.LINKED, describe(theirs))));
            if (theirs.number() != number) {
                tx.updateTicket(theirs.number(), t -> t.withEvent(new TicketEvent(now, who, TicketEvent.Type.LINKED,
                        describe(ticket))));
            }
        }));
        org.slf4j.LoggerFactory.getLogger(ContactLinking.class).info("{} linked the user of ticket #{} to the {} contact of #{}",
                who, number, theirs.draft().channel(), theirs.number());
        return ContactHistory.of(store, agent, store.ticket(number).orElseThrow());
    }

    /**
     * Takes the contact {@code contactId} out of the ticket's person (the ticket's own contact included: it then
     * stands alone); a person left with one contact is no link any more.
     */
    public ContactHistory.Contact unlink(Agent agent, long number, String contactId) {
        Ticket ticket = viewable(agent, number);
        String own = ContactHistory.contactOf(ticket);
        ContactLink link = ContactHistory.personOf(store, own).stream()
                .filter(l -> ContactHistory.idOf(l.contact()).equals(contactId)).findFirst()
                .orElseThrow(() -> new DeskException(404, "contact '" + clip(contactId)
                        + "' is not linked to this ticket's user; reload the contact panel"));
        DeskPolicy.checkUnlink(agent, ticket, link.linkedBy());
        List<Ticket> theirs = contacts(agent).getOrDefault(link.contact(), List.of());
        var now = clock.instant();
        String who = agent.name();
        String what = theirs.isEmpty() ? platform(link.channel()) + " contact (no tickets)" : describe(theirs.get(0));
        await(committer.submit(tx -> {
            tx.unlinkContacts(List.of(link.contact()));
            tx.updateTicket(number, t -> t.withEvent(new TicketEvent(now, who, TicketEvent.Type.UNLINKED, what)));
            if (!theirs.isEmpty() && theirs.get(0).number() != number) {
                tx.updateTicket(theirs.get(0).number(), t -> t.withEvent(new TicketEvent(now, who, TicketEvent.Type.UNLINKED,
                        describe(ticket))));
            }
        }));
        org.slf4j.LoggerFactory.getLogger(ContactLinking.class).info("{} unlinked a {} contact from the user of ticket #{}",
                who, link.channel(), number);
        return ContactHistory.of(store, agent, store.ticket(number).orElseThrow());
    }

    /**
     * Every contact with a ticket the agent can see, each with those tickets newest first. Audit lines name the
     * other side by platform and ticket, never by name: a name would outlive that user's own erasure here.
     */
    private Map<String, List<Ticket>> contacts(Agent agent) {
        var out = new LinkedHashMap<String, List<Ticket>>();
        store.tickets().stream().filter(t -> ContactHistory.visible(agent, t)).filter(t -> !erased(t))
                .sorted(Comparator.comparing(Ticket::openedAt).reversed())
                .forEach(t -> out.computeIfAbsent(ContactHistory.contactOf(t), k -> new ArrayList<>()).add(t));
        return out;
    }

    /** An erased user is nobody to link: linking would join their remains to a person again. */
    private static boolean erased(Ticket t) {
        return t.events().stream().anyMatch(e -> e.type() == TicketEvent.Type.ERASED);
    }

    private Ticket viewable(Agent agent, long number) {
        Ticket t = store.ticket(number).orElseThrow(() -> DeskException.notFound(number));
        DeskPolicy.checkView(agent, t);
        return t;
    }

    private static String describe(Ticket t) {
        return "the " + platform(t.draft().channel()) + " contact of ticket #" + t.number();
    }

    private static String platform(String channel) {
        return switch (channel) {
            case "telegram" -> "Telegram";
            case "discord" -> "Discord";
            case "web" -> "web chat";
            default -> channel;
        };
    }

    private static boolean contains(String field, String needle) {
        return field != null && field.toLowerCase(Locale.ROOT).replaceFirst("^@", "").contains(needle);
    }

    private static String clip(String s) {
        String safe = s == null ? "" : s.replaceAll("\\p{Cntrl}", "?");
        return safe.length() > 40 ? safe.substring(0, 40) + "…" : safe;
    }

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
}
