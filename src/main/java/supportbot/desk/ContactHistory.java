package supportbot.desk;

import supportbot.ticket.Ticket;
import supportbot.ticket.Tier;

import java.util.Comparator;
import java.util.List;
import supportbot.store.Store;

/**
 * A ticket's user as the desk knows them: their language and zone, and every other ticket they opened on the
 * same platform (same user id, or the same conversation when the user id is gone), newest first.
 */
public final class ContactHistory {
    /**
     * @param zone the user's time zone as the bot keeps it, or null when it was never learnt
     * @param who  the user's name, username and id on their platform; null when unknown (web chat) or erased
     */
    public record Contact(String channel, String lang, String zone, List<Ticket> tickets, supportbot.dialogue.Contact who) {
    }

    private ContactHistory() {
    }

    public static Contact of(Store store, Agent agent, Ticket ticket) {
        var d = ticket.draft();
        List<Ticket> earlier = store.tickets().stream()
                .filter(t -> t.number() != ticket.number())
                .filter(t -> t.draft().channel().equals(d.channel()))
                .filter(t -> d.userId() != null ? d.userId().equals(t.draft().userId())
                        : d.conversationKey().equals(t.draft().conversationKey()))
                .filter(t -> t.tier() == Tier.AGENT || agent.supervisor())
                .sorted(Comparator.comparing(Ticket::openedAt).reversed())
                .toList();
        var stored = store.stored(d.conversationKey());
        String zone = stored.map(c -> c.conversation().zone()).orElse(null);
        var who = stored.map(supportbot.store.StoredConversation::contact).orElse(null);
        return new Contact(d.channel(), d.lang().code(), zone, earlier, who);
    }
}
