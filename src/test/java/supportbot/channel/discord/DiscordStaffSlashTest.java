package supportbot.channel.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Staff actions as slash commands in the staff channel and its ticket threads: deferred privately at once, done by
 * the desk's rules for the member's role, the outcome (or a clear refusal) read only by the agent; the saved-reply
 * name is completed as it is typed, in either language.
 */
class DiscordStaffSlashTest {
    static final Duration WAIT = Duration.ofSeconds(15);
    static final long USER = FakeDiscord.CUSTOMER_ID;
    static final long AGENT = FakeDiscord.AGENT_ID;

    @TempDir
    Path dir;
    private FakeDiscord fake;
    private DiscordTestBot t;

    @AfterEach
    void close() {
        if (t != null) {
            t.close();
        }
        if (fake != null) {
            fake.close();
        }
    }

    /** The agent's private answer to a staff command: its deferred reply, filled. */
    private FakeDiscord.Sent answerTo(String interaction) {
        var ack = fake.awaitCallback(interaction, WAIT);
        assertEquals(5, ack.type(), "deferred at once");
        assertFalse(ack.late());
        assertEquals(64, ack.body().path("data").path("flags").asInt(0) & 64, "only the agent reads it");
        long original = fake.awaitSent(s -> s.source() == FakeDiscord.Source.DEFERRED_REPLY
                && s.body() != null && fake.message(s.messageId()).map(m -> m.path("interaction_metadata").path("id")
                .asText().equals(interaction)).orElse(false), WAIT).messageId();
        return fake.sent().stream().filter(s -> s.messageId() == original).findFirst().orElseThrow();
    }

    @Test
    void agentsActWithSlashCommandsAndOthersAreToldWhyNot() throws Exception {
        fake = FakeDiscord.start();
        t = new DiscordTestBot(dir, fake, null);
        fake.awaitCondition(() -> fake.commandsRegistered().stream().anyMatch(c -> c.path("name").asText().equals("panel")),
                WAIT, "commands registered");
        var names = fake.commandsRegistered().stream().map(c -> c.path("name").asText()).toList();
        assertTrue(names.containsAll(List.of("claim", "reply", "note", "resolve", "escalate", "transfer", "label",
                "priority", "r", "panel", "status")), "registered: " + names);

        fake.directMessage(USER, "I want to talk to a human about my frozen account");
        var card = fake.awaitSent(s -> !s.embeds().isEmpty() && s.customIds().stream().anyMatch(id -> id.startsWith("desk:claim:")),
                WAIT);
        long thread = card.channelId();
        long number = t.bot.store.tickets().stream().mapToLong(x -> x.number()).max().orElseThrow();

        // Somebody without a role is refused, privately and in words; nothing changes.
        var refused = answerTo(fake.slashCommand(thread, FakeDiscord.OWNER_ID, "claim", Map.of()));
        assertTrue(refused.content().contains("Only agents and supervisors"), refused.content());
        assertTrue(refused.ephemeral());

        var claimed = answerTo(fake.slashCommand(thread, AGENT, "claim", Map.of()));
        assertEquals("Done: /claim on ticket #" + number + ".", claimed.content());
        assertEquals("bob", t.bot.store.ticket(number).orElseThrow().assignee());
        assertNull(t.bot.store.ticket(number).orElseThrow().events().stream().filter(e -> e.type() == supportbot.ticket.TicketEvent.Type.CLAIMED
                && !e.actor().equals("bob")).findFirst().orElse(null), "the refused claim did nothing");

        answerTo(fake.slashCommand(thread, AGENT, "note", Map.of("text", "checked the KYC state")));
        answerTo(fake.slashCommand(thread, AGENT, "label", Map.of("name", "vip")));
        answerTo(fake.slashCommand(thread, AGENT, "priority", Map.of("level", 1)));
        var ticket = t.bot.store.ticket(number).orElseThrow();
        assertEquals(1, ticket.draft().priority());
        assertTrue(ticket.events().stream().anyMatch(e -> e.type() == supportbot.ticket.TicketEvent.Type.NOTE && e.text().contains("KYC")), ticket.events().toString());
        assertTrue(ticket.events().stream().anyMatch(e -> e.text() != null && e.text().contains("vip")), ticket.events().toString());

        // A recovery phrase pasted into a command is neither sent nor kept.
        var phrase = answerTo(fake.slashCommand(thread, AGENT, "note", Map.of("text",
                "abandon ability able about above absent absorb abstract absurd abuse access accident")));
        assertTrue(phrase.content().contains("neither sent nor kept"), phrase.content());
        assertTrue(t.bot.store.ticket(number).orElseThrow().events().stream()
                .noneMatch(e -> e.text() != null && e.text().contains("abandon")), "not in the ticket");

        // A refusal of the desk is shown as it is: a priority it does not have.
        var badPriority = answerTo(fake.slashCommand(thread, AGENT, "priority", Map.of("level", 9)));
        assertTrue(badPriority.content().startsWith("Not done: "), badPriority.content());
        assertEquals(1, t.bot.store.ticket(number).orElseThrow().draft().priority());

        long dm = fake.dmChannelId(USER);
        answerTo(fake.slashCommand(thread, AGENT, "reply", Map.of("text", "Your account is unfrozen now.")));
        fake.awaitSent(s -> s.channelId() == dm && s.content() != null && s.content().contains("Your account is unfrozen now."),
                WAIT);

        // Saved replies: completed from the name or either language's title.
        String typedZh = fake.autocomplete(thread, AGENT, "r", "name", "充值");
        var choices = fake.choices(fake.awaitCallback(typedZh, WAIT));
        assertEquals(8, fake.awaitCallback(typedZh, WAIT).type());
        assertTrue(choices.stream().anyMatch(c -> c.getValue().equals("deposit-pending")), choices.toString());
        assertTrue(choices.stream().allMatch(c -> c.getKey().contains("充值")), "only matches: " + choices);
        String typedEn = fake.autocomplete(thread, AGENT, "r", "name", "phrase");
        var en = fake.choices(fake.awaitCallback(typedEn, WAIT));
        assertEquals(List.of("never-share-phrase"), en.stream().map(Map.Entry::getValue).toList());
        String stranger = fake.autocomplete(thread, FakeDiscord.OWNER_ID, "r", "name", "");
        assertTrue(fake.choices(fake.awaitCallback(stranger, WAIT)).isEmpty(), "no saved replies for those without a role");
        answerTo(fake.slashCommand(thread, AGENT, "r", Map.of("name", "never-share-phrase")));
        fake.awaitSent(s -> s.channelId() == dm && s.content() != null && s.content().toLowerCase().contains("recovery phrase")
                && s.messageId() > card.messageId(), WAIT);

        // In the staff channel itself the ticket is named; without it the agent is told what is missing.
        var noTicket = answerTo(fake.slashCommand(FakeDiscord.STAFF_CHANNEL_ID, AGENT, "resolve", Map.of()));
        assertTrue(noTicket.content().contains("give the ticket number"), noTicket.content());
        answerTo(fake.slashCommand(FakeDiscord.STAFF_CHANNEL_ID, AGENT, "resolve", Map.of("ticket", number)));
        assertFalse(t.bot.store.ticket(number).orElseThrow().status().open());

        // Outside the staff places, staff commands do nothing.
        var elsewhere = answerTo(fake.slashCommand(FakeDiscord.SUPPORT_CHANNEL_ID, AGENT, "reopen", Map.of("ticket", number)));
        assertTrue(elsewhere.content().contains("staff channel"), elsewhere.content());
        assertFalse(t.bot.store.ticket(number).orElseThrow().status().open());
        assertTrue(fake.lateCallbacks().isEmpty());
    }

    @Test
    void aChineseAgentReadsTheOutcomeInChinese() throws Exception {
        fake = FakeDiscord.start();
        t = new DiscordTestBot(dir, fake, null);
        fake.userLocale(AGENT, "zh-CN");
        var answer = answerTo(fake.slashCommand(FakeDiscord.STAFF_CHANNEL_ID, AGENT, "claim", Map.of()));
        assertEquals("请在工单帖子中使用，或填写工单编号。", answer.content());
    }
}
