package supportbot.channel.discord;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.modals.Modal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import supportbot.channel.ConnectorParts;
import supportbot.desk.Agent;
import supportbot.dialogue.Category;
import supportbot.dialogue.CategoryForms;
import supportbot.dialogue.Inbound;
import supportbot.dialogue.Messages;
import supportbot.dialogue.details.DetailType;
import supportbot.faq.Lang;

/**
 * The ticket panel, as discord-tickets and TicketsBot have it: a supervisor posts (/panel) a message with a button
 * per category; a button opens a form (modal) with that category's details, read by the same readers as the chat.
 * A form with a mistake is shown back, privately, with what to fix and nothing created; a good one opens the
 * ticket in the user's private thread, where details the form had no room for are asked. Typing still works.
 */
final class DiscordPanel {
    private static final Logger log = LoggerFactory.getLogger(DiscordPanel.class);
    static final String COMMAND = "panel";
    static final String BUTTON = "panel:";
    static final String FORM = "form:";
    private static final String BOTH = "both";
    private static final int BUTTONS_PER_ROW = 5;
    private static final int MAX_ROWS = 5;
    /** Discord's limits: a label of 45, a modal title of 45, an answer of 4,000 characters. */
    private static final int MAX_LABEL = 45;
    private static final int MAX_TITLE = 45;
    private static final int MAX_ANSWER = 1000;

    private final ConnectorParts parts;
    private final DiscordSettings settings;
    private final DiscordUsers users;
    private final Function<Member, Optional<Agent>> agentOf;
    private final java.util.function.Predicate<net.dv8tion.jda.api.entities.channel.Channel> staffPlace;

    DiscordPanel(ConnectorParts parts, DiscordSettings settings, DiscordUsers users, Function<Member, Optional<Agent>> agentOf,
                 java.util.function.Predicate<net.dv8tion.jda.api.entities.channel.Channel> staffPlace) {
        this.parts = parts;
        this.settings = settings;
        this.users = users;
        this.agentOf = agentOf;
        this.staffPlace = staffPlace;
    }

    static SlashCommandData definition(Messages messages) {
        var lang = DiscordStaffCommands.option(messages, OptionType.STRING, "lang", "discord.command.panel.lang", false);
        for (String code : List.of("en", "zh", BOTH)) {
            lang.addChoice(messages.get(Lang.EN, "discord.lang." + code), code)
                    .getChoices().get(lang.getChoices().size() - 1)
                    .setNameLocalization(net.dv8tion.jda.api.interactions.DiscordLocale.CHINESE_CHINA,
                            messages.get(Lang.ZH, "discord.lang." + code));
        }
        OptionData channel = DiscordStaffCommands.option(messages, OptionType.CHANNEL, "channel",
                "discord.command.panel.channel", false).setChannelTypes(net.dv8tion.jda.api.entities.channel.ChannelType.TEXT);
        return DiscordStaffCommands.command(messages, COMMAND, "discord.command.panel").addOptions(channel, lang);
    }

    private String scope() {
        return "discord-panel:" + settings.guildId();
    }

    // ---- posting the panel

    void onSlash(SlashCommandInteractionEvent event) {
        Lang asked = DiscordLang.of(event);
        event.deferReply(true).queue(); // within Discord's 3 seconds; only the supervisor reads the outcome
        var hook = event.getHook();
        if (!staffPlace.test(event.getChannel())) {
            hook.editOriginal(text(asked, "discord.staff.not_here")).queue();
            return;
        }
        if (agentOf.apply(event.getMember()).filter(a -> a.role() == supportbot.desk.Role.SUPERVISOR).isEmpty()) {
            log.warn("refused /panel from Discord user {}: not a supervisor", event.getUser().getId());
            hook.editOriginal(text(asked, "discord.staff.supervisors_only")).queue();
            return;
        }
        OptionMapping where = event.getOption("channel");
        long channelId = where == null ? event.getChannel().getIdLong() : where.getAsLong();
        TextChannel target = event.getJDA().getTextChannelById(channelId);
        if (target == null || target.getGuild().getIdLong() != settings.guildId() || !target.canTalk()) {
            hook.editOriginal(text(asked, "discord.panel.no_channel")).queue();
            return;
        }
        OptionMapping langOption = event.getOption("lang");
        String lang = langOption == null ? BOTH : langOption.getAsString();
        List<Lang> langs = switch (lang) {
            case "en" -> List.of(Lang.EN);
            case "zh" -> List.of(Lang.ZH);
            default -> List.of(Lang.EN, Lang.ZH);
        };
        target.sendMessage(DiscordSender.base().setContent(DiscordText.clip(panelText(langs), DiscordText.MAX_MESSAGE_CHARS))
                        .setComponents(buttons(langs, langs.size() == 1 ? langs.get(0).code() : BOTH)).build())
                .queue(ok -> hook.editOriginal(text(asked, "discord.panel.posted", Map.of("channel", target.getId()))).queue(),
                        e -> hook.editOriginal(text(asked, "discord.panel.failed", Map.of("reason", e.getMessage()))).queue());
    }

    private String panelText(List<Lang> langs) {
        var out = new ArrayList<String>();
        for (Lang l : langs) {
            out.add("**" + text(l, "discord.panel.title") + "**\n" + text(l, "discord.panel.text"));
        }
        return String.join("\n\n", out);
    }

    /** A button per category, in the file's order, at most 25 (Discord's five rows of five). */
    List<ActionRow> buttons(List<Lang> langs, String lang) {
        var rows = new ArrayList<ActionRow>();
        var row = new ArrayList<Button>();
        for (Category c : parts.forms().categories()) {
            if (rows.size() == MAX_ROWS) {
                break;
            }
            String name = String.join(" / ", langs.stream().map(c::name).distinct().toList());
            row.add(Button.primary(parts.signer().sign(scope(), BUTTON + c.id() + ":" + lang), DiscordText.clip(name, 80)));
            if (row.size() == BUTTONS_PER_ROW) {
                rows.add(ActionRow.of(row));
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty() && rows.size() < MAX_ROWS) {
            rows.add(ActionRow.of(row));
        }
        return rows;
    }

    // ---- a user presses a category

    void onButton(ButtonInteractionEvent event, String signedId) {
        Lang clientLang = DiscordLang.of(event);
        Optional<String[]> data = parts.signer().verify(scope(), signedId).filter(d -> d.startsWith(BUTTON))
                .map(d -> d.substring(BUTTON.length()).split(":")).filter(p -> p.length == 2);
        Optional<Category> category = data.flatMap(p -> parts.forms().category(p[0]));
        if (category.isEmpty()) {
            log.warn("refused a panel button from Discord user {}: forged or for a category no longer offered",
                    event.getUser().getId());
            event.reply(text(clientLang, "discord.form.expired")).setEphemeral(true).queue();
            return;
        }
        Lang lang = data.get()[1].equals(BOTH) ? clientLang : Lang.parse(data.get()[1]).orElse(clientLang);
        event.replyModal(modal(category.get(), lang)).queue(); // the modal is the acknowledgement
    }

    Modal modal(Category category, Lang lang) {
        var modal = Modal.create(parts.signer().sign(scope(), FORM + category.id() + ":" + lang.code()),
                DiscordText.clip(text(lang, "discord.form.title", Map.of("category", category.name(lang))), MAX_TITLE));
        for (CategoryForms.Field f : parts.forms().fields(category)) {
            var input = TextInput.create(f.type().key(), f.type() == DetailType.DESCRIPTION ? TextInputStyle.PARAGRAPH
                    : TextInputStyle.SHORT).setRequired(f.required()).setMaxLength(MAX_ANSWER);
            modal.addComponents(Label.of(DiscordText.clip(parts.forms().label(f.type(), lang), MAX_LABEL), input.build()));
        }
        return modal.build();
    }

    // ---- the form comes back

    void onModal(ModalInteractionEvent event) {
        Lang clientLang = DiscordLang.of(event);
        Optional<String[]> data = parts.signer().verify(scope(), event.getModalId()).filter(d -> d.startsWith(FORM))
                .map(d -> d.substring(FORM.length()).split(":")).filter(p -> p.length == 2);
        Optional<Category> category = data.flatMap(p -> parts.forms().category(p[0]));
        event.deferReply(true).queue(); // within Discord's 3 seconds; only the user reads the outcome
        var hook = event.getHook();
        if (category.isEmpty()) {
            log.warn("refused a form from Discord user {}: forged or for a category no longer offered", event.getUser().getId());
            hook.editOriginal(text(clientLang, "discord.form.expired")).queue();
            return;
        }
        Lang lang = Lang.parse(data.get()[1]).orElse(clientLang);
        var answers = new EnumMap<DetailType, String>(DetailType.class);
        for (CategoryForms.Field f : parts.forms().fields(category.get())) {
            var value = event.getValue(f.type().key());
            if (value != null) {
                answers.put(f.type(), value.getAsString());
            }
        }
        if (answers.values().stream().anyMatch(supportbot.safety.Secrets::contain)) {
            // Never kept, never shown back: the user is told to keep it to themselves.
            log.warn("refused a form holding a recovery phrase or key from Discord user {}", event.getUser().getId());
            hook.editOriginal(text(lang, "discord.form.secret")).queue();
            return;
        }
        var checked = parts.forms().check(category.get(), answers, lang, null);
        if (!checked.ok()) {
            var lines = new StringBuilder(text(lang, "discord.form.fix"));
            checked.problems().forEach(p -> lines.append("\n• ").append(parts.forms().explain(p, lang, "discord.form.required")));
            hook.editOriginal(DiscordText.clip(lines.toString(), DiscordText.MAX_MESSAGE_CHARS)).queue();
            return;
        }
        TextChannel support = settings.supportChannelId() == null ? null
                : event.getJDA().getTextChannelById(settings.supportChannelId());
        if (support == null) {
            hook.editOriginal(text(lang, "discord.form.no_support_channel")).queue();
            return;
        }
        String summary = summary(category.get(), lang, checked);
        String interactionId = event.getId();
        users.keyFor(event.getUser(), support).thenCompose(key -> parts.inbox().submitForm(new Inbound(DiscordKeys.CHANNEL, key,
                        "discord:" + event.getUser().getIdLong(), summary, List.of(), null, "i" + interactionId,
                        parts.clock().instant()).from(DiscordContacts.of(event.getUser())), category.get(), lang,
                        checked.values())
                        .thenApply(outcome -> key))
                .thenAccept(key -> hook.editOriginal(text(lang, "discord.form.sent",
                        Map.of("thread", DiscordKeys.targetOf(key).map(t -> Long.toString(t.id())).orElse(""))))
                        .queue())
                .exceptionally(e -> {
                    log.error("Discord: a panel form could not be handled", e);
                    hook.editOriginal(text(lang, "discord.form.failed")).queue();
                    return null;
                });
    }

    /** The form as the user's own message in the conversation and transcript: "📋 Category" and a line per answer. */
    private String summary(Category category, Lang lang, CategoryForms.Checked checked) {
        var out = new StringBuilder("📋 ").append(category.name(lang));
        checked.values().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> out.append('\n')
                .append(parts.forms().label(e.getKey(), lang)).append(lang == Lang.ZH ? "：" : ": ")
                .append(e.getValue().value()));
        return out.toString();
    }

    private String text(Lang lang, String key) {
        return parts.messages().get(lang, key);
    }

    private String text(Lang lang, String key, Map<String, ?> args) {
        return parts.messages().get(lang, key, args);
    }
}
