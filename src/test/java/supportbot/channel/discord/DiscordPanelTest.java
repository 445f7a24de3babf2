package supportbot.channel.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.dialogue.Phase;
import supportbot.dialogue.details.DetailType;

/**
 * The ticket panel: a supervisor posts it, a user presses a category, fills in its form (a modal), is shown what
 * to fix when the details are wrong (nothing created), and gets a ticket in their private thread when they are right.
 */
class DiscordPanelTest {
    static final Duration WAIT = Duration.ofSeconds(15);
    static final long USER = FakeDiscord.CUSTOMER_ID;
    static final String CATEGORY = "transfer-pending"; // required: description, time, chain, tx_hash; optional: coin, …

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

    private FakeDiscord.Sent deferredAnswer(String interaction) {
        var ack = fake.awaitCallback(interaction, WAIT);
        assertEquals(5, ack.type(), "deferred at once: " + ack.body());
        assertFalse(ack.late());
        return fake.awaitSent(s -> s.source() == FakeDiscord.Source.DEFERRED_REPLY && fake.message(s.messageId())
                .map(m -> m.path("interaction_metadata").path("id").asText().equals(interaction)).orElse(false), WAIT);
    }

    private FakeDiscord.Sent postPanel() {
        fake.awaitCondition(() -> fake.commandsRegistered().stream().anyMatch(c -> c.path("name").asText().equals("panel")),
                WAIT, "commands registered");
        var posted = deferredAnswer(fake.slashCommand(FakeDiscord.STAFF_CHANNEL_ID, FakeDiscord.SUPERVISOR_ID, "panel",
                Map.of("channel", new FakeDiscord.ChannelOption(FakeDiscord.SUPPORT_CHANNEL_ID), "lang", "both")));
        assertTrue(posted.ephemeral() && posted.content().contains("<#" + FakeDiscord.SUPPORT_CHANNEL_ID + ">"), posted.content());
        return fake.awaitSent(s -> s.channelId() == FakeDiscord.SUPPORT_CHANNEL_ID && !s.customIds().isEmpty(), WAIT);
    }

    private String button(FakeDiscord.Sent panel, String category) {
        return panel.customIds().stream().filter(id -> id.startsWith("panel:" + category + ":")).findFirst().orElseThrow();
    }

    @Test
    void aFormWithMistakesIsShownBackAndAGoodOneOpensTheTicket() throws Exception {
        fake = FakeDiscord.start();
        t = new DiscordTestBot(dir, fake, null);
        var panel = postPanel();
        assertTrue(panel.content().contains("Contact support") && panel.content().contains("联系客服"), panel.content());
        var labels = panel.body().path("components").findValuesAsText("label");
        assertTrue(labels.contains("Transfer stuck pending / 转账一直未确认"), "both names: " + labels);
        assertTrue(panel.customIds().stream().allMatch(id -> id.contains("~")), "signed: " + panel.customIds());

        // The form: the category's required details as required inputs, then optional ones, five at most.
        String press = fake.buttonPress(FakeDiscord.SUPPORT_CHANNEL_ID, USER, panel.messageId(), button(panel, CATEGORY));
        var ack = fake.awaitCallback(press, WAIT);
        assertFalse(ack.late());
        var modal = fake.modal(ack);
        assertEquals(List.of("description", "time", "chain", "tx_hash", "coin"), List.copyOf(modal.labels().keySet()));
        assertEquals(List.of("description", "time", "chain", "tx_hash"), List.copyOf(modal.required()));
        assertEquals("Network", modal.labels().get("chain"));

        // Mistakes: the hash does not fit the network. Shown privately with what to fix; nothing is created.
        var answers = new HashMap<>(Map.of("description", "My USDT transfer has been pending since yesterday.",
                "time", "yesterday 3pm", "chain", "TRC20", "tx_hash", "not-a-hash", "coin", "USDT"));
        var refused = deferredAnswer(fake.modalSubmit(FakeDiscord.SUPPORT_CHANNEL_ID, USER, panel.messageId(), modal, answers));
        assertTrue(refused.ephemeral());
        assertTrue(refused.content().startsWith("Nothing was sent yet") && refused.content().contains("Transaction hash"),
                refused.content());
        assertTrue(fake.threadsCreated().isEmpty(), "no thread for a refused form");
        assertTrue(t.bot.store.tickets().isEmpty(), "no ticket for a refused form");

        // A recovery phrase in a field is never taken.
        answers.put("description", "abandon ability able about above absent absorb abstract absurd abuse access accident");
        var secret = deferredAnswer(fake.modalSubmit(FakeDiscord.SUPPORT_CHANNEL_ID, USER, panel.messageId(), modal, answers));
        assertTrue(secret.content().contains("recovery phrase"), secret.content());
        assertFalse(secret.content().contains("abandon"), "never shown back");
        assertTrue(t.bot.store.tickets().isEmpty());

        answers.put("description", "My USDT transfer has been pending since yesterday.");
        answers.put("tx_hash", DiscordFlowsTest.ANSWERS.get(DetailType.TX_HASH));
        var sent = deferredAnswer(fake.modalSubmit(FakeDiscord.SUPPORT_CHANNEL_ID, USER, panel.messageId(), modal, answers));
        fake.awaitCondition(() -> !fake.threadsCreated().isEmpty(), WAIT, "the user's private thread");
        long thread = fake.threadsCreated().get(0).path("id").asLong();
        assertTrue(sent.content().contains("<#" + thread + ">"), sent.content());
        fake.awaitCondition(() -> t.bot.store.tickets().size() == 1, WAIT, "the ticket");
        var ticket = t.bot.store.tickets().get(0);
        assertEquals(CATEGORY, ticket.draft().categoryId());
        assertEquals(DetailType.TX_HASH, ticket.draft().details().get(DetailType.TX_HASH).type());
        assertEquals("USDT", ticket.draft().details().get(DetailType.COIN).value());
        assertEquals(DiscordKeys.thread(thread), ticket.draft().conversationKey());
        assertEquals(Phase.WITH_TICKET, t.bot.store.conversation(DiscordKeys.thread(thread)).orElseThrow().phase());
        fake.awaitSent(s -> s.channelId() == thread && s.content() != null && s.content().contains("#" + ticket.number()), WAIT);
        fake.awaitSent(s -> !s.embeds().isEmpty() && s.embeds().get(0).toString().contains("a3f1c9e2b7d4"), WAIT);
        assertTrue(fake.lateCallbacks().isEmpty());
    }

    @Test
    void aFormWaitingForItsThreadHoldsUpNobody() throws Exception {
        fake = FakeDiscord.start();
        long other = 700000000000000042L;
        fake.addMember(other, "dave");
        t = new DiscordTestBot(dir, fake, null);
        var panel = postPanel();
        var modal = fake.modal(fake.awaitCallback(fake.buttonPress(FakeDiscord.SUPPORT_CHANNEL_ID, USER, panel.messageId(),
                button(panel, CATEGORY)), WAIT));
        var slowThread = fake.holdNext("POST", "channels/" + FakeDiscord.SUPPORT_CHANNEL_ID + "/threads", Duration.ofSeconds(10));
        String submit = fake.modalSubmit(FakeDiscord.SUPPORT_CHANNEL_ID, USER, panel.messageId(), modal, Map.of(
                "description", "My USDT transfer has been pending since yesterday.", "time", "yesterday 3pm",
                "chain", "TRC20", "tx_hash", DiscordFlowsTest.ANSWERS.get(DetailType.TX_HASH)));
        var ack = fake.awaitCallback(submit, WAIT);
        assertTrue(ack.millisAfterDispatch() < 1000, "form acknowledged after " + ack.millisAfterDispatch() + " ms");
        slowThread.awaitReached(WAIT);

        // While the form's thread is being made, another user's command and another panel press are served at once.
        String help = fake.slashCommand(fake.dmChannelId(other), other, "help", Map.of());
        assertTrue(fake.awaitCallback(help, WAIT).millisAfterDispatch() < 1000);
        String press = fake.buttonPress(FakeDiscord.SUPPORT_CHANNEL_ID, other, panel.messageId(), button(panel, "app-crash"));
        var modalAck = fake.awaitCallback(press, WAIT);
        assertEquals(9, modalAck.type());
        assertTrue(modalAck.millisAfterDispatch() < 1000, "modal after " + modalAck.millisAfterDispatch() + " ms");
        assertTrue(t.bot.store.tickets().isEmpty(), "the form's ticket waits for its thread");

        slowThread.release();
        fake.awaitCondition(() -> t.bot.store.tickets().size() == 1, WAIT, "the ticket once the thread is made");
        assertTrue(fake.lateCallbacks().isEmpty());
    }

    @Test
    void onlySupervisorsPostPanelsAndForgedButtonsOpenNothing() throws Exception {
        fake = FakeDiscord.start();
        t = new DiscordTestBot(dir, fake, null);
        fake.awaitCondition(() -> fake.commandsRegistered().stream().anyMatch(c -> c.path("name").asText().equals("panel")),
                WAIT, "commands registered");
        var agent = deferredAnswer(fake.slashCommand(FakeDiscord.STAFF_CHANNEL_ID, FakeDiscord.AGENT_ID, "panel", Map.of()));
        assertTrue(agent.content().contains("Only supervisors"), agent.content());
        var panel = postPanel();
        String signed = button(panel, CATEGORY);
        // A panel button whose signature was altered (another category's id under this one's signature).
        String forged = signed.replace("panel:" + CATEGORY + ":", "panel:other:");
        String press = fake.buttonPressForged(FakeDiscord.SUPPORT_CHANNEL_ID, USER, panel.messageId(), signed, forged);
        var ack = fake.awaitCallback(press, WAIT);
        assertEquals(4, ack.type(), "answered in words, no form: " + ack.body());
        assertTrue(ack.body().path("data").path("content").asText().contains("not valid"), ack.body().toString());
        assertTrue(fake.callbacks().stream().noneMatch(c -> c.type() == 9), "no modal opened");
    }

    @Test
    void aChinesePanelOpensAChineseForm() throws Exception {
        fake = FakeDiscord.start();
        t = new DiscordTestBot(dir, fake, null);
        fake.awaitCondition(() -> fake.commandsRegistered().stream().anyMatch(c -> c.path("name").asText().equals("panel")),
                WAIT, "commands registered");
        deferredAnswer(fake.slashCommand(FakeDiscord.STAFF_CHANNEL_ID, FakeDiscord.SUPERVISOR_ID, "panel",
                Map.of("lang", "zh", "channel", new FakeDiscord.ChannelOption(FakeDiscord.SUPPORT_CHANNEL_ID))));
        var panel = fake.awaitSent(s -> s.channelId() == FakeDiscord.SUPPORT_CHANNEL_ID && !s.customIds().isEmpty(), WAIT);
        assertFalse(panel.content().contains("Contact support"), panel.content());
        assertTrue(panel.body().path("components").findValuesAsText("label").contains("转账一直未确认"));
        String press = fake.buttonPress(FakeDiscord.SUPPORT_CHANNEL_ID, USER, panel.messageId(), button(panel, CATEGORY));
        var modal = fake.modal(fake.awaitCallback(press, WAIT));
        assertEquals("新工单：转账一直未确认", modal.title());
        var refused = deferredAnswer(fake.modalSubmit(FakeDiscord.SUPPORT_CHANNEL_ID, USER, panel.messageId(), modal,
                Map.of("description", "转账从昨天开始一直没有确认。", "time", "昨天下午3点", "chain", "TRC20", "tx_hash", "123")));
        assertTrue(refused.content().startsWith("尚未提交"), refused.content());
    }
}
