package supportbot.channel.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static supportbot.channel.discord.FakeDiscord.AGENT_ID;
import static supportbot.channel.discord.FakeDiscord.AGENT_ROLE_ID;
import static supportbot.channel.discord.FakeDiscord.BOT_ID;
import static supportbot.channel.discord.FakeDiscord.CUSTOMER_ID;
import static supportbot.channel.discord.FakeDiscord.GUILD_ID;
import static supportbot.channel.discord.FakeDiscord.STAFF_CHANNEL_ID;
import static supportbot.channel.discord.FakeDiscord.SUPERVISOR_ID;
import static supportbot.channel.discord.FakeDiscord.SUPERVISOR_ROLE_ID;
import static supportbot.channel.discord.FakeDiscord.SUPPORT_CHANNEL_ID;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Drives the real JDA against {@link FakeDiscord}: if JDA can't live with the fake, these fail. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FakeDiscordTest {
    private static final String TOKEN = "MTAw.fake.token";
    private static final List<GatewayIntent> INTENTS = List.of(GatewayIntent.GUILD_MESSAGES,
            GatewayIntent.DIRECT_MESSAGES, GatewayIntent.MESSAGE_CONTENT, GatewayIntent.GUILD_MEMBERS);
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void realJdaConnectsReceivesAndSends() throws Exception {
        try (FakeDiscord discord = FakeDiscord.start().requireToken(TOKEN)) {
            BlockingQueue<GenericEvent> events = new LinkedBlockingQueue<>();
            JDA jda = discord.connect(TOKEN, INTENTS, b -> b.addEventListeners((EventListener) events::add));
            try {
                // READY: self, guild, channels, roles, permissions
                assertEquals(BOT_ID, jda.getSelfUser().getIdLong());
                assertEquals(FakeDiscord.APPLICATION_ID, jda.getSelfUser().getApplicationIdLong());
                assertEquals(1 | GatewayIntent.getRaw(INTENTS), discord.identifiedIntents());
                Guild guild = jda.getGuildById(GUILD_ID);
                assertNotNull(guild, "guild visible after READY");
                assertEquals("Support Test", guild.getName());
                TextChannel support = guild.getTextChannelById(SUPPORT_CHANNEL_ID);
                TextChannel staff = guild.getTextChannelById(STAFF_CHANNEL_ID);
                assertEquals("support", support.getName());
                assertEquals("staff", staff.getName());
                assertEquals("Agent", guild.getRoleById(AGENT_ROLE_ID).getName());
                assertEquals("Supervisor", guild.getRoleById(SUPERVISOR_ROLE_ID).getName());
                assertTrue(guild.getSelfMember().hasPermission(staff, Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND));
                assertTrue(guild.getSelfMember().hasPermission(support, Permission.CREATE_PRIVATE_THREADS));
                assertFalse(guild.getPublicRole().hasAccess(staff), "@everyone can't see #staff");
                assertTrue(discord.gatewaySent().containsAll(List.of("READY", "GUILD_CREATE")));

                // A DM arrives with content and author
                discord.directMessage(CUSTOMER_ID, "hello, I need help");
                MessageReceivedEvent dm = await(events, MessageReceivedEvent.class,
                        e -> e.isFromType(ChannelType.PRIVATE) && !e.getAuthor().isBot());
                assertEquals("hello, I need help", dm.getMessage().getContentRaw());
                assertEquals(CUSTOMER_ID, dm.getAuthor().getIdLong());
                assertEquals("alice", dm.getAuthor().getName());

                // A guild message with an attachment the bot can download from the fake
                long withFile = discord.userMessage(SUPPORT_CHANNEL_ID, CUSTOMER_ID, "see the log",
                        FakeDiscord.file("log.txt", "boom"));
                MessageReceivedEvent inGuild = await(events, MessageReceivedEvent.class,
                        e -> e.getMessageIdLong() == withFile);
                assertTrue(inGuild.isFromGuild());
                assertEquals("see the log", inGuild.getMessage().getContentRaw());
                Message.Attachment att = inGuild.getMessage().getAttachments().get(0);
                assertEquals("log.txt", att.getFileName());
                assertEquals(4, att.getSize());
                assertTrue(att.getUrl().startsWith("http://127.0.0.1:" + discord.port() + "/attachments/"), att.getUrl());
                try (var in = att.getProxy().download().get(5, TimeUnit.SECONDS)) {
                    assertEquals("boom", new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
                assertTrue(inGuild.getMember().getRoles().isEmpty());

                // JDA sends a message with a button; the fake records content and components
                Message posted = support.sendMessage(new MessageCreateBuilder().setContent("Pick one")
                        .setComponents(ActionRow.of(Button.primary("claim:1", "Claim"))).build()).complete();
                FakeDiscord.Sent sent = discord.awaitSent(s -> s.content().equals("Pick one"), WAIT);
                assertEquals(SUPPORT_CHANNEL_ID, sent.channelId());
                assertEquals(posted.getIdLong(), sent.messageId());
                assertEquals(List.of("claim:1"), sent.customIds());
                assertEquals(FakeDiscord.Source.CHANNEL, sent.source());
                assertEquals("Claim", posted.getComponentTree().findAll(Button.class).get(0).getLabel());
                // Discord echoes the bot's own message back on the gateway
                MessageReceivedEvent echo = await(events, MessageReceivedEvent.class,
                        e -> e.getMessageIdLong() == posted.getIdLong());
                assertTrue(echo.getAuthor().isBot());

                // A private thread in #support; the bot adds an agent and posts into it
                ThreadChannel thread = support.createThreadChannel("ticket-1", true).complete();
                assertEquals(ChannelType.GUILD_PRIVATE_THREAD, thread.getType());
                thread.addThreadMemberById(AGENT_ID).complete();
                thread.sendMessage("Welcome to your ticket").complete();
                JsonNode created = discord.threadsCreated().get(0);
                assertEquals(12, created.path("type").asInt());
                assertEquals("ticket-1", created.path("name").asText());
                assertEquals(Long.toString(SUPPORT_CHANNEL_ID), created.path("parent_id").asText());
                assertEquals("Welcome to your ticket", discord.sentTo(thread.getIdLong()).get(0).content());
                assertEquals(AGENT_ID, discord.threadMembersAdded().get(0)[1]);
                long inThread = discord.userMessage(thread.getIdLong(), AGENT_ID, "on it");
                MessageReceivedEvent agentSays = await(events, MessageReceivedEvent.class,
                        e -> e.getMessageIdLong() == inThread);
                assertEquals(ChannelType.GUILD_PRIVATE_THREAD, agentSays.getChannelType());
                assertTrue(agentSays.getMember().getRoles().stream().anyMatch(r -> r.getIdLong() == AGENT_ROLE_ID));
                assertThrows(IllegalArgumentException.class,
                        () -> discord.userMessage(thread.getIdLong(), CUSTOMER_ID, "not my thread"),
                        "alice is not in the private thread");

                // A slash command; event.reply reaches the callback route in time
                jda.addEventListener(new EventListener() {
                    @Override
                    public void onEvent(GenericEvent event) {
                        if (event instanceof SlashCommandInteractionEvent e && e.getName().equals("ask")) {
                            e.reply("you asked: " + e.getOption("q").getAsString()).queue();
                        } else if (event instanceof ButtonInteractionEvent e) {
                            e.deferEdit().queue();
                        }
                    }
                });
                String ask = discord.slashCommand(SUPPORT_CHANNEL_ID, CUSTOMER_ID, "ask", Map.of("q", "refund"));
                SlashCommandInteractionEvent slash = await(events, SlashCommandInteractionEvent.class,
                        e -> e.getId().equals(ask));
                assertEquals(CUSTOMER_ID, slash.getUser().getIdLong());
                FakeDiscord.Callback reply = discord.awaitCallback(ask, WAIT);
                assertFalse(reply.late());
                assertEquals(4, reply.type());
                assertEquals("you asked: refund", reply.body().path("data").path("content").asText());
                assertTrue(reply.millisAfterDispatch() < 3000, "acknowledged within 3 s");
                assertEquals("you asked: refund", discord.awaitSent(
                        s -> s.source() == FakeDiscord.Source.INTERACTION_REPLY, WAIT).content());

                // A button press on the bot's message, with the member's roles
                String press = discord.buttonPress(SUPPORT_CHANNEL_ID, AGENT_ID, posted.getIdLong(), "claim:1");
                ButtonInteractionEvent button = await(events, ButtonInteractionEvent.class,
                        e -> e.getId().equals(press));
                assertEquals("claim:1", button.getComponentId());
                assertEquals("Claim", button.getButton().getLabel());
                assertEquals(posted.getIdLong(), button.getMessageIdLong());
                assertEquals(List.of(AGENT_ROLE_ID), button.getMember().getRoles().stream().map(Role::getIdLong).toList());
                assertEquals(6, discord.awaitCallback(press, WAIT).type());
                assertThrows(IllegalArgumentException.class,
                        () -> discord.buttonPress(SUPPORT_CHANNEL_ID, AGENT_ID, posted.getIdLong(), "nope"));

                // Slash commands are registered in bulk
                List<Command> commands = jda.updateCommands()
                        .addCommands(Commands.slash("help", "How to use the support bot")).complete();
                assertEquals("help", commands.get(0).getName());
                assertTrue(commands.get(0).getIdLong() != 0);
                assertEquals(List.of("help"),
                        discord.commandsRegistered().stream().map(c -> c.path("name").asText()).toList());

                assertEquals(List.of(), discord.unknownRoutes(), "JDA asked for routes the fake doesn't know");
                assertEquals(List.of(), discord.lateCallbacks());
            } finally {
                jda.shutdownNow();
                assertTrue(jda.awaitShutdown(Duration.ofSeconds(10)));
            }
        }
    }

    @Test
    void lateCallbacksAreRefusedLikeDiscord() throws Exception {
        // A deadline already behind every dispatch makes each answer late without the test having to wait one out.
        try (FakeDiscord discord = FakeDiscord.start().interactionDeadline(Duration.ofMillis(-1))) {
            BlockingQueue<Throwable> failures = new LinkedBlockingQueue<>();
            JDA jda = discord.connect(TOKEN, INTENTS, b -> b.addEventListeners((EventListener) event -> {
                if (event instanceof SlashCommandInteractionEvent e) {
                    e.reply("too late").queue(ok -> { }, failures::add);
                }
            }));
            try {
                String id = discord.slashCommand(SUPPORT_CHANNEL_ID, CUSTOMER_ID, "slow", Map.of());
                Throwable failure = failures.poll(5, TimeUnit.SECONDS);
                assertInstanceOf(ErrorResponseException.class, failure);
                assertEquals(ErrorResponse.UNKNOWN_INTERACTION, ((ErrorResponseException) failure).getErrorResponse());
                assertEquals(List.of(id), discord.lateCallbacks());
                assertTrue(discord.interactionCallbacks().isEmpty());
                assertTrue(discord.sent().isEmpty());
            } finally {
                jda.shutdownNow();
                jda.awaitShutdown(Duration.ofSeconds(10));
            }
        }
    }

    @Test
    void intentsDecideWhatJdaGets() throws Exception {
        try (FakeDiscord discord = FakeDiscord.start()) {
            BlockingQueue<GenericEvent> events = new LinkedBlockingQueue<>();
            JDA jda = discord.connect(TOKEN, List.of(GatewayIntent.GUILD_MESSAGES),
                    b -> b.addEventListeners((EventListener) events::add));
            try {
                discord.directMessage(CUSTOMER_ID, "a DM nobody asked for");
                long id = discord.userMessage(SUPPORT_CHANNEL_ID, CUSTOMER_ID, "secret words");
                MessageReceivedEvent e = await(events, MessageReceivedEvent.class, m -> m.getMessageIdLong() == id);
                assertEquals("", e.getMessage().getContentRaw(), "no MESSAGE_CONTENT, no content");
                long mention = discord.userMessage(SUPPORT_CHANNEL_ID, CUSTOMER_ID, "<@" + BOT_ID + "> help");
                assertEquals("<@" + BOT_ID + "> help", await(events, MessageReceivedEvent.class,
                        m -> m.getMessageIdLong() == mention).getMessage().getContentRaw());
                assertEquals(List.of("MESSAGE_CREATE needs intent " + GatewayIntent.DIRECT_MESSAGES.getRawValue()),
                        discord.dropped());
                assertNull(events.stream().filter(ev -> ev instanceof MessageReceivedEvent m
                        && m.isFromType(ChannelType.PRIVATE)).findAny().orElse(null));
            } finally {
                jda.shutdownNow();
                jda.awaitShutdown(Duration.ofSeconds(10));
            }
        }
    }

    @Test
    void reconnectsAfterADroppedSocketAndAWrongTokenIsRefused() throws Exception {
        try (FakeDiscord discord = FakeDiscord.start().requireToken(TOKEN)) {
            assertThrows(InvalidTokenException.class, () -> discord.connect("wrong", INTENTS, b -> { }));

            BlockingQueue<GenericEvent> events = new LinkedBlockingQueue<>();
            JDA jda = discord.connect(TOKEN, INTENTS, b -> b.addEventListeners((EventListener) events::add));
            try {
                discord.dropConnection(4000);
                // JDA backs off before reconnecting; on a loaded 2-core machine that alone has taken over 10 s.
                discord.awaitCondition(() -> discord.identifyCount() == 2 && discord.isConnected(),
                        Duration.ofSeconds(30), "JDA identifies again after RESUME is refused");
                assertTrue(discord.gatewayReceived().stream().anyMatch(f -> f.path("op").asInt() == 6),
                        "JDA tried to RESUME first");
                jda.awaitReady();
                long id = discord.directMessage(CUSTOMER_ID, "still there?");
                assertEquals("still there?", await(events, MessageReceivedEvent.class,
                        e -> e.getMessageIdLong() == id).getMessage().getContentRaw());
                assertNotNull(jda.getGuildById(GUILD_ID));
            } finally {
                jda.shutdownNow();
                jda.awaitShutdown(Duration.ofSeconds(10));
            }
        }
    }

    @Test
    void repliesFollowUpsFilesDmsMenusAndErrors() throws Exception {
        try (FakeDiscord discord = FakeDiscord.start()) {
            BlockingQueue<GenericEvent> events = new LinkedBlockingQueue<>();
            JDA jda = discord.connect(TOKEN, INTENTS, b -> b.addEventListeners((EventListener) events::add,
                    (EventListener) FakeDiscordTest::answer));
            try {
                Guild guild = jda.getGuildById(GUILD_ID);
                TextChannel support = guild.getTextChannelById(SUPPORT_CHANNEL_ID);

                // A DM with a file, through openPrivateChannel
                jda.retrieveUserById(CUSTOMER_ID).complete().openPrivateChannel()
                        .flatMap(ch -> ch.sendMessage("ticket #1 opened")
                                .addFiles(FileUpload.fromData("hello".getBytes(StandardCharsets.UTF_8), "t.txt")))
                        .complete();
                FakeDiscord.Sent dm = discord.awaitSent(s -> s.content().equals("ticket #1 opened"), WAIT);
                assertEquals(discord.dmChannelId(CUSTOMER_ID), dm.channelId());
                assertEquals("t.txt", dm.files().get(0).filename());
                assertEquals("hello", dm.files().get(0).text());

                // Closed DMs
                discord.blockDirectMessages(SUPERVISOR_ID);
                ErrorResponseException closed = assertThrows(ErrorResponseException.class,
                        () -> jda.retrieveUserById(SUPERVISOR_ID).complete().openPrivateChannel()
                                .flatMap(ch -> ch.sendMessage("hi")).complete());
                assertEquals(ErrorResponse.CANNOT_SEND_TO_USER, closed.getErrorResponse());

                // Edit and delete
                Message v1 = support.sendMessage("v1").complete();
                assertEquals("v2", v1.editMessage("v2").complete().getContentRaw());
                assertEquals("v2", discord.edits().get(0).body().path("content").asText());
                v1.delete().complete();
                assertEquals(v1.getIdLong(), discord.deletedMessages().get(0)[1]);

                // A 429 once: JDA waits and retries
                discord.rateLimitNext("POST", "channels/\\d+/messages", 0.2);
                support.sendMessage("after a 429").complete();
                assertEquals(1, discord.rateLimited().size());
                discord.awaitSent(s -> s.content().equals("after a 429"), WAIT);

                // Any error once
                discord.failNext("POST", "channels/\\d+/messages", 403, 50013, "Missing Permissions");
                ErrorResponseException denied = assertThrows(ErrorResponseException.class,
                        () -> support.sendMessage("denied").complete());
                assertEquals(ErrorResponse.MISSING_PERMISSIONS, denied.getErrorResponse());

                // A public thread from a message (same id as the message), then archived and locked
                Message root = support.sendMessage("root").complete();
                ThreadChannel discussion = root.createThreadChannel("discussion").complete();
                assertEquals(root.getIdLong(), discussion.getIdLong());
                assertEquals(ChannelType.GUILD_PUBLIC_THREAD, discussion.getType());
                discussion.getManager().setArchived(true).setLocked(true).complete();
                assertTrue(discord.channelEdits().get(0).path("archived").asBoolean());

                // Members: REST lookup and gateway request (op 8 -> GUILD_MEMBERS_CHUNK)
                assertEquals(List.of(AGENT_ROLE_ID), guild.retrieveMemberById(AGENT_ID).complete().getRoles().stream()
                        .map(Role::getIdLong).toList());
                List<Member> chunk = guild.retrieveMembersByIds(SUPERVISOR_ID).get();
                assertEquals(2, chunk.get(0).getRoles().size());

                // A select menu; the bot answers by updating the message (callback type 7)
                Message menu = support.sendMessage("choose a topic").setComponents(ActionRow.of(
                        StringSelectMenu.create("topic").addOption("Billing", "billing").addOption("Tech", "tech")
                                .build())).complete();
                String pick = discord.selectMenu(SUPPORT_CHANNEL_ID, CUSTOMER_ID, menu.getIdLong(), "topic",
                        List.of("tech"));
                assertEquals(List.of("tech"), await(events, StringSelectInteractionEvent.class,
                        e -> e.getId().equals(pick)).getValues());
                assertEquals(7, discord.awaitCallback(pick, WAIT).type());
                discord.awaitCondition(() -> discord.edits().stream().anyMatch(
                        e -> e.body().path("content").asText().equals("chosen [tech]")), WAIT, "the menu update");
                assertTrue(discord.message(menu.getIdLong()).orElseThrow().path("components").isEmpty());

                // Deferred ephemeral reply, then a follow-up replaces the "thinking" message
                String defer = discord.slashCommand(SUPPORT_CHANNEL_ID, CUSTOMER_ID, "defer", Map.of());
                FakeDiscord.Sent done = discord.awaitSent(s -> s.content().equals("done"), WAIT);
                assertEquals(FakeDiscord.Source.FOLLOW_UP, done.source());
                assertTrue(done.ephemeral());
                assertEquals(5, discord.awaitCallback(defer, WAIT).type());
                FakeDiscord.Sent second = discord.awaitSent(s -> s.content().equals("and more"), WAIT);
                assertTrue(second.messageId() != done.messageId());

                // Deferred reply filled by editOriginal
                discord.slashCommand(SUPPORT_CHANNEL_ID, AGENT_ID, "edit", Map.of("n", 3, "urgent", true));
                assertEquals(FakeDiscord.Source.DEFERRED_REPLY,
                        discord.awaitSent(s -> s.content().equals("edited 3 true"), WAIT).source());

                // A slash command in a DM, and a button from a guild the bot is not in
                String inDm = discord.slashCommand(discord.dmChannelId(CUSTOMER_ID), CUSTOMER_ID, "status", Map.of());
                assertEquals("dm: true", discord.awaitCallback(inDm, WAIT).body().path("data").path("content").asText());
                String other = discord.buttonPressFromOtherGuild(AGENT_ID, 1234L, "x");
                assertEquals("detached: true",
                        discord.awaitCallback(other, WAIT).body().path("data").path("content").asText());

                // Guild commands and the application info
                guild.updateCommands().addCommands(Commands.slash("ticket", "Open a ticket")).complete();
                assertEquals(Long.toString(GUILD_ID), discord.commandsRegistered().stream()
                        .filter(c -> c.path("name").asText().equals("ticket")).findFirst().orElseThrow()
                        .path("guild_id").asText());
                assertEquals(FakeDiscord.APPLICATION_ID, jda.retrieveApplicationInfo().complete().getIdLong());

                // The bot loses permissions at runtime (GUILD_ROLE_UPDATE): JDA refuses before calling Discord
                discord.setup(GUILD_ID).botPermissions(FakeDiscord.EVERYONE_PERMISSIONS);
                discord.awaitCondition(() -> discord.gatewaySent().contains("GUILD_ROLE_UPDATE"), WAIT, "role update");
                discord.awaitCondition(() -> !guild.getSelfMember().hasPermission(Permission.CREATE_PRIVATE_THREADS), WAIT,
                        "JDA to apply the role update");
                assertThrows(InsufficientPermissionException.class,
                        () -> support.createThreadChannel("no", true).complete());

                assertEquals(List.of(), discord.unknownRoutes(), "JDA asked for routes the fake doesn't know");
                assertEquals(List.of(), discord.lateCallbacks());
            } finally {
                jda.shutdownNow();
                jda.awaitShutdown(Duration.ofSeconds(10));
            }
        }
    }

    /** The bot side of {@link #repliesFollowUpsFilesDmsMenusAndErrors}. */
    private static void answer(GenericEvent event) {
        if (event instanceof SlashCommandInteractionEvent e) {
            switch (e.getName()) {
                case "defer" -> e.deferReply(true).queue(hook -> hook.sendMessage("done").queue(
                        m -> hook.sendMessage("and more").queue()));
                case "edit" -> e.deferReply().queue(hook -> hook.editOriginal(
                        "edited " + e.getOption("n").getAsLong() + " " + e.getOption("urgent").getAsBoolean()).queue());
                case "status" -> e.reply("dm: " + (e.getChannelType() == ChannelType.PRIVATE)).queue();
                default -> { }
            }
        } else if (event instanceof StringSelectInteractionEvent e) {
            e.editMessage("chosen " + e.getValues()).setComponents().queue();
        } else if (event instanceof ButtonInteractionEvent e && e.getComponentId().equals("x")) {
            e.reply("detached: " + e.getGuild().isDetached()).setEphemeral(true).queue();
        }
    }

    private static <T extends GenericEvent> T await(BlockingQueue<GenericEvent> events, Class<T> type,
                                                    Predicate<T> match) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            GenericEvent e = events.poll(50, TimeUnit.MILLISECONDS);
            if (type.isInstance(e) && match.test(type.cast(e))) {
                return type.cast(e);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " within " + WAIT);
    }
}
