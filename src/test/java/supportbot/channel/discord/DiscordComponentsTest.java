package supportbot.channel.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import supportbot.dialogue.Button;
import supportbot.safety.BotSecret;
import supportbot.safety.Signer;

class DiscordComponentsTest {
    private final DiscordComponents components = new DiscordComponents(new Signer(BotSecret.of(new byte[32])));

    @Test
    void onlyAnIdSignedForThisConversationIsTaken() {
        String mine = DiscordKeys.dm(1);
        String signed = components.sign(mine, "rate:5");
        assertEquals(Optional.of("rate:5"), components.payloadOf(mine, signed, List.of()));
        assertTrue(components.payloadOf(mine, "rate:5", List.of()).isEmpty(), "unsigned");
        assertTrue(components.payloadOf(DiscordKeys.dm(2), signed, List.of()).isEmpty(), "copied from another user");
        assertTrue(components.payloadOf(mine, signed.replace("rate:5", "rate:1"), List.of()).isEmpty(), "altered");
    }

    @Test
    void longPayloadsTravelAsAHashOfAShownButtonAndFitDiscordsLimit() {
        String key = DiscordKeys.thread(9);
        String payload = "answer:" + "x".repeat(95);
        String id = components.sign(key, payload);
        assertTrue(id.length() <= 100, id);
        assertEquals(Optional.of(payload), components.payloadOf(key, id, List.of(new Button("X", payload))));
        assertTrue(components.payloadOf(key, id, List.of()).isEmpty(), "no longer shown: stale");
    }

    @Test
    void textIsLeftIntactForAllowedMentionsToDefuse() {
        String text = "mail alice@example.com, cc @everyone <@123>";
        assertEquals(text, DiscordText.clip(text, 200));
        assertEquals(List.of(text), DiscordText.chunks(text));
        assertTrue(DiscordSender.base().setContent(text).build().getAllowedMentions().isEmpty(), "no mention parsed");
    }
}
