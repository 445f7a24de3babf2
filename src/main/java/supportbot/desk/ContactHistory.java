package supportbot.desk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import supportbot.dialogue.ContactKey;
import supportbot.store.ContactLink;
import supportbot.store.Store;
import supportbot.ticket.Ticket;
import supportbot.ticket.Tier;

/**
 * A ticket's user as the desk knows them: the person behind it, with every contact linked to it on any platform
 * (each with its language and zone), and every other ticket any of those contacts opened, newest first. Unlinked,
 * the person is the one contact: the same user id on the same platform, or the same conversation when the user
 * id is gone.
 */
public final class ContactHistory {
    /**
     * @param zone   the user's time zone as the bot keeps it, or null when it was never learnt
     * @param who    the user's name, username and id on their platform; null when unknown (web chat) or erased
     * @param linked every contact of the person, this ticket's first; just this one when nothing is linked
     */
    public record Contact(String channel, String lang, String zone, List<Ticket> tickets, supportbot.dialogue.Contact who,
                          List<Linked> linked) {
    }

    /**
     * One contact of the person.
     *
     * @param id       an opaque handle for the desk's API (not the platform id, which agents expand to see)
     * @param current  the contact of the ticket being looked at
     * @param linkedBy "user" when they linked it themselves, an agent's name, or null when it is not linked
     */
    public record Linked(String id, String channel, String lang, String zone, supportbot.dialogue.Contact who,
                         boolean current, String linkedBy, Instant linkedAt, int ticketCount) {
    }

    private ContactHistory() {
    }

    public static Contact of(Store store, Agent agent, Ticket ticket) {
        var d = ticket.draft();
        String own = contactOf(ticket);
        List<ContactLink> links = personOf(store, own);
        var keys = new LinkedHashMap<String, ContactLink>();
        keys.put(own, links.stream().filter(l -> l.contact().equals(own)).findFirst().orElse(null));
        links.forEach(l -> keys.putIfAbsent(l.contact(), l));
        List<Ticket> all = store.tickets();
        List<Ticket> earlier = all.stream()
                .filter(t -> t.number() != ticket.number())
                .filter(t -> keys.containsKey(contactOf(t)))
                .filter(t -> visible(agent, t))
                .sorted(Comparator.comparing(Ticket::openedAt).reversed())
                .toList();
        var linked = new ArrayList<Linked>();
        for (Map.Entry<String, ContactLink> e : keys.entrySet()) {
            boolean current = e.getKey().equals(own);
            List<Ticket> theirs = all.stream().filter(t -> contactOf(t).equals(e.getKey())).filter(t -> visible(agent, t))
                    .sorted(Comparator.comparing(Ticket::openedAt).reversed()).toList();
            String conversation = current ? d.conversationKey() : e.getValue().conversationKey();
            var stored = store.stored(conversation)
                    .or(() -> theirs.stream().findFirst().flatMap(t -> store.stored(t.draft().conversationKey())));
            String lang = stored.map(s -> s.conversation().lang().code()).orElse(current ? d.lang().code()
                    : theirs.isEmpty() ? null : theirs.get(0).draft().lang().code());
            String channel = current ? d.channel() : e.getValue().channel();
            ContactLink link = e.getValue();
            linked.add(new Linked(idOf(e.getKey()), channel, lang,
                    stored.map(s -> s.conversation().zone()).orElse(null),
                    stored.map(supportbot.store.StoredConversation::contact).orElse(null), current,
                    link == null ? null : link.linkedBy(), link == null ? null : link.linkedAt(),
                    (int) theirs.stream().filter(t -> t.number() != ticket.number()).count()));
        }
        var stored = store.stored(d.conversationKey());
        String zone = stored.map(c -> c.conversation().zone()).orElse(null);
        var who = stored.map(supportbot.store.StoredConversation::contact).orElse(null);
        return new Contact(d.channel(), d.lang().code(), zone, earlier, who, linked);
    }

    /** The contact a ticket's user is, as links name it. */
    public static String contactOf(Ticket t) {
        var d = t.draft();
        return ContactKey.of(d.channel(), d.userId(), d.conversationKey());
    }

    /** The contacts linked with {@code contact}, itself included; empty when it is linked to nobody. */
    static List<ContactLink> personOf(Store store, String contact) {
        Optional<ContactLink> own = store.contactLink(contact);
        return own.map(l -> store.personContacts(l.person())).orElse(List.of());
    }

    /**
     * The desk's handle for a contact: stable, and no platform id in URLs, logs or the page's markup. A hash, so it
     * is found again by hashing the contacts the desk knows, never by decoding it.
     */
    public static String idOf(String contact) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(("contact-id|" + contact).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "c" + java.util.HexFormat.of().formatHex(d, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static boolean visible(Agent agent, Ticket t) {
        return t.tier() == Tier.AGENT || agent.supervisor();
    }
}
