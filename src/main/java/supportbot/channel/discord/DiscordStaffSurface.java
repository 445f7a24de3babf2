package supportbot.channel.discord;

import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import supportbot.channel.SendFailure;
import supportbot.channel.StaffSurface;
import supportbot.ticket.Ticket;
import supportbot.ticket.TicketEvent;
import supportbot.ticket.TicketStatus;
import supportbot.ticket.Tier;
import supportbot.dialogue.Attachment;
import supportbot.dialogue.details.DetailValue;
import supportbot.safety.Signer;

/** The staff channel: a thread per ticket opened with the summary as an embed, then a line per event. */
final class DiscordStaffSurface implements StaffSurface {
    static final String NAME = "discord-staff";

    private final JDA jda;
    private final long staffChannelId;
    private final Signer signer;
    private final java.util.function.Function<String, String> categoryName;
    private final supportbot.channel.SlaVerdict sla;

    private final Long mentionRoleId;
    private DiscordThreads threads;

    /** Lets the surface make room when Discord's active thread limit is reached; without it, it just fails. */
    DiscordStaffSurface withThreadLimit(DiscordThreads threads) {
        this.threads = threads;
        return this;
    }
    private supportbot.channel.ContactLine contact = supportbot.channel.ContactLine.none();

    /** @param mentionRoleId the role to ping in the staff channel when a ticket opens, or null for none */
    DiscordStaffSurface(JDA jda, long staffChannelId, Signer signer, java.util.function.Function<String, String> categoryName,
                        Long mentionRoleId, supportbot.channel.SlaVerdict sla) {
        this.sla = sla;
        this.mentionRoleId = mentionRoleId;
        this.jda = jda;
        this.staffChannelId = staffChannelId;
        this.signer = signer;
        this.categoryName = categoryName;
    }

    /** Cards name the user (global name, username, id) from this. */
    DiscordStaffSurface withContacts(supportbot.channel.ContactLine contact) {
        this.contact = contact;
        return this;
    }

    static String scope(long staffChannelId) {
        return "discord-staff:" + staffChannelId;
    }

    @Override
    public String name() {
        return NAME;
    }

    private TextChannel staff() throws SendFailure {
        TextChannel c = jda.getTextChannelById(staffChannelId);
        if (c == null) {
            throw SendFailure.permanent("the staff channel " + staffChannelId + " is not visible to the bot", null);
        }
        return c;
    }

    /**
     * The ticket's thread, unarchived if it was archived (a reopened ticket, a late rating): the thread is reused,
     * never replaced, so agents keep the whole history in one place.
     */
    private ThreadChannel thread(long place) throws SendFailure {
        ThreadChannel t = threads == null ? jda.getThreadChannelById(place)
                : call(() -> threads.find(jda, place).orElse(null));
        if (t == null) {
            throw SendFailure.permanent("the ticket thread " + place + " is gone", null);
        }
        if (threads != null && (t.isArchived() || jda.getThreadChannelById(place) == null)) {
            call(() -> {
                threads.unarchive(t);
                return null;
            });
        }
        return t;
    }

    @Override
    public long openPlace(Ticket t) throws SendFailure {
        String name = "#" + t.number() + " · " + categoryName.apply(t.draft().categoryId()) + " · " + t.draft().lang().name();
        String threadName = name.length() > 100 ? name.substring(0, 100) : name;
        long thread;
        try {
            thread = call(() -> staff().createThreadChannel(threadName).complete().getIdLong());
        } catch (SendFailure f) {
            if (threads == null || !DiscordThreads.atLimit(f)) {
                throw f;
            }
            // 1,000 active threads in the server: archive settled tickets' threads, then try once more.
            if (threads.archiveSettled(staff().getGuild()) == 0) {
                throw SendFailure.transientError(DiscordThreads.fullMessage(), f);
            }
            thread = call(() -> staff().createThreadChannel(threadName).complete().getIdLong());
        }
        if (mentionRoleId != null) {
            // Best effort (queued): a failed ping must not make the feed retry and open a second thread.
            staff().sendMessage(DiscordSender.base().mentionRoles(List.of(Long.toString(mentionRoleId))).setContent(DiscordText.clip("🆕 <@&"
                    + mentionRoleId + "> ticket #" + t.number() + " · " + categoryName.apply(t.draft().categoryId())
                    + " → <#" + thread + ">", DiscordText.MAX_MESSAGE_CHARS)).build()).queue(ok -> { }, e -> { });
        }
        return thread;
    }

    @Override
    public long postCard(long place, Ticket t) throws SendFailure {
        ThreadChannel thread = thread(place);
        return call(() -> thread.sendMessage(DiscordSender.base().setEmbeds(card(t)).setComponents(buttons(t)).build())
                .complete().getIdLong());
    }

    @Override
    public void postFiles(long place, List<Attachment> files, String caption) throws SendFailure {
        ThreadChannel thread = thread(place);
        for (Attachment a : files) {
            byte[] content;
            try {
                content = supportbot.channel.AttachmentFiles.read(a);
            } catch (java.io.IOException e) {
                continue; // erased or swept meanwhile: nothing to show
            }
            call(() -> thread.sendMessage(DiscordSender.base().setContent(caption == null ? "" : caption)
                    .addFiles(FileUpload.fromData(content, a.fileName())).build()).complete());
        }
    }

    @Override
    public void postEvent(long place, Ticket t, TicketEvent e) throws SendFailure {
        relayEvent(place, t, e);
    }

    @Override
    public List<Long> relayEvent(long place, Ticket t, TicketEvent e) throws SendFailure {
        if (e.type() == TicketEvent.Type.OPENED) {
            return List.of();
        }
        ThreadChannel thread = thread(place);
        var ids = new java.util.ArrayList<Long>();
        for (String part : DiscordText.chunks(line(e))) {
            ids.add(call(() -> thread.sendMessage(DiscordSender.base().setContent(part).build()).complete().getIdLong()));
        }
        return ids;
    }

    /** The first message becomes the redacted line, the others (a long line's later chunks) are deleted. */
    @Override
    public void redactEvent(long place, List<Long> messageIds, Ticket t, TicketEvent e) throws SendFailure {
        ThreadChannel thread = thread(place);
        for (int i = 0; i < messageIds.size(); i++) {
            long id = messageIds.get(i);
            if (i == 0) {
                String line = DiscordText.clip(line(e), DiscordText.MAX_MESSAGE_CHARS);
                call(() -> thread.editMessageById(id, new MessageEditBuilder().setContent(line).build()).complete());
            } else {
                call(() -> {
                    thread.deleteMessageById(id).complete();
                    return null;
                });
            }
        }
    }

    private static String line(TicketEvent e) {
        String who = e.actor();
        String text = e.text() == null ? "" : e.text();
        return switch (e.type()) {
            case USER_MESSAGE -> "👤 **User:** " + (text.isEmpty() ? "*(file)*" : text);
            case REPLY -> "💬 **" + who + "** → user: " + text;
            case NOTE -> "📝 **" + who + "** (internal note): " + text;
            case USER_DELETED -> "🗑 **User** deleted their message";
            case REPLY_EDITED -> "✏️ **" + who + "** edited their reply; the user now reads: " + text;
            case REPLY_DELETED -> "🗑 **" + who + "** deleted their reply; the user's copy is deleted too";
            default -> "• " + e.type().label() + " (" + who + ")" + (text.isEmpty() ? "" : ": " + text);
        };
    }

    @Override
    public void postTranscript(long place, Ticket t, byte[] transcript) throws SendFailure {
        ThreadChannel thread = thread(place);
        call(() -> thread.sendMessage(DiscordSender.base().setContent("📄 Transcript of ticket #" + t.number() + " at resolution")
                .addFiles(FileUpload.fromData(transcript, "transcript-" + t.number() + ".txt")).build()).complete());
    }

    @Override
    public void updateCard(long place, long card, Ticket t) throws SendFailure {
        ThreadChannel thread = thread(place);
        call(() -> thread.editMessageById(card, new MessageEditBuilder().setEmbeds(card(t)).setComponents(buttons(t)).build())
                .complete());
        if (!t.status().open()) {
            // A settled ticket's thread leaves the active list (it counts towards Discord's 1,000); Reopen still works.
            call(() -> thread.getManager().setArchived(true).complete());
        }
    }

    @Override
    public void alertSupervisors(Ticket t, TicketEvent why, long place) throws SendFailure {
        TextChannel staff = staff();
        String reason = why.type() == TicketEvent.Type.SLA_BREACH ? "missed its service level" : why.type() == TicketEvent.Type.OPENED
                ? "was opened as " + t.draft().reason() : "was escalated by " + why.actor();
        call(() -> staff.sendMessage(DiscordSender.base().setContent(DiscordText.clip("⚠️ Supervisors: ticket #" + t.number()
                + " " + reason + " → <#" + place + ">", DiscordText.MAX_MESSAGE_CHARS)).build()).complete());
    }

    MessageEmbed card(Ticket t) {
        var d = t.draft();
        var e = new EmbedBuilder().setTitle(DiscordText.clip("🎫 #" + t.number() + " · " + categoryName.apply(d.categoryId()), 256))
                .setDescription("Status **" + t.status().label() + "**" + (t.tier() == Tier.SUPERVISOR ? " · supervisor tier" : "")
                        + " · priority " + d.priority() + " · " + d.lang().name() + " · from " + d.channel()
                        + "\nAssignee: " + (t.assignee() == null ? "—" : t.assignee()) + " · opened because: " + d.reason()
                        // A mention inside an embed never pings; it lets agents open the user's profile.
                        + contact.of(d.conversationKey(), net.dv8tion.jda.api.utils.MarkdownSanitizer::escape)
                                .map(line -> "\n" + line + contact.platformId(d.conversationKey()).map(id -> " · <@" + id + ">")
                                        .orElse("")).orElse("")
                        + contact.linked(d.conversationKey()).map(line -> "\n" + line).orElse(""));
        for (DetailValue v : d.details().values()) {
            e.addField(v.type().key().replace('_', ' '), DiscordText.clip(v.value(), DiscordText.MAX_EMBED_FIELD_CHARS), false);
        }
        sla.of(t).ifPresent(v -> e.addField("Service level", v, false));
        if (!d.faqTried().isEmpty()) {
            e.addField("FAQ already tried", DiscordText.clip(String.join(", ", d.faqTried()), 1024), false);
        }
        e.setFooter("Write in this thread to answer the user. !note text · !ask tx_hash · !transfer name · !resolve · !escalate reason");
        return e.build();
    }

    private ActionRow buttons(Ticket t) {
        String s = scope(staffChannelId);
        if (!t.status().open()) {
            return ActionRow.of(Button.secondary(signer.sign(s, "desk:reopen:" + t.number()), "Reopen"));
        }
        var row = new java.util.ArrayList<Button>();
        if (t.status() == TicketStatus.QUEUED) {
            row.add(Button.primary(signer.sign(s, "desk:claim:" + t.number()), "Claim"));
        }
        row.add(Button.success(signer.sign(s, "desk:resolve:" + t.number()), "Resolve"));
        if (t.tier() == Tier.AGENT) {
            row.add(Button.danger(signer.sign(s, "desk:escalate:" + t.number()), "Escalate"));
        }
        return ActionRow.of(row);
    }

    private interface Call<T> {
        T run() throws SendFailure;
    }

    private static <T> T call(Call<T> c) throws SendFailure {
        try {
            return c.run();
        } catch (ErrorResponseException e) {
            throw DiscordSender.failure(e);
        } catch (RuntimeException e) {
            throw SendFailure.transientError("Discord: " + e.getMessage(), e);
        }
    }
}
