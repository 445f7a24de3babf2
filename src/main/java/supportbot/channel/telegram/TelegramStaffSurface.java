package supportbot.channel.telegram;

import java.time.Duration;
import java.util.List;
import supportbot.channel.SendFailure;
import supportbot.channel.StaffSurface;
import supportbot.ticket.Ticket;
import supportbot.ticket.TicketEvent;
import supportbot.dialogue.Attachment;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;

/** The staff forum supergroup: a topic per ticket, the card with its buttons, a line per event. */
final class TelegramStaffSurface implements StaffSurface {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TelegramStaffSurface.class);
    static final String NAME = "telegram-staff";
    private static final String SUPERVISOR_TOPIC = NAME + ":supervisors";

    /** The supervisors' topic, made once. */
    record SupervisorTopic(int threadId) {
    }

    private final Store store;
    private final GroupCommitter committer;
    private final BotApi api;
    private final SendLimiter limiter;
    private final StaffCards cards;
    private final long staffChatId;
    private final Long supervisorChatId;
    private List<String> newTicketMention = List.of();

    TelegramStaffSurface(Store store, GroupCommitter committer, BotApi api, SendLimiter limiter, StaffCards cards,
                         long staffChatId, Long supervisorChatId) {
        this.store = store;
        this.committer = committer;
        this.api = api;
        this.limiter = limiter;
        this.cards = cards;
        this.staffChatId = staffChatId;
        this.supervisorChatId = supervisorChatId;
    }

    /** @param usernames "@name"s mentioned when a ticket's topic opens; empty for none */
    TelegramStaffSurface mentioning(List<String> usernames) {
        this.newTicketMention = List.copyOf(usernames);
        return this;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long openPlace(Ticket t) throws SendFailure {
        gate();
        return api.createTopic(staffChatId, cards.topicName(t));
    }

    @Override
    public long postCard(long place, Ticket t) throws SendFailure {
        gate();
        long card = api.sendHtml(staffChatId, (int) place, cards.card(t), cards.buttons(t));
        if (!newTicketMention.isEmpty()) {
            // A separate line: an edited card would not notify anyone, a new message does.
            gate();
            api.sendHtml(staffChatId, (int) place, TelegramText.escapeHtml(String.join(" ", newTicketMention)
                    + " 🆕 #" + t.number() + " " + cards.topicName(t).replaceFirst("^#\\d+ \\S+ ", "")), null);
        }
        return card;
    }

    @Override
    public void postFiles(long place, List<Attachment> files, String caption) throws SendFailure {
        for (Attachment a : files) {
            gate();
            byte[] content;
            try {
                content = supportbot.channel.AttachmentFiles.read(a);
            } catch (java.io.IOException e) {
                continue; // erased or swept meanwhile: nothing to show
            }
            api.sendFile(staffChatId, (int) place, content, a.fileName(), caption);
        }
    }

    @Override
    public void postTranscript(long place, Ticket t, byte[] transcript) throws SendFailure {
        gate();
        api.sendFile(staffChatId, (int) place, transcript, "transcript-" + t.number() + ".txt",
                "📄 Transcript of ticket #" + t.number() + " at resolution");
    }

    @Override
    public void postEvent(long place, Ticket t, TicketEvent e) throws SendFailure {
        relayEvent(place, t, e);
    }

    @Override
    public List<Long> relayEvent(long place, Ticket t, TicketEvent e) throws SendFailure {
        String line = cards.event(e);
        if (line == null) {
            return List.of();
        }
        gate();
        return List.of((long) api.sendHtml(staffChatId, (int) place, line, null));
    }

    /** A bot may edit its own messages at any age (deleting is limited to 48 hours), so the line is edited. */
    @Override
    public void redactEvent(long place, List<Long> messageIds, Ticket t, TicketEvent e) throws SendFailure {
        String line = cards.event(e);
        for (long id : messageIds) {
            gate();
            api.editHtml(staffChatId, (int) id, line == null ? supportbot.safety.SecretDetector.REDACTION : line, null);
        }
    }

    @Override
    public void updateCard(long place, long card, Ticket t) throws SendFailure {
        gate();
        api.editHtml(staffChatId, (int) card, cards.card(t), cards.buttons(t));
        followTicket((int) place, t);
    }

    /**
     * The topic follows the ticket: renamed with its status, closed when it is resolved or closed, reopened
     * with it. Telegram refuses a change that changes nothing ("TOPIC_NOT_MODIFIED"): that is no failure.
     */
    private void followTicket(int thread, Ticket t) throws SendFailure {
        try {
            gate();
            api.renameTopic(staffChatId, thread, cards.topicName(t));
        } catch (SendFailure f) {
            ignoreIfPermanent(f, "rename");
        }
        boolean reopened = !t.events().isEmpty() && t.events().get(t.events().size() - 1).type() == TicketEvent.Type.REOPENED;
        if (t.status().open() && !reopened) {
            return; // an open ticket's topic is open unless it was closed, which only a resolution does
        }
        try {
            gate();
            api.setTopicOpen(staffChatId, thread, t.status().open());
        } catch (SendFailure f) {
            ignoreIfPermanent(f, t.status().open() ? "reopen" : "close");
        }
    }

    private static void ignoreIfPermanent(SendFailure f, String what) throws SendFailure {
        if (!f.permanent()) {
            throw f; // a 429 or an outage: the feed tries the whole update again later
        }
        log.debug("Telegram did not {} a ticket topic: {}", what, f.getMessage());
    }

    @Override
    public void alertSupervisors(Ticket t, TicketEvent why, long place) throws SendFailure {
        String text = cards.supervisorAlert(t, why, topicLink(place));
        if (supervisorChatId != null) {
            gate();
            api.sendHtml(supervisorChatId, null, text, cards.buttons(t));
            return;
        }
        var existing = store.surfaceState(SUPERVISOR_TOPIC, SupervisorTopic.class);
        int thread;
        if (existing.isPresent()) {
            thread = existing.get().threadId();
        } else {
            gate();
            thread = api.createTopic(staffChatId, "⚠️ Supervisors");
            var made = new SupervisorTopic(thread);
            committer.submit(tx -> tx.putSurfaceState(SUPERVISOR_TOPIC, made)).join();
        }
        gate();
        api.sendHtml(staffChatId, thread, text, null);
    }

    /** t.me/c/ links work for members of a supergroup: its id without the -100 prefix. */
    private String topicLink(long thread) {
        String id = Long.toString(staffChatId);
        return id.startsWith("-100") ? "https://t.me/c/" + id.substring(4) + "/" + thread : null;
    }

    private void gate() throws SendFailure {
        RateGate.pass(limiter, staffChatId, Duration.ofSeconds(5));
    }
}
