package supportbot.channel.telegram;

import static supportbot.channel.telegram.TelegramText.escapeHtml;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import supportbot.ticket.Ticket;
import supportbot.ticket.TicketEvent;
import supportbot.ticket.TicketStatus;
import supportbot.ticket.Tier;
import supportbot.dialogue.details.DetailValue;

/** What agents see in a ticket's topic: the summary card, its buttons, and one line per ticket event. */
final class StaffCards {
    /** Card text stays well under Telegram's 4096 characters even with a long description. */
    private static final int MAX_FIELD_CHARS = 1200;

    private final Function<String, String> categoryName;
    private final supportbot.safety.Signer signer;
    private final long staffChatId;
    private final supportbot.channel.SlaVerdict sla;
    private supportbot.channel.ContactLine contact = supportbot.channel.ContactLine.none();

    StaffCards(Function<String, String> categoryName, supportbot.safety.Signer signer, long staffChatId,
               supportbot.channel.SlaVerdict sla) {
        this.categoryName = categoryName;
        this.sla = sla;
        this.signer = signer;
        this.staffChatId = staffChatId;
    }

    /** Cards name the user (Telegram name, @username, id) from this. */
    StaffCards withContacts(supportbot.channel.ContactLine contact) {
        this.contact = contact;
        return this;
    }

    String topicName(Ticket t) {
        String name = "#" + t.number() + " " + statusMark(t.status()) + " " + categoryName.apply(t.draft().categoryId())
                + " · " + t.draft().lang().name();
        return name.length() > 120 ? name.substring(0, 120) : name;
    }

    /** Agents scan the topic list by these: the status without opening the topic. */
    static String statusMark(supportbot.ticket.TicketStatus status) {
        return switch (status) {
            case QUEUED -> "🆕";
            case ASSIGNED -> "👤";
            case WAITING_USER -> "⏳";
            case RESOLVED -> "✅";
            case CLOSED -> "🔒";
        };
    }

    String card(Ticket t) {
        var d = t.draft();
        var sb = new StringBuilder();
        sb.append("<b>🎫 #").append(t.number()).append(" · ").append(escapeHtml(categoryName.apply(d.categoryId())))
                .append("</b>\n");
        sb.append("Status: <b>").append(t.status().label()).append("</b>")
                .append(t.tier() == Tier.SUPERVISOR ? " · <b>supervisor tier</b>" : "")
                .append(" · priority ").append(d.priority()).append(d.urgent() ? " (urgent)" : "")
                .append(" · ").append(d.lang().name()).append('\n');
        sb.append("Assignee: ").append(t.assignee() == null ? "—" : escapeHtml(t.assignee())).append('\n');
        sb.append("From: ").append(escapeHtml(d.channel())).append(" · opened because: ").append(escapeHtml(d.reason()))
                .append('\n');
        contact.of(d.conversationKey(), TelegramText::escapeHtml).ifPresent(line -> sb.append(line).append('\n'));
        contact.linked(d.conversationKey()).ifPresent(line -> sb.append(escapeHtml(line)).append('\n'));
        for (DetailValue v : d.details().values()) {
            sb.append("<b>").append(escapeHtml(label(v.type().key()))).append(":</b> ")
                    .append(escapeHtml(clip(v.value()))).append('\n');
        }
        if (d.details().isEmpty()) {
            sb.append("<i>No details collected yet.</i>\n");
        }
        if (!d.faqTried().isEmpty()) {
            sb.append("FAQ already tried: ").append(escapeHtml(String.join(", ", d.faqTried()))).append('\n');
        }
        sla.of(t).ifPresent(v -> sb.append("<b>").append(escapeHtml(v)).append("</b>\n"));
        if (t.rating() != null) {
            sb.append("Rating: ").append("★".repeat(t.rating().stars())).append('\n');
        }
        sb.append("\n<i>Write here to answer the user. /note text (internal) · /ask tx_hash · /transfer name · "
                + "/resolve · /escalate reason</i>");
        return sb.toString();
    }

    InlineKeyboardMarkup buttons(Ticket t) {
        var row = new InlineKeyboardRow();
        if (t.status().open()) {
            if (t.status() == TicketStatus.QUEUED) {
                row.add(button("🙋 Claim", "claim", t));
            }
            row.add(button("✅ Resolve", "resolve", t));
            if (t.tier() == Tier.AGENT) {
                row.add(button("⬆️ Escalate", "escalate", t));
            }
        } else {
            row.add(button("↩️ Reopen", "reopen", t));
        }
        return InlineKeyboardMarkup.builder().keyboard(List.of(row)).build();
    }

    private InlineKeyboardButton button(String label, String verb, Ticket t) {
        return InlineKeyboardButton.builder().text(label)
                .callbackData(signer.sign(StaffCallback.scope(staffChatId), StaffCallback.data(verb, t.number()))).build();
    }

    /** One event as a line in the topic; null for events the card itself shows. */
    String event(TicketEvent e) {
        String who = escapeHtml(e.actor());
        String text = e.text() == null ? "" : escapeHtml(clip(e.text()));
        return switch (e.type()) {
            case OPENED -> null;
            case USER_MESSAGE -> "👤 <b>User:</b> " + (text.isEmpty() ? "<i>(file)</i>" : text);
            case DETAIL -> "📎 <b>User gave</b> " + text;
            case REPLY -> "💬 <b>" + who + "</b> → user: " + text;
            case NOTE -> "📝 <b>" + who + "</b> (internal note): " + text;
            case USER_DELETED -> "🗑 <b>User</b> deleted their message";
            case REPLY_EDITED -> "✏️ <b>" + who + "</b> edited their reply; the user now reads: " + text;
            case REPLY_DELETED -> "🗑 <b>" + who + "</b> deleted their reply; the user's copy is deleted too";
            case CLAIMED -> "🙋 Claimed by <b>" + who + "</b>";
            case ASSIGNED -> "🤖 Assigned to <b>" + text + "</b>";
            case TRANSFERRED -> "🔀 " + who + " transferred the ticket to <b>" + text + "</b>";
            case RESOLVED -> "✅ Resolved by <b>" + who + "</b>; the user is asked to rate the service";
            case REOPENED -> "↩️ Reopened by " + who;
            case ESCALATED -> "⬆️ <b>Escalated to supervisors</b> by " + who + (text.isEmpty() ? "" : ": " + text);
            case ASKED -> "❓ " + who + " asked the user for: <b>" + text + "</b>";
            case SLA_BREACH -> "⏰ <b>Service level missed</b> (" + text.toLowerCase(Locale.ROOT).replace('_', ' ')
                    + ")";
            case RATING -> "⭐ Rating: " + text;
            case ALERT -> "🚨 " + text;
            case ERASED -> "🗑 The user erased their data (/forget)";
            case BANNED -> "⛔ " + who + " banned the user: " + text;
            case UNBANNED -> "✅ " + who + " lifted the ban";
            case LINKED -> "🔗 " + who + " linked this user to " + text + ": the same person";
            case UNLINKED -> "✂️ " + who + " unlinked " + text + " from this user";
            default -> "• " + escapeHtml(e.type().label()) + " (" + who + ")" + (text.isEmpty() ? "" : ": " + text);
        };
    }

    /** The line supervisors get when a ticket reaches their tier. */
    String supervisorAlert(Ticket t, TicketEvent why, String topicLink) {
        String reason = why.type() == TicketEvent.Type.SLA_BREACH ? "missed its service level"
                : why.type() == TicketEvent.Type.OPENED ? "was opened as " + escapeHtml(t.draft().reason())
                : "was escalated by " + escapeHtml(why.actor()) + (why.text() == null ? "" : ": " + escapeHtml(clip(why.text())));
        return "⚠️ <b>#" + t.number() + "</b> " + reason + (topicLink == null ? "" : "\n" + topicLink);
    }

    private static String label(String key) {
        String words = key.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String clip(String s) {
        return s.length() <= MAX_FIELD_CHARS ? s : s.substring(0, MAX_FIELD_CHARS) + "…";
    }
}
