package supportbot.channel.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import supportbot.ticket.TicketEvent;
import supportbot.dialogue.TicketDraft;
import supportbot.faq.Lang;
import supportbot.safety.BotSecret;
import supportbot.safety.Signer;

class DiscordStaffCardSlaTest {
    private static final Instant OPENED = Instant.parse("2026-06-01T10:00:00Z");

    @Test
    void theEmbedNamesTheCategoryAndTheVerdictOnceResolved() {
        var t = new SlaPolicy.Targets(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4), false);
        var policy = new SlaPolicy(Map.of(1, t, 2, t, 3, t, 4, t), ServiceHours.alwaysOpen(ZoneOffset.UTC));
        // The card is built without talking to Discord, so no JDA is needed here.
        var surface = new DiscordStaffSurface(null, 1L, new Signer(BotSecret.of(new byte[32])),
                id -> id.equals("wallet") ? "Wallet / 钱包" : id, null,
                new SlaVerdict(policy, Clock.fixed(Instant.parse("2026-06-02T00:00:00Z"), ZoneOffset.UTC)));
        Ticket ticket = Ticket.open(new TicketDraft(7, "web", "conv-7", "user-7", "wallet", 3, false, "confirmed", Lang.EN,
                Map.of(), List.of(), OPENED));
        assertTrue(surface.card(ticket).getTitle().contains("Wallet / 钱包"));
        assertTrue(surface.card(ticket).getFields().stream().noneMatch(f -> "Service level".equals(f.getName())));

        Ticket late = ticket.withEvent(new TicketEvent(Instant.parse("2026-06-01T10:10:00Z"), "alice", TicketEvent.Type.REPLY, "…"))
                .withEvent(new TicketEvent(Instant.parse("2026-06-01T15:00:00Z"), "alice", TicketEvent.Type.RESOLVED, null));
        var field = surface.card(late).getFields().stream().filter(f -> "Service level".equals(f.getName())).findFirst()
                .orElseThrow();
        assertEquals("SLA missed (1 h 0 min late)", field.getValue());
    }
}
