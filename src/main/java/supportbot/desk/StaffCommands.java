package supportbot.desk;

import java.util.Locale;
import java.util.Optional;

/**
 * What agents type in a chat app's ticket place ("/note text" in Telegram, "!note text" in Discord, where "/"
 * belongs to slash commands): the same desk actions on every surface.
 */
public final class StaffCommands {
    public static final String HELP = supportbot.dialogue.BotCommand.staffUsage();

    private StaffCommands() {
    }

    /**
     * @param prefix '/' or '!'
     * @return the action, or empty when the text is not a known command
     */
    public static Optional<DeskAction> parse(String text, char prefix, String surface) {
        if (text.isEmpty() || text.charAt(0) != prefix) {
            return Optional.empty();
        }
        String[] parts = text.substring(1).split("\\s+", 2);
        String name = parts[0].toLowerCase(Locale.ROOT).replaceFirst("@.*$", ""); // "/resolve@support_bot"
        String arg = parts.length > 1 ? parts[1].strip() : "";
        return Optional.ofNullable(switch (name) {
            case "claim" -> new DeskAction.Claim();
            case "resolve" -> new DeskAction.Resolve();
            case "reopen" -> new DeskAction.Reopen();
            case "note" -> new DeskAction.Note(arg);
            case "r" -> new DeskAction.SavedReply(arg);
            case "ask" -> new DeskAction.Ask(arg);
            case "transfer" -> new DeskAction.Transfer(arg);
            case "escalate" -> new DeskAction.Escalate(arg.isEmpty() ? "escalated from the " + surface : arg);
            case "ban" -> new DeskAction.Ban(arg.isEmpty() ? "abuse (no reason given)" : arg);
            case "unban" -> new DeskAction.Unban();
            default -> null;
        });
    }
}
