package supportbot.channel.discord;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.GenericComponentInteractionCreateEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import supportbot.channel.StaffFeed;
import supportbot.channel.ConnectorParts;
import supportbot.desk.Agent;
import supportbot.desk.DeskAction;
import supportbot.desk.StaffCommands;
import supportbot.dialogue.Inbound;
import supportbot.store.StoredConversation;

/**
 * The Discord channel, with JDA: users in DMs and in private threads off the support channel, agents in a
 * staff channel with a thread per ticket. Only the intents it needs; every interaction acknowledged at once.
 */
public final class DiscordConnector extends ListenerAdapter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DiscordConnector.class);
    /** Intents the bot needs; MESSAGE_CONTENT is privileged and must be switched on in the developer portal. */
    public static final EnumSet<GatewayIntent> INTENTS = EnumSet.of(GatewayIntent.GUILD_MESSAGES,
            GatewayIntent.DIRECT_MESSAGES, GatewayIntent.MESSAGE_CONTENT);

    private final DiscordSettings settings;
    private final ConnectorParts parts;
    private final JDA jda;
    private final DiscordComponents components;
    private final DiscordUsers users;
    private final DiscordThreads threads;
    private final DiscordEdits edits;
    private final StaffFeed staffFeed;
    private final supportbot.metrics.ConnectorState state;
    private final InteractionReplies interactions = new InteractionReplies();
    /** Staff slash commands wait for the desk's commits: here, never on JDA's event thread. */
    private final java.util.concurrent.ExecutorService staffWork = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "discord-staff");
        t.setDaemon(true);
        return t;
    });
    private final DiscordStaffCommands staffCommands;
    private final DiscordPanel panel;
    /** Sends through this connector's gateway session, so only while it runs. */
    private final DiscordSender sender;

    /**
     * The gateway role's name among the instances sharing a database: Discord allows one gateway session per bot
     * here (one server), and only its holder can send, since sends go through that session's JDA.
     */
    public static final String GATEWAY_ROLE = "discord-gateway";

    /**
     * Every instance must keep the Discord staff feed, not only the gateway's holder: tickets changed on the other
     * instances would otherwise never reach the staff threads. Call before any turn runs.
     */
    public static void keepStaffFeed(DiscordSettings settings, supportbot.store.Store store) {
        if (settings.staffChannelId() != null) {
            store.followTicketFeed(DiscordStaffSurface.NAME);
        }
    }

    private DiscordConnector(DiscordSettings settings, ConnectorParts parts, UnaryOperator<JDABuilder> customize) {
        this.settings = settings;
        this.parts = parts;
        this.components = new DiscordComponents(parts.signer());
        this.state = parts.metrics().connector(DiscordKeys.CHANNEL); // before JDA starts sending events
        var threadParents = new java.util.HashSet<Long>();
        if (settings.supportChannelId() != null) {
            threadParents.add(settings.supportChannelId());
        }
        if (settings.staffChannelId() != null) {
            threadParents.add(settings.staffChannelId());
        }
        this.threads = new DiscordThreads(parts.store(), threadParents);
        this.users = new DiscordUsers(parts.inbox(), parts.store(), parts.committer(), settings, parts.attachmentsRoot(),
                parts.clock(), threads);
        this.edits = new DiscordEdits(parts.store(), parts.committer(), parts.inbox(), parts.messages(), parts.clock(), threads);
        users.onOwnDeletion(edits::deletingSecret);
        this.staffCommands = settings.staffChannelId() == null ? null : new DiscordStaffCommands(parts,
                settings.staffChannelId(), this::agentOf, this::wakeStaffFeed, staffWork);
        this.panel = staffCommands == null ? null : new DiscordPanel(parts, settings, users, this::agentOf,
                staffCommands::inStaffPlace);
        try {
            JDABuilder builder = JDABuilder.createLight(settings.token(), INTENTS);
            if (!settings.apiUrl().equals(DiscordSettings.DEFAULT_API_URL)) {
                builder.setRestConfig(new net.dv8tion.jda.api.requests.RestConfig().setBaseUrl(settings.apiUrl() + "/"));
            }
            this.jda = customize.apply(builder).addEventListeners(this).build().awaitReady();
            state.connected(true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to Discord", e);
        }
        this.sender = new DiscordSender(jda, components, parts.store(), parts.clock(), interactions,
                threads, edits, parts.messages());
        parts.outbox().register(sender);
        if (settings.staffChannelId() != null) {
            this.staffFeed = new StaffFeed(parts.store(), parts.committer(), new DiscordStaffSurface(jda,
                    settings.staffChannelId(), parts.signer(), parts.categoryName(),
                    settings.mentionRoleOnNewTicket() ? settings.agentRoleId() : null, parts.slaVerdict())
                    .withThreadLimit(threads)
                    .withContacts(new supportbot.channel.ContactLine(parts.messages(), supportbot.faq.Lang.EN,
                            supportbot.channel.ContactLine.stored(parts.store())).withLinks(parts.store()))).withTranscripts(parts.messages());
            parts.inbox().onCommitted(key -> staffFeed.wake()); // after close, a wake-up is a no-op
            edits.onTicketChanged(staffFeed::wake);
        } else {
            this.staffFeed = null;
        }
    }

    /**
     * Logs in and registers the slash commands in the configured server.
     *
     * @param customize test hook: points JDA at a fake Discord; {@code UnaryOperator.identity()} in production
     */
    public static DiscordConnector connect(DiscordSettings settings, ConnectorParts parts,
                                           UnaryOperator<JDABuilder> customize) {
        var connector = new DiscordConnector(settings, parts, customize);
        // Server commands exist in that server only: the users' commands are also registered globally for DMs
        // with the bot (and nowhere else), so a user who writes to the bot directly has them too.
        connector.jda.updateCommands().addCommands(slashCommands(parts.messages()).stream()
                .map(c -> c.setContexts(net.dv8tion.jda.api.interactions.InteractionContextType.BOT_DM)).toList()).queue();
        var guild = connector.jda.getGuildById(settings.guildId());
        if (guild == null) {
            log.warn("Discord: the bot is not in server {}; invite it (docs/operators-guide.md, \"Discord\")", settings.guildId());
        } else {
            var commands = new java.util.ArrayList<>(slashCommands(parts.messages()));
            if (connector.staffCommands != null) {
                commands.addAll(DiscordStaffCommands.definitions(parts.messages()));
                commands.add(DiscordPanel.definition(parts.messages()));
            }
            guild.updateCommands().addCommands(commands).queue();
        }
        if (connector.staffFeed != null) {
            connector.staffFeed.start();
        }
        log.info("Discord: signed in as {} ({} server{})", connector.jda.getSelfUser().getName(), settings.guildId(),
                settings.staffChannelId() == null ? ", no staff channel" : ", staff channel " + settings.staffChannelId());
        return connector;
    }

    /** The slash commands, from the one command registry: English, with Chinese for Chinese-language clients. */
    public static List<SlashCommandData> slashCommands(supportbot.dialogue.Messages messages) {
        var en = supportbot.faq.Lang.EN;
        var zh = supportbot.faq.Lang.ZH;
        return supportbot.dialogue.BotCommand.on(supportbot.dialogue.BotCommand.Surface.DISCORD_SLASH).stream()
                .map(c -> {
                    SlashCommandData data = Commands.slash(c.command(), messages.get(en, c.descriptionKey()))
                            .setDescriptionLocalization(DiscordLocale.CHINESE_CHINA, messages.get(zh, c.descriptionKey()));
                    c.argument().ifPresent(arg -> data.addOptions(new OptionData(OptionType.STRING, arg,
                            messages.get(en, c.argumentKey()), c.argumentRequired())
                            .setDescriptionLocalization(DiscordLocale.CHINESE_CHINA, messages.get(zh, c.argumentKey()))));
                    return data;
                })
                .toList();
    }

    // ---- users

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        state.updateReceived(parts.clock().millis());
        if (event.getAuthor().isBot() || event.isWebhookMessage()) {
            return;
        }
        if (event.isFromGuild() && event.getGuild().getIdLong() != settings.guildId()) {
            return;
        }
        try {
            if (event.getChannelType().isThread() && staffFeed != null
                    && StaffFeed.ticketOf(parts.store(), DiscordStaffSurface.NAME, event.getChannel().getIdLong()).isPresent()) {
                staffMessage(event);
                return;
            }
            users.onMessage(event.getMessage()).exceptionally(e -> {
                log.error("Discord: a message could not be handled", e);
                return null;
            });
        } catch (RuntimeException e) {
            log.error("Discord: a message could not be handled", e);
        }
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (event.isFromGuild() && event.getGuild().getIdLong() != settings.guildId()) {
            event.reply("This bot does not serve this server.").setEphemeral(true).queue();
            return;
        }
        if (staffCommands != null && event.isFromGuild() && DiscordStaffCommands.names().contains(event.getName())) {
            staffCommands.onSlash(event);
            return;
        }
        if (panel != null && event.isFromGuild() && event.getName().equals(DiscordPanel.COMMAND)) {
            panel.onSlash(event);
            return;
        }
        String arg = event.getOptions().isEmpty() ? "" : " " + event.getOptions().get(0).getAsString();
        long channelId = event.getChannel().getIdLong();
        String text = "/" + event.getName() + arg;
        if (!event.isFromGuild() || users.isUserThread(channelId)) {
            // Where the user talks to the bot: the answer fills the deferred reply, in the interaction itself.
            String key = event.isFromGuild() ? DiscordKeys.thread(channelId) : DiscordKeys.dm(event.getUser().getIdLong());
            event.deferReply().queue(); // within Discord's 3 seconds, whatever comes next
            var hook = event.getHook();
            interactions.await(key, hook);
            submitCommand(event, key, text).thenAccept(outcome -> {
                if (outcome == supportbot.channel.Inbox.Outcome.PROCESSED || outcome == supportbot.channel.Inbox.Outcome.SECRET_REMOVED) {
                    interactions.unansweredLater(key, hook);
                } else {
                    interactions.unanswered(key, hook);
                }
            }).exceptionally(e -> {
                interactions.unanswered(key, hook);
                return logged("a slash command", e);
            });
            return;
        }
        // In a public channel the answer goes to the user's private thread; the interaction says where, privately.
        var lang = DiscordLang.of(event);
        event.deferReply(true).queue();
        var hook = event.getHook();
        conversationOf(event.getUser(), channelId, true)
                .thenCompose(key -> {
                    DiscordKeys.targetOf(key).filter(t -> !t.dm()).ifPresent(t -> hook.editOriginal(parts.messages()
                            .get(lang, "discord.slash.continued", java.util.Map.of("thread", Long.toString(t.id())))).queue());
                    return submitCommand(event, key, text);
                })
                .exceptionally(e -> logged("a slash command", e));
    }

    private java.util.concurrent.CompletableFuture<supportbot.channel.Inbox.Outcome> submitCommand(
            SlashCommandInteractionEvent event, String key, String text) {
        return parts.inbox().submit(Inbound.text(DiscordKeys.CHANNEL, key, "discord:" + event.getUser().getIdLong(), text,
                "i" + event.getId(), parts.clock().instant()).from(DiscordContacts.of(event.getUser())));
    }

    @Override
    public void onCommandAutoCompleteInteraction(net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent event) {
        if (staffCommands == null || !event.isFromGuild() || event.getGuild().getIdLong() != settings.guildId()) {
            event.replyChoices(List.of()).queue();
            return;
        }
        staffCommands.onAutoComplete(event);
    }

    @Override
    public void onModalInteraction(net.dv8tion.jda.api.events.interaction.ModalInteractionEvent event) {
        if (panel == null || !event.isFromGuild() || event.getGuild().getIdLong() != settings.guildId()) {
            event.reply(parts.messages().get(DiscordLang.of(event), "discord.form.expired")).setEphemeral(true).queue();
            return;
        }
        panel.onModal(event);
    }

    private void wakeStaffFeed() {
        if (staffFeed != null) {
            staffFeed.wake();
        }
    }

    private static <T> T logged(String what, Throwable e) {
        log.error("Discord: {} could not be handled", what, e);
        return null;
    }

    /** Where this user talks to the bot from here; may have to make their private thread first, so it is a future. */
    private java.util.concurrent.CompletableFuture<String> conversationOf(net.dv8tion.jda.api.entities.User user,
                                                                          long channelId, boolean inGuild) {
        if (!inGuild) {
            return java.util.concurrent.CompletableFuture.completedFuture(DiscordKeys.dm(user.getIdLong()));
        }
        if (users.isUserThread(channelId)) {
            return java.util.concurrent.CompletableFuture.completedFuture(DiscordKeys.thread(channelId));
        }
        TextChannel support = settings.supportChannelId() == null ? null : jda.getTextChannelById(settings.supportChannelId());
        return support == null ? java.util.concurrent.CompletableFuture.completedFuture(DiscordKeys.dm(user.getIdLong()))
                : users.keyFor(user, support);
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        pressed(event, event.getComponentId());
    }

    @Override
    public void onStringSelectInteraction(StringSelectInteractionEvent event) {
        pressed(event, event.getValues().isEmpty() ? "" : event.getValues().get(0));
    }

    private void pressed(GenericComponentInteractionCreateEvent event, String signedData) {
        if (event.isFromGuild() && event.getGuild().getIdLong() != settings.guildId()) {
            log.warn("refused a Discord component from another server ({}) by user {}", event.getGuild().getId(),
                    event.getUser().getId());
            event.reply("This button does not belong to this server.").setEphemeral(true).queue();
            return;
        }
        if (signedData.startsWith("desk:")) {
            staffButton(event, signedData);
            return;
        }
        if (signedData.startsWith(DiscordPanel.BUTTON) && event instanceof ButtonInteractionEvent button) {
            if (panel == null) {
                event.reply(parts.messages().get(DiscordLang.of(event), "discord.form.expired")).setEphemeral(true).queue();
            } else {
                panel.onButton(button, signedData);
            }
            return;
        }
        if (signedData.startsWith("transcript~")) {
            // A copy of the conversation changes nothing: the stars beside it stay usable.
            event.deferEdit().queue();
        } else {
            // The acknowledgement disables what was pressed: one answer per message, and users see it is spent.
            event.editComponents(event.getMessage().getComponentTree().asDisabled()).queue();
        }
        conversationOf(event.getUser(), event.getChannel().getIdLong(), event.isFromGuild()).thenCompose(key -> {
            List<supportbot.dialogue.Button> shown = parts.store().stored(key).map(StoredConversation::lastButtons)
                    .orElse(List.of());
            Optional<String> payload = components.payloadOf(key, signedData, shown);
            if (payload.isEmpty()) {
                log.warn("refused a Discord component with a bad signature from user {}", event.getUser().getId());
            }
            return parts.inbox().submit(Inbound.button(DiscordKeys.CHANNEL, key, "discord:" + event.getUser().getIdLong(),
                    payload.orElse("refused"), "i" + event.getId(), parts.clock().instant())
                    .from(DiscordContacts.of(event.getUser())));
        }).exceptionally(e -> logged("a button", e));
    }

    // ---- agents

    /** Agents are members with the configured roles; nobody else acts, whatever they press or write. */
    private Optional<Agent> agentOf(Member member) {
        if (member == null) {
            return Optional.empty();
        }
        boolean supervisor = settings.supervisorRoleId() != null && hasRole(member, settings.supervisorRoleId());
        boolean agent = settings.agentRoleId() != null && hasRole(member, settings.agentRoleId());
        if (!supervisor && !agent) {
            return Optional.empty();
        }
        String name = parts.agents().all().stream().filter(a -> a.name().equalsIgnoreCase(member.getUser().getName()))
                .map(Agent::name).findFirst().orElse(member.getUser().getName());
        return Optional.of(new Agent(name, supervisor ? supportbot.desk.Role.SUPERVISOR : supportbot.desk.Role.AGENT, null));
    }

    private static boolean hasRole(Member member, long roleId) {
        return member.getRoles().stream().map(Role::getIdLong).anyMatch(id -> id == roleId);
    }

    private void staffButton(GenericComponentInteractionCreateEvent event, String signed) {
        Optional<String> data = settings.staffChannelId() == null ? Optional.empty()
                : parts.signer().verify(DiscordStaffSurface.scope(settings.staffChannelId()), signed);
        var parsed = data.map(d -> d.split(":")).filter(p -> p.length == 3 && p[2].matches("\\d{1,12}"));
        Optional<Agent> agent = agentOf(event.getMember());
        if (parsed.isEmpty() || agent.isEmpty()) {
            log.warn("refused a staff button from Discord user {}: {}", event.getUser().getId(),
                    parsed.isEmpty() ? "forged or unknown data" : "not an agent or supervisor");
            event.reply(parsed.isEmpty() ? "Unknown button." : "Only agents can do this.").setEphemeral(true).queue();
            return;
        }
        String[] p = parsed.get();
        DeskAction action = switch (p[1]) {
            case "claim" -> new DeskAction.Claim();
            case "resolve" -> new DeskAction.Resolve();
            case "reopen" -> new DeskAction.Reopen();
            default -> new DeskAction.Escalate("escalated from the Discord staff channel by " + agent.get().name());
        };
        event.deferReply(true).queue();
        // The desk waits for its commit: off JDA's event thread, which every other interaction needs within 3 s.
        staffWork.execute(() -> {
            Optional<String> refused = parts.desk().attempt(agent.get(), Long.parseLong(p[2]), action);
            if (refused.isEmpty() && action instanceof DeskAction.Claim && event.getChannelType().isThread()) {
                // The one who claims follows the ticket's thread: Discord notifies thread members of each new line.
                event.getChannel().asThreadChannel().addThreadMember(event.getUser()).queue(ok -> { },
                        e -> log.warn("Discord: could not add the claiming agent to the ticket's thread: {}", e.getMessage()));
            }
            event.getHook().sendMessage(refused.orElse("Done: " + p[1] + " #" + p[2])).queue();
        });
    }

    private void staffMessage(MessageReceivedEvent event) {
        long ticket = StaffFeed.ticketOf(parts.store(), DiscordStaffSurface.NAME, event.getChannel().getIdLong()).orElseThrow();
        Optional<Agent> agent = agentOf(event.getMember());
        if (agent.isEmpty()) {
            log.warn("ignored a message in ticket #{}'s thread from Discord user {}: not an agent", ticket,
                    event.getAuthor().getId());
            return;
        }
        String text = event.getMessage().getContentRaw().strip();
        List<net.dv8tion.jda.api.entities.Message.Attachment> files = event.getMessage().getAttachments();
        if (text.isEmpty() && files.isEmpty()) {
            return;
        }
        if (supportbot.safety.Secrets.contain(text)) {
            DiscordUsers.deleteQuietly(event.getMessage());
            event.getChannel().sendMessage(DiscordSender.base().setContent("That message looked like a recovery phrase or "
                    + "private key, so it was deleted and not sent.").build()).queue();
            return;
        }
        if (!text.startsWith("!")) {
            replyWithFiles(event, agent.get(), ticket, text, files);
            return;
        }
        Optional<DeskAction> action = StaffCommands.parse(text, '!', "Discord staff channel");
        if (action.isEmpty()) {
            event.getChannel().sendMessage(DiscordSender.base().setContent("Commands (each after a !): "
                    + StaffCommands.HELP).build()).queue();
            return;
        }
        Optional<String> refused = parts.desk().attempt(agent.get(), ticket, action.get());
        refused.ifPresent(error -> event.getChannel()
                .sendMessage(DiscordSender.base().setContent(DiscordText.clip(error, 1900)).build()).queue());
        if (refused.isEmpty() && action.get() instanceof DeskAction.Claim) {
            // As with the Claim button: the one who claims follows the thread and is notified of each new line.
            event.getChannel().asThreadChannel().addThreadMember(event.getAuthor()).queue(ok -> { },
                    e -> log.warn("Discord: could not add the claiming agent to the ticket's thread: {}", e.getMessage()));
        }
        staffFeed.wake();
    }

    // ---- edits and deletions

    @Override
    public void onMessageUpdate(net.dv8tion.jda.api.events.message.MessageUpdateEvent event) {
        if (event.getAuthor().isBot() || event.getMessage().isWebhookMessage()
                || event.isFromGuild() && event.getGuild().getIdLong() != settings.guildId()) {
            return;
        }
        try {
            long channelId = event.getChannel().getIdLong();
            Optional<Long> ticket = staffFeed == null || !event.getChannelType().isThread() ? Optional.empty()
                    : StaffFeed.ticketOf(parts.store(), DiscordStaffSurface.NAME, channelId);
            if (ticket.isPresent()) {
                agentOf(event.getMember()).ifPresent(agent -> edits.agentEdited(jda, event.getMessage(), agent.name(),
                        ticket.get()));
                return;
            }
            String key = !event.isFromGuild() ? DiscordKeys.dm(event.getAuthor().getIdLong())
                    : users.isUserThread(channelId) ? DiscordKeys.thread(channelId) : null;
            if (key != null) {
                edits.userEdited(event.getMessage(), key).exceptionally(e -> logged("an edited message", e));
            }
        } catch (RuntimeException e) {
            log.error("Discord: an edit could not be handled", e);
        }
    }

    @Override
    public void onMessageDelete(net.dv8tion.jda.api.events.message.MessageDeleteEvent event) {
        if (event.isFromGuild() && event.getGuild().getIdLong() != settings.guildId()) {
            return;
        }
        try {
            long channelId = event.getChannel().getIdLong();
            Optional<Long> ticket = staffFeed == null || !event.getChannelType().isThread() ? Optional.empty()
                    : StaffFeed.ticketOf(parts.store(), DiscordStaffSurface.NAME, channelId);
            if (ticket.isPresent()) {
                edits.staffMessageDeleted(jda, event.getMessageIdLong(), ticket.get());
            } else if (!event.isFromGuild()) {
                var user = event.getChannel() instanceof net.dv8tion.jda.api.entities.channel.concrete.PrivateChannel dm
                        && dm.getUser() != null ? Optional.of(dm.getUser().getIdLong()) : users.dmUserOf(channelId);
                user.ifPresent(u -> edits.userDeleted(event.getMessageIdLong(), DiscordKeys.dm(u)));
            } else if (users.isUserThread(channelId)) {
                edits.userDeleted(event.getMessageIdLong(), DiscordKeys.thread(channelId));
            }
        } catch (RuntimeException e) {
            log.error("Discord: a deletion could not be handled", e);
        }
    }

    /**
     * An agent's reply with files: each file within the size limit is fetched and sealed under the user's
     * conversation (so /forget erases it) and goes to the user on whatever surface they use; for each one that
     * cannot be sent the agent reads why in the thread. Off JDA's event thread: downloads take time.
     */
    private void replyWithFiles(MessageReceivedEvent event, Agent agent, long ticket, String text,
                                List<net.dv8tion.jda.api.entities.Message.Attachment> files) {
        var channel = event.getChannel();
        String userKey = parts.store().ticket(ticket).map(t -> t.draft().conversationKey()).orElse(null);
        var fetching = new java.util.ArrayList<java.util.concurrent.CompletableFuture<supportbot.dialogue.Attachment>>();
        var notSent = new java.util.ArrayList<String>();
        for (var a : files) {
            if (userKey == null) {
                notSent.add(a.getFileName() + ": the ticket has no user to send it to");
            } else if (a.getSize() > settings.maxAttachmentBytes()) {
                notSent.add(a.getFileName() + ": " + megabytes(a.getSize()) + " is over the " + megabytes(settings.maxAttachmentBytes())
                        + " limit for files to users");
            } else {
                fetching.add(DiscordUsers.download(a, supportbot.channel.AttachmentFiles.dirFor(parts.attachmentsRoot(), userKey),
                        event.getMessageId()).exceptionally(e -> {
                            log.warn("Discord: an agent's file could not be fetched: {}", e.getMessage());
                            synchronized (notSent) {
                                notSent.add(a.getFileName() + ": it could not be fetched from Discord");
                            }
                            return null;
                        }));
            }
        }
        java.util.concurrent.CompletableFuture.allOf(fetching.toArray(java.util.concurrent.CompletableFuture[]::new))
                .thenRun(() -> {
                    List<supportbot.dialogue.Attachment> fetched = fetching.stream().map(java.util.concurrent.CompletableFuture::join)
                            .filter(java.util.Objects::nonNull).toList();
                    if (!notSent.isEmpty()) {
                        channel.sendMessage(DiscordSender.base().setContent(DiscordText.clip("📎 Not sent to the user: "
                                + String.join("; ", notSent) + ".", DiscordText.MAX_MESSAGE_CHARS)).build()).queue();
                    }
                    if (text.isEmpty() && fetched.isEmpty()) {
                        return;
                    }
                    edits.expectCopy(userKey, event.getMessageIdLong(), agent.name(), ticket, text);
                    Optional<String> refused = parts.desk().attempt(agent, ticket, new DeskAction.Reply(text, fetched));
                    refused.ifPresent(error -> {
                        edits.noCopy(userKey, event.getMessageIdLong());
                        channel.sendMessage(DiscordSender.base().setContent(DiscordText.clip(error, 1900)).build()).queue();
                    });
                    staffFeed.wake();
                })
                .exceptionally(e -> logged("an agent's reply", e));
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /** A new session, not a resumed one: what users said in between never arrives as events. */
    @Override
    public void onSessionRecreate(net.dv8tion.jda.api.events.session.SessionRecreateEvent event) {
        users.catchUp(jda);
    }

    /** JDA reconnects by itself; the gauge follows it (and any status but CONNECTED counts as down). */
    @Override
    public void onStatusChange(net.dv8tion.jda.api.events.StatusChangeEvent event) {
        state.connected(event.getNewStatus() == JDA.Status.CONNECTED);
    }

    public JDA jda() {
        return jda;
    }

    /** Stores the newest message seen per place every few seconds, while it runs; null until shared. */
    private java.util.concurrent.ScheduledExecutorService markKeeper;

    /**
     * For a gateway that may take over from another instance: reads what users wrote since the newest messages the
     * previous holder stored as seen (dropping what was handled already by its message id), and from now on
     * stores those marks every two seconds for whoever holds the gateway next.
     */
    public DiscordConnector takingOver() {
        users.loadMarks();
        users.catchUp(jda);
        markKeeper = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "discord-marks");
            t.setDaemon(true);
            return t;
        });
        markKeeper.scheduleWithFixedDelay(users::saveMarks, 2, 2, java.util.concurrent.TimeUnit.SECONDS);
        return this;
    }

    @Override
    public void close() {
        state.connected(false);
        parts.outbox().unregister(sender);
        if (markKeeper != null) {
            markKeeper.shutdownNow();
            users.saveMarks();
        }
        if (staffFeed != null) {
            staffFeed.close();
        }
        staffWork.shutdownNow();
        jda.shutdownNow();
    }
}
