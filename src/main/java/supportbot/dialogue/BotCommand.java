package supportbot.dialogue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one list of slash commands. The engine parses user commands from it, the Telegram menu (setMyCommands)
 * and Discord's slash commands are registered from it, and the staff help text is written from it, so a
 * command can no longer be handled in one place and missing from a menu. Descriptions are user-facing text:
 * they live in config/messages as {@code command.<name>} (and {@code command.<name>.arg} for the argument).
 */
public enum BotCommand {
    START("start", Audience.USER, null),
    HELP("help", Audience.USER, null),
    HUMAN("human", Audience.USER, null),
    STATUS("status", Audience.USER, null),
    CANCEL("cancel", Audience.USER, null),
    LANG("lang", Audience.USER, "language"),
    TZ("tz", Audience.USER, "zone"),
    VERIFY("verify", Audience.USER, "who"),
    FORGET("forget", Audience.USER, null),
    EXPORT("export", Audience.USER, null),
    TRANSCRIPT("transcript", Audience.USER, null),
    /** Without a code: ask for one; with a code from another platform: join the two contacts. */
    LINK("link", Audience.USER, "code", false),

    CLAIM("claim", Audience.STAFF, null),
    NOTE("note", Audience.STAFF, "text"),
    SAVED_REPLY("r", Audience.STAFF, "name"),
    ASK("ask", Audience.STAFF, "detail"),
    TRANSFER("transfer", Audience.STAFF, "name"),
    RESOLVE("resolve", Audience.STAFF, null),
    REOPEN("reopen", Audience.STAFF, null),
    ESCALATE("escalate", Audience.STAFF, "reason"),
    BAN("ban", Audience.STAFF, "reason"),
    UNBAN("unban", Audience.STAFF, null);

    /** Who types the command: users in their conversation, or agents in a ticket's staff thread. */
    public enum Audience { USER, STAFF }

    /** Where a command is offered. Staff commands are typed in ticket threads; Telegram lists them in the staff group's menu. */
    public enum Surface { TELEGRAM_MENU, DISCORD_SLASH, WEB_CHAT, TELEGRAM_STAFF_GROUP, DISCORD_STAFF_CHANNEL }

    private static final Set<Surface> USER_SURFACES = EnumSet.of(Surface.TELEGRAM_MENU, Surface.DISCORD_SLASH,
            Surface.WEB_CHAT);
    private static final Set<Surface> STAFF_SURFACES = EnumSet.of(Surface.TELEGRAM_STAFF_GROUP,
            Surface.DISCORD_STAFF_CHANNEL);

    private final String command;
    private final Audience audience;
    private final String argument;
    private final boolean argumentRequired;

    BotCommand(String command, Audience audience, String argument) {
        this(command, audience, argument, true);
    }

    BotCommand(String command, Audience audience, String argument, boolean argumentRequired) {
        this.command = command;
        this.audience = audience;
        this.argument = argument;
        this.argumentRequired = argumentRequired;
    }

    /** Whether a menu must insist on the argument (Discord's required option); false where the bare command works too. */
    public boolean argumentRequired() {
        return argumentRequired;
    }

    /** The name as typed, without the slash. */
    public String command() {
        return command;
    }

    public Audience audience() {
        return audience;
    }

    /** The argument's name (Discord option name), or empty for a command that takes none. */
    public Optional<String> argument() {
        return Optional.ofNullable(argument);
    }

    public Set<Surface> surfaces() {
        return audience == Audience.USER ? USER_SURFACES : STAFF_SURFACES;
    }

    /** Message key of the menu description. */
    public String descriptionKey() {
        return "command." + command;
    }

    /** Message key of the argument's description. */
    public String argumentKey() {
        return "command." + command + ".arg";
    }

    public static List<BotCommand> on(Surface surface) {
        return Arrays.stream(values()).filter(c -> c.surfaces().contains(surface)).toList();
    }

    /** One command typed by a user, with the rest of the line as its argument. */
    public record Invocation(BotCommand command, String argument) {
    }

    /**
     * @param text a whole message; "/lang@support_bot zh" (Telegram's group form) counts as "/lang zh"
     * @return the user command, or empty when the text is not one
     */
    public static Optional<Invocation> parseUser(String text) {
        if (text == null || !text.startsWith("/")) {
            return Optional.empty();
        }
        String[] parts = text.split("\\s+", 2);
        String name = parts[0].substring(1).toLowerCase(Locale.ROOT).replaceFirst("@.*$", "");
        String arg = parts.length > 1 ? parts[1].strip() : "";
        return Arrays.stream(values()).filter(c -> c.audience == Audience.USER && c.command.equals(name)).findFirst()
                .map(c -> new Invocation(c, arg));
    }

    /** "claim, note text, …": what agents are told they can type. */
    public static String staffUsage() {
        return String.join(", ", Arrays.stream(values()).filter(c -> c.audience == Audience.STAFF)
                .map(c -> c.argument == null ? c.command : c.command + " " + c.argument).toList());
    }
}
