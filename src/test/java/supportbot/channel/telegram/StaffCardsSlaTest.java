package supportbot.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import supportbot.channel.SlaVerdict;
import supportbot.desk.ServiceHours;
import supportbot.desk.SlaPolicy;
import supportbot.ticket.Ticket;
import supportbot.dialogue.TicketDraft;
import supportbot.ticket.TicketEvent;
import supportbot.faq.Lang;
import supportbot.safety.BotSecret;
import supportbot.safety.Signer;

class StaffCardsSlaTest {
    static final Instant OPENED = Instant.parse("2026-06-01T10:00:00Z");
    // Every priority: first reply within 1 h, resolved within 4 h, around the clock.
    static final SlaPolicy POLICY = policy();

    static SlaPolicy policy() {
        var t = new SlaPolicy.Targets(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4), false);
        return new SlaPolicy(Map.of(1, t, 2, t, 3, t, 4, t), ServiceHours.alwaysOpen(ZoneOffset.UTC));
    }

    static Ticket ticket(TicketEvent... later) {
        Ticket t = Ticket.open(new TicketDraft(7, "web", "conv-7", "user-7", "wallet", 3, false, "confirmed", Lang.EN,
                Map.of(), List.of(), OPENED));
        for (TicketEvent e : later) {
            t = t.withEvent(e);
        }
        return t;
    }

    static TicketEvent at(String type, String time) {
        return new TicketEvent(Instant.parse("2026-06-01T" + time + ":00Z"), type.equals("user-message") ? "user" : "alice",
                TicketEvent.Type.ofLabel(type), type.equals("reply") ? "…" : null);
    }

    private final StaffCards cards = new StaffCards(id -> id.equals("wallet") ? "Wallet / 钱包" : id,
            new Signer(BotSecret.of(new byte[32])), -100L,
            new SlaVerdict(POLICY, Clock.fixed(Instant.parse("2026-06-02T00:00:00Z"), ZoneOffset.UTC)));

    @Test
    void theCardNamesTheCategoryNotItsId() {
        String card = cards.card(ticket());
        assertTrue(card.contains("Wallet / 钱包"), card);
        assertTrue(cards.topicName(ticket()).contains("Wallet / 钱包"));
    }

    @Test
    void anOpenTicketHasNoVerdictYet() {
        assertFalse(cards.card(ticket(at("reply", "10:10"))).contains("SLA"));
    }

    @Test
    void aResolvedTicketInTimeSaysMetWithItsMargin() {
        String card = cards.card(ticket(at("reply", "10:10"), at("resolved", "12:30")));
        assertTrue(card.contains("SLA met (1 h 30 min to spare)"), card);
    }

    @Test
    void aLateResolutionSaysMissedAndHowLate() {
        String card = cards.card(ticket(at("reply", "10:10"), at("resolved", "14:45")));
        assertTrue(card.contains("SLA missed (45 min late)"), card);
    }

    @Test
    void withoutServiceLevelsTheCardStaysAsBefore() {
        var bare = new StaffCards(id -> id, new Signer(BotSecret.of(new byte[32])), -100L, SlaVerdict.none());
        assertFalse(bare.card(ticket(at("reply", "10:10"), at("resolved", "14:45"))).contains("SLA"));
    }
}
