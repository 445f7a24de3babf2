package supportbot.channel.telegram;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import supportbot.channel.SendFailure;
import supportbot.desk.Agent;
import supportbot.desk.AgentDirectory;
import supportbot.desk.DeskAction;
import supportbot.desk.DeskService;
import supportbot.desk.StaffCommands;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;

/**
 * Agents working in the staff forum: a message in a ticket's topic is a reply to the user, a command acts on
 * the ticket, a button claims, resolves, reopens or escalates. Only configured agent ids act; what they may
 * do is the desk's {@code DeskPolicy} decision, as on every other surface.
 */
final class StaffUpdates {
    private static final Logger log = LoggerFactory.getLogger(StaffUpdates.class);
    /** Handled staff update ids live in a ring of slots: bounded, and right even when webhooks arrive out of order. */
    private static final int SEEN_SLOTS = 4096;

    record SeenUpdate(long updateId) {
    }

    private final DeskService desk;
    private final AgentDirectory agents;
    private final Store store;
    private final GroupCommitter committer;
    private final BotApi api;
    private final BotIdentity me;
    private final long staffChatId;
    private final Long supervisorChatId;
    private final supportbot.safety.Signer signer;
    private RelayedReplies relayed;

    /** With the record of users' copies, an agent's edit in the topic edits the copy the user got. */
    StaffUpdates withRelayedReplies(RelayedReplies relayed) {
        this.relayed = relayed;
        return this;
    }

    StaffUpdates(DeskService desk, AgentDirectory agents, Store store, GroupCommitter committer, BotApi api, BotIdentity me,
                 long staffChatId, Long supervisorChatId, supportbot.safety.Signer signer) {
        this.signer = signer;
        this.desk = desk;
        this.agents = agents;
        this.store = store;
        this.committer = committer;
        this.api = api;
        this.me = me;
        this.staffChatId = staffChatId;
        this.supervisorChatId = supervisorChatId;
    }

    /** True for updates from the staff chats: they never reach the user-side dialogue. */
    boolean isStaff(Update u) {
        if (u.hasCallbackQuery()) {
            var m = u.getCallbackQuery().getMessage();
            return StaffCallback.looksLikeStaff(u.getCallbackQuery().getData()) || m != null && staffChat(m.getChatId());
        }
        if (u.getEditedMessage() != null) {
            return staffChat(u.getEditedMessage().getChatId());
        }
        return u.getMessage() != null && staffChat(u.getMessage().getChatId());
    }

    private boolean staffChat(Long chatId) {
        return chatId != null && (chatId == staffChatId || supervisorChatId != null && chatId.longValue() == supervisorChatId);
    }

    void handle(Update u) {
        // Staff actions are not idempotent (a reply sent twice is two replies): skip what was already done.
        String slot = "telegram-staff:seen:" + Math.floorMod(u.getUpdateId(), SEEN_SLOTS);
        if (store.surfaceState(slot, SeenUpdate.class).map(s -> s.updateId() == u.getUpdateId()).orElse(false)) {
            return;
        }
        if (u.hasCallbackQuery()) {
            pressed(u.getCallbackQuery());
        } else if (u.getEditedMessage() != null) {
            edited(u.getEditedMessage());
        } else {
            message(u.getMessage());
        }
        committer.submit(tx -> tx.putSurfaceState(slot, new SeenUpdate(u.getUpdateId()))).join();
    }

    private void pressed(CallbackQuery q) {
        Optional<StaffCallback> parsed = signer.verify(StaffCallback.scope(staffChatId), q.getData())
                .flatMap(StaffCallback::parse);
        var m = q.getMessage();
        if (parsed.isEmpty() || m == null || !staffChat(m.getChatId())) {
            log.warn("refused a staff button with a bad signature, unknown data or from outside the staff group (user {})",
                    q.getFrom().getId());
            answer(q, "Unknown button");
            return;
        }
        Optional<Agent> agent = agents.byTelegramId(q.getFrom().getId());
        if (agent.isEmpty()) {
            log.warn("refused staff button '{}' from Telegram user {}: not a configured agent", parsed.get().verb(),
                    q.getFrom().getId());
            answer(q, "Only configured agents can do this");
            return;
        }
        StaffCallback c = parsed.get();
        if (c.verb().equals("claimsend")) {
            claimAndSend(q, agent.get(), c.ticket());
            return;
        }
        DeskAction action = switch (c.verb()) {
            case "claim" -> new DeskAction.Claim();
            case "resolve" -> new DeskAction.Resolve();
            case "reopen" -> new DeskAction.Reopen();
            default -> new DeskAction.Escalate("escalated from the Telegram staff group by " + agent.get().name());
        };
        answer(q, desk.attempt(agent.get(), c.ticket(), action).orElse("Done: " + c.verb() + " #" + c.ticket()));
    }

    private void message(Message m) {
        if (m.getFrom() == null || Boolean.TRUE.equals(m.getFrom().getIsBot()) || m.getMessageThreadId() == null) {
            return;
        }
        var ticket = m.getChatId() == staffChatId
                ? supportbot.channel.StaffFeed.ticketOf(store, TelegramStaffSurface.NAME, m.getMessageThreadId())
                : java.util.Optional.<Long>empty();
        if (ticket.isEmpty()) {
            return; // talk in other topics is the team's own
        }
        Optional<Agent> agent = agents.byTelegramId(m.getFrom().getId());
        if (agent.isEmpty()) {
            log.warn("ignored a message in ticket #{}'s topic from Telegram user {}: not a configured agent",
                    ticket.get(), m.getFrom().getId());
            return;
        }
        String text = m.hasText() ? m.getText().strip() : m.getCaption();
        if (text == null || text.isBlank()) {
            notice(m, "Only text is relayed to the user; describe the file or ask the user with /ask screenshot.");
            return;
        }
        if (supportbot.safety.Secrets.contain(text)) {
            log.warn("removed an agent's message holding a recovery phrase or key from ticket #{}'s topic ({})",
                    ticket.get(), agent.get().name());
            try {
                api.deleteMessage(m.getChatId(), m.getMessageId());
            } catch (SendFailure e) {
                log.warn("could not delete it (give the bot the Delete messages right): {}", e.getMessage());
            }
            notice(m, "Your message looked like a recovery phrase or private key, so it was deleted and not sent. "
                    + "Support never asks for or sends these.");
            return;
        }
        Optional<DeskAction> action = text.startsWith("/") ? StaffCommands.parse(text, '/', "Telegram staff group")
                : Optional.of(new DeskAction.Reply(text));
        if (action.isEmpty()) {
            notice(m, "Commands (each after a /): " + StaffCommands.HELP + ". Anything else you write here goes to the user.");
            return;
        }
        if (action.get() instanceof DeskAction.Reply reply && unclaimed(ticket.get())) {
            hold(m, agent.get(), ticket.get(), reply.text());
            return;
        }
        String userKey = store.ticket(ticket.get()).map(t -> t.draft().conversationKey()).orElse(null);
        if (relayed != null && action.get() instanceof DeskAction.Reply reply) {
            relayed.expect(userKey, m.getMessageId(), ticket.get(), reply.text());
        }
        desk.attempt(agent.get(), ticket.get(), action.get()).ifPresent(error -> {
            if (relayed != null) {
                relayed.refused(userKey, m.getMessageId());
            }
            notice(m, error);
        });
    }

    /**
     * An agent edited a message in a ticket's topic: the user's copy is edited to match (editMessageText), and
     * the ticket records it. A phrase typed into an edit never reaches the user: the message is deleted here and
     * the user keeps the earlier wording.
     */
    private void edited(Message m) {
        if (relayed == null || m.getFrom() == null || m.getMessageThreadId() == null || m.getChatId() != staffChatId) {
            return;
        }
        var ticket = supportbot.channel.StaffFeed.ticketOf(store, TelegramStaffSurface.NAME, m.getMessageThreadId());
        Optional<Agent> agent = agents.byTelegramId(m.getFrom().getId());
        String text = m.hasText() ? m.getText().strip() : null;
        if (ticket.isEmpty() || agent.isEmpty() || text == null || text.isEmpty() || text.startsWith("/")) {
            return;
        }
        var copy = relayed.copyOf(m.getMessageId()).filter(c -> !c.messageIds().isEmpty());
        if (supportbot.safety.Secrets.contain(text)) {
            copy.ifPresent(c -> committer.submit(tx -> tx.putSurfaceState(RelayedReplies.RELAY + m.getMessageId(),
                    new RelayedReplies.RelayedCopy(c.chatId(), c.prefix(), c.ticket(), java.util.List.of()))).join());
            try {
                api.deleteMessage(m.getChatId(), m.getMessageId());
            } catch (SendFailure e) {
                log.warn("could not delete an edit holding a phrase (give the bot the Delete messages right): {}", e.getMessage());
            }
            notice(m, "That edit looked like a recovery phrase or private key, so the message was deleted here; the user "
                    + "keeps the earlier wording.");
            return;
        }
        if (copy.isEmpty()) {
            notice(m, "✏️ That edit did not reach the user: only replies delivered to a Telegram user can be changed.");
            return;
        }
        var c = copy.get();
        try {
            var parts = TelegramText.htmlChunks(c.prefix() + text);
            api.editHtml(c.chatId(), c.messageIds().get(0), parts.isEmpty() ? "…" : parts.get(0), null);
        } catch (SendFailure e) {
            log.warn("an agent's edit could not be passed on to the user: {}", e.getMessage());
            notice(m, "✏️ That edit could not be passed on to the user; they still read the earlier wording.");
            return;
        }
        String who = agent.get().name();
        committer.submit(tx -> tx.updateTicket(ticket.get(), t -> t.withEvent(new supportbot.ticket.TicketEvent(
                java.time.Instant.now(), who, supportbot.ticket.TicketEvent.Type.REPLY_EDITED, text, java.util.List.of())))).join();
    }

    /** An agent's words held until they claim the ticket; consumed (emptied) once sent. */
    record HeldReply(String text) {
    }

    private static String heldKey(long ticket, String agent) {
        return TelegramStaffSurface.NAME + ":held:" + ticket + ":" + agent;
    }

    private boolean unclaimed(long ticket) {
        return store.ticket(ticket).map(t -> t.assignee() == null && t.status().open()).orElse(false);
    }

    /**
     * The first words in an unclaimed ticket's topic are not lost with "claim it first": they are kept and
     * one button claims the ticket and sends them.
     */
    private void hold(Message m, Agent agent, long ticket, String text) {
        committer.submit(tx -> tx.putSurfaceState(heldKey(ticket, agent.name()), new HeldReply(text))).join();
        var button = org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton.builder()
                .text("Claim and send").callbackData(signer.sign(StaffCallback.scope(staffChatId),
                        StaffCallback.data("claimsend", ticket))).build();
        var keyboard = org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup.builder()
                .keyboardRow(new org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow(button))
                .build();
        try {
            api.sendHtml(m.getChatId(), m.getMessageThreadId(), TelegramText.escapeHtml("Ticket #" + ticket
                    + " is not claimed yet, so your message was not sent. Claim the ticket and send it?"), keyboard);
        } catch (SendFailure e) {
            log.warn("could not offer claim-and-send in ticket #{}'s topic: {}", ticket, e.getMessage());
        }
    }

    private void claimAndSend(CallbackQuery q, Agent agent, long ticket) {
        var claimed = desk.attempt(agent, ticket, new DeskAction.Claim());
        if (claimed.isPresent()) {
            answer(q, claimed.get());
            return;
        }
        String key = heldKey(ticket, agent.name());
        String text = store.surfaceState(key, HeldReply.class).map(HeldReply::text).orElse("");
        if (text.isEmpty()) {
            answer(q, "Claimed #" + ticket + "; there was no message of yours waiting");
            return;
        }
        var error = desk.attempt(agent, ticket, new DeskAction.Reply(text));
        committer.submit(tx -> tx.putSurfaceState(key, new HeldReply(""))).join();
        answer(q, error.orElse("Claimed #" + ticket + " and sent your message"));
    }

    private void notice(Message m, String text) {
        try {
            api.sendHtml(m.getChatId(), m.getMessageThreadId(), TelegramText.escapeHtml(text), null);
        } catch (SendFailure e) {
            log.debug("staff notice not sent: {}", e.getMessage());
        }
    }

    private void answer(CallbackQuery q, String text) {
        try {
            api.answerCallback(q.getId(), text);
        } catch (SendFailure e) {
            log.debug("answering a staff callback failed: {}", e.getMessage());
        }
    }
}
