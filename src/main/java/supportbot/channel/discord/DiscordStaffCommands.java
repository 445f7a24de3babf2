package supportbot.channel.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import supportbot.channel.ConnectorParts;
import supportbot.channel.StaffFeed;
import supportbot.desk.Agent;
import supportbot.desk.DeskAction;
import supportbot.desk.SavedReply;
import supportbot.dialogue.BotCommand;
import supportbot.dialogue.Messages;
import supportbot.faq.Lang;

/**
 * The staff's desk actions as slash commands in the staff channel and its ticket threads, beside the "!" text
 * commands: each is deferred (ephemeral) at once and done off JDA's event thread, and the agent alone reads the
 * outcome. Who may do what is the desk's rule ({@code DeskPolicy}), given the agent or supervisor role the
 * member holds; the saved-reply name is completed as it is typed, in both languages.
 */
final class DiscordStaffCommands {
    private static final Logger log = LoggerFactory.getLogger(DiscordStaffCommands.class);
    static final String TICKET = "ticket";
    static final String REPLY = "reply";
    static final String LABEL = "label";
    static final String PRIORITY = "priority";
    static final String REMOVE = "remove";
    private static final int MAX_CHOICES = 25;

    private final ConnectorParts parts;
    private final long staffChannelId;
    private final Function<Member, Optional<Agent>> agentOf;
    private final Runnable afterAction;
    private final ExecutorService work;

    /**
     * @param afterAction wakes the staff feed so the thread shows what was done
     * @param work        where desk actions run (they wait for their commit): never JDA's event thread
     */
    DiscordStaffCommands(ConnectorParts parts, long staffChannelId, Function<Member, Optional<Agent>> agentOf,
                         Runnable afterAction, ExecutorService work) {
        this.parts = parts;
        this.staffChannelId = staffChannelId;
        this.agentOf = agentOf;
        this.afterAction = afterAction;
        this.work = work;
    }

    /** The staff commands of the one registry, with Discord's own extras (reply, label, priority). */
    static List<SlashCommandData> definitions(Messages messages) {
        var out = new ArrayList<SlashCommandData>();
        for (BotCommand c : BotCommand.on(BotCommand.Surface.DISCORD_STAFF_CHANNEL)) {
            SlashCommandData data = command(messages, c.command(), c.descriptionKey());
            c.argument().ifPresent(arg -> data.addOptions(option(messages, OptionType.STRING, arg, c.argumentKey(),
                    required(c)).setAutoComplete(c == BotCommand.SAVED_REPLY)));
            out.add(data.addOptions(ticketOption(messages)));
        }
        out.add(command(messages, REPLY, "discord.command.reply")
                .addOptions(option(messages, OptionType.STRING, "text", "discord.command.reply.arg", true)
                        .setMaxLength(supportbot.desk.DeskService.MAX_TEXT_CHARS), ticketOption(messages)));
        out.add(command(messages, LABEL, "discord.command.label")
                .addOptions(option(messages, OptionType.STRING, "name", "discord.command.label.arg", true),
                        option(messages, OptionType.BOOLEAN, REMOVE, "discord.command.label.remove", false),
                        ticketOption(messages)));
        out.add(command(messages, PRIORITY, "discord.command.priority")
                .addOptions(option(messages, OptionType.INTEGER, "level", "discord.command.priority.arg", true)
                        .setRequiredRange(1, 4), ticketOption(messages)));
        return out;
    }

    /** Whether the name is one of these commands. */
    static Set<String> names() {
        return Stream.concat(BotCommand.on(BotCommand.Surface.DISCORD_STAFF_CHANNEL).stream().map(BotCommand::command),
                Stream.of(REPLY, LABEL, PRIORITY)).collect(Collectors.toUnmodifiableSet());
    }

    /** Commands whose argument must be given (a note or a transfer without one means nothing). */
    private static boolean required(BotCommand c) {
        return c != BotCommand.ESCALATE && c != BotCommand.BAN;
    }

    static SlashCommandData command(Messages messages, String name, String key) {
        return Commands.slash(name, DiscordText.clip(messages.get(Lang.EN, key), 100))
                .setDescriptionLocalization(DiscordLocale.CHINESE_CHINA, DiscordText.clip(messages.get(Lang.ZH, key), 100))
                .setContexts(InteractionContextType.GUILD);
    }

    static OptionData option(Messages messages, OptionType type, String name, String key, boolean required) {
        return new OptionData(type, name, DiscordText.clip(messages.get(Lang.EN, key), 100), required)
                .setDescriptionLocalization(DiscordLocale.CHINESE_CHINA, DiscordText.clip(messages.get(Lang.ZH, key), 100));
    }

    private static OptionData ticketOption(Messages messages) {
        return option(messages, OptionType.INTEGER, TICKET, "discord.command.ticket", false).setMinValue(1);
    }

    /** In the staff channel, or one of its threads. */
    boolean inStaffPlace(net.dv8tion.jda.api.entities.channel.Channel channel) {
        if (channel.getIdLong() == staffChannelId) {
            return true;
        }
        return channel.getType().isThread()
                && ((net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel) channel).getParentChannel().getIdLong()
                == staffChannelId;
    }

    void onSlash(SlashCommandInteractionEvent event) {
        Lang lang = DiscordLang.of(event);
        event.deferReply(true).queue(); // within Discord's 3 seconds; only the agent reads the outcome
        var hook = event.getHook();
        Optional<Agent> agent = agentOf.apply(event.getMember());
        if (!inStaffPlace(event.getChannel())) {
            hook.editOriginal(text(lang, "discord.staff.not_here")).queue();
            return;
        }
        if (agent.isEmpty()) {
            log.warn("refused the staff command /{} from Discord user {}: not an agent or supervisor", event.getName(),
                    event.getUser().getId());
            hook.editOriginal(text(lang, "discord.staff.not_agent")).queue();
            return;
        }
        OptionMapping given = event.getOption(TICKET);
        Optional<Long> ticket = given != null ? Optional.of(given.getAsLong())
                : StaffFeed.ticketOf(parts.store(), DiscordStaffSurface.NAME, event.getChannel().getIdLong());
        if (ticket.isEmpty()) {
            hook.editOriginal(text(lang, "discord.staff.no_ticket")).queue();
            return;
        }
        if (event.getOptions().stream().filter(o -> o.getType() == OptionType.STRING)
                .anyMatch(o -> supportbot.safety.Secrets.contain(o.getAsString()))) {
            // Like "!note" with a phrase in the thread: neither kept nor sent, and the agent is told why.
            log.warn("refused the staff command /{} holding a recovery phrase or key", event.getName());
            hook.editOriginal(text(lang, "discord.staff.secret")).queue();
            return;
        }
        Optional<DeskAction> action = action(event);
        if (action.isEmpty()) {
            hook.editOriginal(text(lang, "discord.staff.refused", Map.of("reason", event.getName()))).queue();
            return;
        }
        String command = event.getName();
        var user = event.getUser();
        var channel = event.getChannel();
        work.execute(() -> {
            try {
                Optional<String> refused = parts.desk().attempt(agent.get(), ticket.get(), action.get());
                if (refused.isEmpty() && action.get() instanceof DeskAction.Claim && channel.getType().isThread()) {
                    channel.asThreadChannel().addThreadMember(user).queue(ok -> { },
                            e -> log.warn("Discord: could not add the claiming agent to the thread: {}", e.getMessage()));
                }
                hook.editOriginal(refused.map(r -> text(lang, "discord.staff.refused", Map.of("reason", r)))
                        .orElseGet(() -> text(lang, "discord.staff.done", Map.of("command", command, "number", ticket.get()))))
                        .queue();
                afterAction.run();
            } catch (RuntimeException e) {
                log.error("Discord: the staff command /{} failed", command, e);
                hook.editOriginal(text(lang, "discord.staff.refused", Map.of("reason", e.getClass().getSimpleName())))
                        .queue();
            }
        });
    }

    /** The desk action a command asks for, from its options. */
    static Optional<DeskAction> action(SlashCommandInteractionEvent event) {
        String arg = event.getOptions().stream().filter(o -> o.getType() == OptionType.STRING).findFirst()
                .map(OptionMapping::getAsString).orElse("").strip();
        return switch (event.getName()) {
            case REPLY -> Optional.of(new DeskAction.Reply(arg, List.of()));
            case LABEL -> {
                OptionMapping remove = event.getOption(REMOVE);
                yield Optional.of(new DeskAction.Label(arg, remove == null || !remove.getAsBoolean()));
            }
            case PRIORITY -> {
                OptionMapping level = event.getOption("level");
                yield level == null ? Optional.empty() : Optional.of(new DeskAction.Prioritise((int) level.getAsLong()));
            }
            // The shared parser reads the rest, so "/note x" here and "!note x" in the thread cannot differ.
            default -> supportbot.desk.StaffCommands.parse("!" + event.getName() + (arg.isEmpty() ? "" : " " + arg), '!',
                    "Discord staff channel");
        };
    }

    /** Saved-reply names matching what is typed, in either language's title; staff only, like the command. */
    void onAutoComplete(CommandAutoCompleteInteractionEvent event) {
        if (!event.getName().equals(BotCommand.SAVED_REPLY.command()) || agentOf.apply(event.getMember()).isEmpty()) {
            event.replyChoices(List.of()).queue();
            return;
        }
        String typed = event.getFocusedOption().getValue().strip().toLowerCase(Locale.ROOT);
        var choices = parts.desk().savedReplies().stream().filter(r -> matches(r, typed)).limit(MAX_CHOICES)
                .map(r -> new Command.Choice(DiscordText.clip(label(r), 100), r.name())).toList();
        event.replyChoices(choices).queue();
    }

    private static boolean matches(SavedReply r, String typed) {
        return typed.isEmpty() || r.name().toLowerCase(Locale.ROOT).contains(typed)
                || r.titleIn("en").toLowerCase(Locale.ROOT).contains(typed) || r.titleIn("zh").contains(typed);
    }

    /** "refund-delay · Refund delays / 退款延迟": the name to send, the titles to recognise it by. */
    private static String label(SavedReply r) {
        String en = r.titleIn("en");
        String zh = r.titleIn("zh");
        return r.name() + " · " + (en.equals(zh) ? en : en + " / " + zh);
    }

    private String text(Lang lang, String key) {
        return parts.messages().get(lang, key);
    }

    private String text(Lang lang, String key, Map<String, ?> args) {
        return parts.messages().get(lang, key, args);
    }
}
