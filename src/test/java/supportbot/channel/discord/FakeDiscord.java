package supportbot.channel.discord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.websocket.WsCloseContext;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionController;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fake Discord on 127.0.0.1: the gateway (WebSocket, JSON, no compression) and the REST routes JDA calls, close enough
 * to the real thing that the real JDA 6.5.0 can be driven against it in tests.
 *
 * <p>Point JDA at it with {@link #configure(JDABuilder)} (or {@link #restConfig()}, {@link #sessionController()} and
 * {@code Compression.NONE} by hand), or let {@link #connect} build one. Then tests play Discord's users
 * ({@link #userMessage}, {@link #directMessage}, {@link #slashCommand}, {@link #buttonPress}, ...) and look at what the
 * bot did ({@link #sent()}, {@link #edits()}, {@link #callbacks()}, {@link #threadsCreated()},
 * {@link #commandsRegistered()}, {@link #unknownRoutes()}, ...). All state sits behind one monitor; every change wakes
 * up waiters.
 *
 * <p>What it does like Discord, because a bot could depend on it:
 * <ul>
 *   <li>Gateway: HELLO, IDENTIFY → READY (guilds unavailable) + one full GUILD_CREATE per guild, heartbeats acked,
 *       RESUME answered with INVALID_SESSION(false) so JDA identifies again, op 8 answered with one
 *       GUILD_MEMBERS_CHUNK. Events are only delivered for the intents JDA identified with (guild messages need
 *       GUILD_MESSAGES, DMs need DIRECT_MESSAGES, member events GUILD_MEMBERS, ...; what was held back is in
 *       {@link #dropped()}); without MESSAGE_CONTENT, guild messages that don't mention the bot arrive with empty
 *       content, attachments, embeds and components. Privileged intents switched off in the "developer portal"
 *       ({@link #portalIntents}) close the socket with 4014; a wrong token ({@link #requireToken}) with 4004.</li>
 *   <li>The bot's own messages come back to it as MESSAGE_CREATE (as on Discord), unless
 *       {@link #echoBotMessages(boolean)} is off.</li>
 *   <li>Interactions must be acknowledged within 3 s of dispatch ({@link #interactionDeadline}); a late callback is
 *       answered 404 {@code Unknown interaction} (10062) and recorded in {@link #lateCallbacks()}; a second one 400
 *       (40060). After a deferred reply (type 5), the first follow-up replaces the "thinking" message.</li>
 *   <li>Permissions: roles + channel overwrites are computed as Discord does; the bot can't post where it can't see
 *       or send (403 50001 / 50013); users can't post where they can't (the fake throws, it's a test bug).</li>
 *   <li>Every answer has X-RateLimit headers; {@link #rateLimitNext} answers a 429 once, {@link #failNext} any error
 *       once; {@link #blockDirectMessages} makes DMs to a user fail with 50007.</li>
 *   <li>Unknown routes answer 404 {@code {"message":"404: Not Found","code":0}} and are listed in
 *       {@link #unknownRoutes()}.</li>
 * </ul>
 */
public final class FakeDiscord implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FakeDiscord.class);

    public static final long BOT_ID = 900000000000000001L;
    public static final long APPLICATION_ID = BOT_ID;
    public static final String BOT_NAME = "support-bot";

    /** The standard guild made by {@link #start()}. */
    public static final long GUILD_ID = 800000000000000001L;
    public static final long SUPPORT_CHANNEL_ID = 800000000000000101L;
    public static final long STAFF_CHANNEL_ID = 800000000000000102L;
    public static final long AGENT_ROLE_ID = 800000000000000201L;
    public static final long SUPERVISOR_ROLE_ID = 800000000000000202L;
    /**
     * The managed role Discord gives a bot when it joins (holds its permissions). Every guild added with
     * {@link #addGuild} gets one with id {@code guildId + 202}; this is the standard guild's.
     */
    public static final long BOT_ROLE_ID = GUILD_ID + 202;
    /** Owner of the standard guild (a human, not the bot). */
    public static final long OWNER_ID = 700000000000000009L;
    /** alice: a member without roles. */
    public static final long CUSTOMER_ID = 700000000000000001L;
    /** bob: has Agent. */
    public static final long AGENT_ID = 700000000000000002L;
    /** carol: has Agent and Supervisor. */
    public static final long SUPERVISOR_ID = 700000000000000003L;
    /** A guild the bot is not in (for interactions from user installs / other servers). */
    public static final long OTHER_GUILD_ID = 800000000000000999L;

    public static final long EVERYONE_PERMISSIONS = Permission.getRaw(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND,
            Permission.MESSAGE_HISTORY, Permission.MESSAGE_ADD_REACTION, Permission.MESSAGE_EMBED_LINKS,
            Permission.MESSAGE_ATTACH_FILES, Permission.USE_APPLICATION_COMMANDS, Permission.CREATE_PUBLIC_THREADS,
            Permission.MESSAGE_SEND_IN_THREADS, Permission.CREATE_INSTANT_INVITE, Permission.NICKNAME_CHANGE);
    public static final long BOT_PERMISSIONS = Permission.getRaw(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND,
            Permission.MESSAGE_EMBED_LINKS, Permission.MESSAGE_ATTACH_FILES, Permission.MESSAGE_HISTORY,
            Permission.MESSAGE_ADD_REACTION, Permission.MESSAGE_MANAGE, Permission.MESSAGE_EXT_EMOJI,
            Permission.MANAGE_THREADS, Permission.CREATE_PUBLIC_THREADS, Permission.CREATE_PRIVATE_THREADS,
            Permission.MESSAGE_SEND_IN_THREADS, Permission.USE_APPLICATION_COMMANDS);
    public static final long ALL_PERMISSIONS = Arrays.stream(Permission.values())
            .filter(p -> p != Permission.UNKNOWN).mapToLong(Permission::getRawValue).reduce(0L, (a, b) -> a | b);

    private static final long DISCORD_EPOCH = 1420070400000L;
    private static final long VIEW = Permission.VIEW_CHANNEL.getRawValue();
    private static final long SEND = Permission.MESSAGE_SEND.getRawValue();
    private static final long SEND_IN_THREADS = Permission.MESSAGE_SEND_IN_THREADS.getRawValue();
    private static final long MANAGE_THREADS = Permission.MANAGE_THREADS.getRawValue();
    private static final long ADMIN = Permission.ADMINISTRATOR.getRawValue();
    private static final long INTENT_GUILDS = 1L; // JDA always sends GUILDS (bit 0); it has no enum constant
    private static final long INTENT_MEMBERS = GatewayIntent.GUILD_MEMBERS.getRawValue();
    private static final long INTENT_GUILD_MESSAGES = GatewayIntent.GUILD_MESSAGES.getRawValue();
    private static final long INTENT_DIRECT_MESSAGES = GatewayIntent.DIRECT_MESSAGES.getRawValue();
    private static final long INTENT_CONTENT = GatewayIntent.MESSAGE_CONTENT.getRawValue();
    private static final long INTENT_PRESENCES = GatewayIntent.GUILD_PRESENCES.getRawValue();
    private static final int TYPE_TEXT = 0, TYPE_DM = 1, TYPE_PUBLIC_THREAD = 11, TYPE_PRIVATE_THREAD = 12;
    private static final int FLAG_EPHEMERAL = 64, FLAG_LOADING = 128;
    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);
    private static final Pattern USER_MENTION = Pattern.compile("<@!?(\\d+)>");
    private static final Pattern ROLE_MENTION = Pattern.compile("<@&(\\d+)>");

    // ------------------------------------------------------------------------------------------ public records

    /** Where a message the bot made came from. */
    public enum Source {
        /** POST channels/{id}/messages */
        CHANNEL,
        /** interaction callback type 4 */
        INTERACTION_REPLY,
        /** PATCH webhooks/{app}/{token}/messages/@original that filled a deferred (type 5) reply */
        DEFERRED_REPLY,
        /** POST webhooks/{app}/{token} */
        FOLLOW_UP
    }

    /** A file JDA uploaded (multipart {@code files[n]}) or a test attached to a user message. */
    public record Upload(String filename, String contentType, byte[] bytes) {
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /**
     * A message the bot created. body is what JDA sent (payload_json for multipart); ephemeral is what the message
     * became (after a deferred ephemeral reply, the follow-up is ephemeral whatever its own flags say).
     */
    public record Sent(long channelId, long messageId, String content, JsonNode body, Source source,
                       List<Upload> files, boolean ephemeral) {
        /** Every custom_id of the message's components (buttons, selects), depth first. */
        public List<String> customIds() {
            List<String> ids = new ArrayList<>();
            collectCustomIds(body.path("components"), ids);
            return ids;
        }

        public List<JsonNode> embeds() {
            List<JsonNode> out = new ArrayList<>();
            body.path("embeds").forEach(out::add);
            return out;
        }
    }

    /** A message the bot changed: PATCH channels/{c}/messages/{m}, webhook edits, or interaction callback type 7. */
    public record Edit(long channelId, long messageId, JsonNode body, String via) {
        public List<String> customIds() {
            List<String> ids = new ArrayList<>();
            collectCustomIds(body.path("components"), ids);
            return ids;
        }
    }

    /** An interaction callback JDA posted; late ones were refused with 404 10062. */
    public record Callback(String interactionId, int type, JsonNode body, long millisAfterDispatch, boolean late,
                           boolean refused) {
    }

    /** A REST call JDA made. body is the JSON body (payload_json for multipart) or null. */
    public record RestCall(String method, String path, String query, JsonNode body, int status) {
        @Override
        public String toString() {
            return method + " " + path + (query == null || query.isEmpty() ? "" : "?" + query) + " -> " + status;
        }
    }

    /** A file attached to a user's message. */
    public record UserFile(String filename, String contentType, byte[] bytes) {
    }

    public static UserFile file(String filename, String contentType, byte[] bytes) {
        return new UserFile(filename, contentType, bytes);
    }

    public static UserFile file(String filename, String text) {
        return new UserFile(filename, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------------------------------ model

    private static final class User {
        final long id;
        final String name;
        final boolean bot;
        String globalName;

        User(long id, String name, boolean bot) {
            this.id = id;
            this.name = name;
            this.bot = bot;
        }
    }

    private static final class Role {
        final long id;
        final String name;
        long permissions;
        final int position;
        final boolean managed;

        Role(long id, String name, long permissions, int position, boolean managed) {
            this.id = id;
            this.name = name;
            this.permissions = permissions;
            this.position = position;
            this.managed = managed;
        }
    }

    private static final class Member {
        final long userId;
        final List<Long> roles = new ArrayList<>();
        final String joinedAt;
        String nick;

        Member(long userId, String joinedAt) {
            this.userId = userId;
            this.joinedAt = joinedAt;
        }
    }

    private record Overwrite(long id, int type, long allow, long deny) {
    }

    private static final class Chan {
        final long id;
        final int type;
        final long guildId;
        String name;
        long parentId;
        long ownerId;
        long recipientId;
        int position;
        String topic;
        final List<Overwrite> overwrites = new ArrayList<>();
        final Set<Long> threadMembers = new LinkedHashSet<>();
        boolean archived;
        /** When it was last archived or unarchived (Discord's archive_timestamp). */
        String archivedAt;
        boolean locked;
        boolean invitable = true;
        int autoArchive = 1440;
        int messageCount;
        long lastMessageId;
        String createdAt;
        boolean deleted;

        Chan(long id, int type, long guildId) {
            this.id = id;
            this.type = type;
            this.guildId = guildId;
        }

        boolean thread() {
            return type == TYPE_PUBLIC_THREAD || type == TYPE_PRIVATE_THREAD || type == 10;
        }
    }

    private static final class Guild {
        final long id;
        final String name;
        long ownerId;
        final Map<Long, Role> roles = new LinkedHashMap<>();
        final Map<Long, Member> members = new LinkedHashMap<>();
        final List<Long> channelIds = new ArrayList<>();

        Guild(long id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    private static final class Interaction {
        final long id;
        final String token;
        final int type;
        final long channelId;
        final long userId;
        final long messageId;
        volatile long dispatchedAtNanos;
        boolean acked;
        int ackType;
        long originalMessageId;
        boolean originalPending;

        Interaction(long id, String token, int type, long channelId, long userId, long messageId) {
            this.id = id;
            this.token = token;
            this.type = type;
            this.channelId = channelId;
            this.userId = userId;
            this.messageId = messageId;
        }
    }

    private final class Session {
        final WsContext ctx;
        final Object sendLock = new Object();
        volatile boolean closed;
        boolean ready;
        int seq;
        long intents;
        String sessionId;

        Session(WsContext ctx) {
            this.ctx = ctx;
        }
    }

    private record PendingDispatch(String type, ObjectNode data, long intent, Interaction interaction) {
    }

    private record Planned(String method, Pattern path, int status, ObjectNode body, double retryAfter) {
    }

    private record Req(String method, String path, String query, JsonNode json, List<Upload> files,
                       String authorization) {
    }

    private record Resp(int status, JsonNode body, Map<String, String> headers) {
        static Resp ok(JsonNode body) {
            return new Resp(200, body, Map.of());
        }

        static Resp noContent() {
            return new Resp(204, null, Map.of());
        }
    }

    private static final class DiscordError extends RuntimeException {
        final int status;
        final int code;

        DiscordError(int status, int code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    // ------------------------------------------------------------------------------------------ state

    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final SecureRandom random = new SecureRandom();
    private final ExecutorService gatewayOut = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fake-discord-gateway-out");
        t.setDaemon(true);
        return t;
    });
    private final Javalin app;

    private final Map<Long, User> users = new LinkedHashMap<>();
    private final Map<Long, Guild> guilds = new LinkedHashMap<>();
    private final Map<Long, Chan> channels = new LinkedHashMap<>();
    private final Map<Long, Long> dmByUser = new HashMap<>();
    private final Map<Long, ObjectNode> messages = new HashMap<>();
    private final Map<String, Upload> attachmentFiles = new HashMap<>();
    private final Map<Long, Interaction> interactions = new HashMap<>();
    private final Map<String, Interaction> interactionsByToken = new HashMap<>();
    private final Map<String, ArrayNode> commands = new LinkedHashMap<>(); // "global" or guild id -> commands
    private final Set<Long> dmBlocked = new LinkedHashSet<>();
    private final Deque<Planned> planned = new ArrayDeque<>();
    private final List<Hold> holds = new ArrayList<>();
    private final Deque<PendingDispatch> pending = new ArrayDeque<>();
    private final List<Session> sessions = new ArrayList<>();
    private Session current;

    private final List<Sent> sent = new ArrayList<>();
    private final List<Edit> edits = new ArrayList<>();
    private final List<long[]> deletedMessages = new ArrayList<>();
    private final List<Callback> callbacks = new ArrayList<>();
    private final Map<Long, String> locales = new HashMap<>();
    /** "user/custom_id" of every modal shown: only those can be submitted. */
    private final Set<String> modalsShown = new java.util.HashSet<>();
    private final List<JsonNode> threadsCreated = new ArrayList<>();
    private final List<long[]> threadMembersAdded = new ArrayList<>();
    private final List<JsonNode> channelEdits = new ArrayList<>();
    private final List<String> reactions = new ArrayList<>();
    private final List<RestCall> restCalls = new ArrayList<>();
    private final List<String> unknownRoutes = new ArrayList<>();
    private final List<String> rateLimited = new ArrayList<>();
    private final List<JsonNode> gatewayReceived = new ArrayList<>();
    private final List<String> gatewaySent = new ArrayList<>();
    private final List<String> dropped = new ArrayList<>();
    private final List<Integer> gatewayCloseCodes = new ArrayList<>();
    private final List<String> tokensSeen = new ArrayList<>();
    private int identifies;
    private int commandOverwrites;
    private int typing;

    private long lastId;
    private String requiredToken;
    private boolean portalMembers = true, portalPresences = true, portalContent = true;
    private boolean ackHeartbeats = true;
    private boolean echoBotMessages = true;
    private int heartbeatIntervalMillis = 5000;
    private Duration interactionDeadline = Duration.ofSeconds(3);

    private FakeDiscord(boolean standardGuild) {
        users.put(BOT_ID, new User(BOT_ID, BOT_NAME, true));
        if (standardGuild) {
            addStandardGuild();
        }
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = 30L * 1024 * 1024;
            cfg.jetty.modifyWebSocketServletFactory(f -> f.setIdleTimeout(Duration.ofMinutes(10)));
            cfg.routes.ws("/gateway", ws -> {
                ws.onConnect(this::onWsConnect);
                ws.onMessage(this::onWsMessage);
                ws.onClose(this::onWsClose);
                ws.onError(ctx -> LOG.debug("fake gateway socket error", ctx.error()));
            });
            cfg.routes.get("/api/v10/<path>", this::handleRest);
            cfg.routes.post("/api/v10/<path>", this::handleRest);
            cfg.routes.put("/api/v10/<path>", this::handleRest);
            cfg.routes.patch("/api/v10/<path>", this::handleRest);
            cfg.routes.delete("/api/v10/<path>", this::handleRest);
            cfg.routes.get("/attachments/<path>", this::handleAttachment);
        });
        app.start("127.0.0.1", 0);
    }

    /**
     * Starts a fake with the standard guild {@link #GUILD_ID} "Support Test": channels #support (everyone can see)
     * and #staff (only Agent, Supervisor and the bot can see); roles @everyone, Agent, Supervisor and the bot's
     * managed role; members: the bot, alice ({@link #CUSTOMER_ID}), bob ({@link #AGENT_ID}, Agent), carol
     * ({@link #SUPERVISOR_ID}, Agent + Supervisor) and the owner ({@link #OWNER_ID}).
     */
    public static FakeDiscord start() {
        return new FakeDiscord(true);
    }

    /** Starts a fake with no guild; add them with {@link #addGuild}. */
    public static FakeDiscord startEmpty() {
        return new FakeDiscord(false);
    }

    private void addStandardGuild() {
        addGuild(GUILD_ID, "Support Test", OWNER_ID)
                .role(AGENT_ROLE_ID, "Agent")
                .role(SUPERVISOR_ROLE_ID, "Supervisor")
                .textChannel(SUPPORT_CHANNEL_ID, "support")
                .privateTextChannel(STAFF_CHANNEL_ID, "staff", AGENT_ROLE_ID, SUPERVISOR_ROLE_ID)
                .member(OWNER_ID, "owner")
                .member(CUSTOMER_ID, "alice")
                .member(AGENT_ID, "bob", AGENT_ROLE_ID)
                .member(SUPERVISOR_ID, "carol", AGENT_ROLE_ID, SUPERVISOR_ROLE_ID);
    }

    // ------------------------------------------------------------------------------------------ wiring JDA

    public int port() {
        return app.port();
    }

    /** {@code http://127.0.0.1:PORT/api/v10/}, what RestConfig.setBaseUrl wants. */
    public String restBaseUrl() {
        return "http://127.0.0.1:" + port() + "/api/v10/";
    }

    /** {@code ws://127.0.0.1:PORT/gateway}; JDA appends {@code ?encoding=json&v=10}. */
    public String gatewayUrl() {
        return "ws://127.0.0.1:" + port() + "/gateway";
    }

    public RestConfig restConfig() {
        return new RestConfig().setBaseUrl(restBaseUrl());
    }

    /**
     * A fresh session controller whose gateway is the fake and that doesn't wait the usual 5 s between identifies.
     * (JDA's own backoff still applies: after an invalidated session it reconnects 2 s later.) One per JDA.
     */
    public SessionController sessionController() {
        String url = gatewayUrl();
        return new SessionControllerAdapter() {
            @Override
            public String getGateway() {
                return url;
            }

            @Override
            protected void runWorker() {
                synchronized (lock) {
                    if (workerHandle == null) {
                        workerHandle = new QueueWorker(0L);
                        workerHandle.start();
                    }
                }
            }
        };
    }

    /** Points a builder at the fake: REST base URL, gateway, no compression, no shutdown hook. */
    public JDABuilder configure(JDABuilder builder) {
        return builder.setRestConfig(restConfig())
                .setSessionController(sessionController())
                .setCompression(Compression.NONE)
                .setEnableShutdownHook(false);
    }

    /** {@code JDABuilder.createDefault(token, intents)} against the fake, built and ready. */
    public JDA connect(String token, GatewayIntent... intents) {
        return connect(token, Arrays.asList(intents), b -> { });
    }

    /**
     * Builds a JDA ({@code createDefault}, minus the cache flags whose intent is missing, which JDA would only warn
     * about) against the fake, lets {@code customize} add listeners or change caching, and waits (at most 10 s)
     * until it is READY.
     */
    public JDA connect(String token, Collection<GatewayIntent> intents, Consumer<JDABuilder> customize) {
        JDABuilder builder = configure(JDABuilder.createDefault(token, intents));
        List<CacheFlag> unusable = Arrays.stream(CacheFlag.values())
                .filter(f -> f.getRequiredIntent() != null && !intents.contains(f.getRequiredIntent())).toList();
        if (!unusable.isEmpty()) {
            builder.disableCache(unusable);
        }
        customize.accept(builder);
        JDA jda = builder.build();
        try {
            CompletableFuture.runAsync(() -> {
                try {
                    jda.awaitReady();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }).get(10, TimeUnit.SECONDS);
        } catch (TimeoutException | InterruptedException | java.util.concurrent.ExecutionException e) {
            jda.shutdownNow();
            throw new AssertionError("JDA did not get READY from the fake (status " + jda.getStatus()
                    + "). Gateway received: " + gatewayReceived() + " REST: " + restCalls()
                    + " close codes: " + gatewayCloseCodes(), e);
        }
        return jda;
    }

    // ------------------------------------------------------------------------------------------ configuration

    /**
     * Adds a guild and returns a builder for its roles, channels and members. It starts with @everyone
     * ({@link #EVERYONE_PERMISSIONS}), the bot as a member and the bot's managed role ({@code guildId + 202},
     * {@link #BOT_PERMISSIONS}). The owner is not made a member: add them with {@link GuildSetup#member}.
     */
    public synchronized GuildSetup addGuild(long guildId, String name, long ownerId) {
        Guild g = new Guild(guildId, name);
        g.ownerId = ownerId;
        g.roles.put(guildId, new Role(guildId, "@everyone", EVERYONE_PERMISSIONS, 0, false));
        long botRole = guildId + 202;
        g.roles.put(botRole, new Role(botRole, BOT_NAME, BOT_PERMISSIONS, 1, true));
        Member self = new Member(BOT_ID, iso(Instant.now().minusSeconds(86400)));
        self.roles.add(botRole);
        g.members.put(BOT_ID, self);
        guilds.put(guildId, g);
        if (ready()) {
            dispatch("GUILD_CREATE", guildCreate(g), INTENT_GUILDS);
        }
        return new GuildSetup(guildId);
    }

    /** The builder of a guild added before (e.g. {@code setup(GUILD_ID).botPermissions(...)}). */
    public synchronized GuildSetup setup(long guildId) {
        guild(guildId);
        return new GuildSetup(guildId);
    }

    /** Configures one guild. Changes made after JDA connected are dispatched (GUILD_MEMBER_ADD, CHANNEL_CREATE, ...). */
    public final class GuildSetup {
        private final long guildId;

        private GuildSetup(long guildId) {
            this.guildId = guildId;
        }

        public long id() {
            return guildId;
        }

        /** Sets the permissions of the bot's managed role (GUILD_ROLE_UPDATE when connected). */
        public GuildSetup botPermissions(long permissions) {
            return rolePermissions(guildId + 202, permissions);
        }

        /** Sets the permissions of @everyone (GUILD_ROLE_UPDATE when connected). */
        public GuildSetup everyonePermissions(long permissions) {
            return rolePermissions(guildId, permissions);
        }

        public GuildSetup rolePermissions(long roleId, long permissions) {
            synchronized (FakeDiscord.this) {
                Role r = guild(guildId).roles.get(roleId);
                if (r == null) {
                    throw new IllegalArgumentException("no role " + roleId + " in guild " + guildId);
                }
                r.permissions = permissions;
                if (ready()) {
                    ObjectNode d = obj().put("guild_id", str(guildId));
                    d.set("role", roleJson(r));
                    dispatch("GUILD_ROLE_UPDATE", d, INTENT_GUILDS);
                }
            }
            return this;
        }

        /** A role with no permissions of its own (it matters for role checks and channel overwrites). */
        public GuildSetup role(long roleId, String name) {
            return role(roleId, name, 0L);
        }

        public GuildSetup role(long roleId, String name, long permissions) {
            synchronized (FakeDiscord.this) {
                Guild g = guild(guildId);
                Role r = new Role(roleId, name, permissions, g.roles.size(), false);
                g.roles.put(roleId, r);
                if (ready()) {
                    ObjectNode d = obj().put("guild_id", str(guildId));
                    d.set("role", roleJson(r));
                    dispatch("GUILD_ROLE_CREATE", d, INTENT_GUILDS);
                }
            }
            return this;
        }

        /** A text channel everyone can see. */
        public GuildSetup textChannel(long channelId, String name) {
            return textChannel(channelId, name, List.of());
        }

        /** A text channel only the given roles and the bot's role can see (@everyone is denied VIEW_CHANNEL). */
        public GuildSetup privateTextChannel(long channelId, String name, long... allowedRoles) {
            List<Overwrite> ow = new ArrayList<>();
            ow.add(new Overwrite(guildId, 0, 0, VIEW));
            for (long r : allowedRoles) {
                ow.add(new Overwrite(r, 0, VIEW | SEND, 0));
            }
            ow.add(new Overwrite(guildId + 202, 0, VIEW | SEND, 0));
            return textChannel(channelId, name, ow);
        }

        private GuildSetup textChannel(long channelId, String name, List<Overwrite> overwrites) {
            synchronized (FakeDiscord.this) {
                Guild g = guild(guildId);
                Chan c = new Chan(channelId, TYPE_TEXT, guildId);
                c.name = name;
                c.position = g.channelIds.size();
                c.overwrites.addAll(overwrites);
                c.createdAt = iso(Instant.now());
                channels.put(channelId, c);
                g.channelIds.add(channelId);
                if (ready()) {
                    dispatch("CHANNEL_CREATE", channelJson(c), INTENT_GUILDS);
                }
            }
            return this;
        }

        /** A member (and user) with the given roles. */
        public GuildSetup member(long userId, String name, long... roleIds) {
            synchronized (FakeDiscord.this) {
                Guild g = guild(guildId);
                users.putIfAbsent(userId, new User(userId, name, false));
                Member m = new Member(userId, iso(Instant.now().minusSeconds(3600)));
                for (long r : roleIds) {
                    if (!g.roles.containsKey(r)) {
                        throw new IllegalArgumentException("no role " + r + " in guild " + guildId);
                    }
                    m.roles.add(r);
                }
                g.members.put(userId, m);
                if (ready()) {
                    ObjectNode d = memberJson(g, m, true);
                    d.put("guild_id", str(guildId));
                    dispatch("GUILD_MEMBER_ADD", d, INTENT_MEMBERS);
                }
            }
            return this;
        }
    }

    /** Adds a member to the standard guild. */
    public FakeDiscord addMember(long userId, String name, long... roleIds) {
        new GuildSetup(GUILD_ID).member(userId, name, roleIds);
        return this;
    }

    /** A user who shares no guild with the bot (can still DM it). */
    public synchronized FakeDiscord addUser(long userId, String name) {
        users.putIfAbsent(userId, new User(userId, name, false));
        return this;
    }

    /** Sets a user's global (display) name, as later events show it; null for none. */
    public synchronized FakeDiscord globalName(long userId, String globalName) {
        users.get(userId).globalName = globalName;
        return this;
    }

    /** Replaces a member's roles; dispatched as GUILD_MEMBER_UPDATE when connected. */
    public synchronized void setMemberRoles(long guildId, long userId, long... roleIds) {
        Guild g = guild(guildId);
        Member m = member(g, userId);
        m.roles.clear();
        for (long r : roleIds) {
            m.roles.add(r);
        }
        if (ready()) {
            ObjectNode d = memberJson(g, m, true);
            d.put("guild_id", str(guildId));
            dispatch("GUILD_MEMBER_UPDATE", d, INTENT_MEMBERS);
        }
        notifyAll();
    }

    /** Only this token (without "Bot ") is accepted: REST answers 401, IDENTIFY is closed with 4004. */
    public synchronized FakeDiscord requireToken(String token) {
        this.requiredToken = token;
        return this;
    }

    /** Which privileged intents are switched on in the developer portal (all by default). */
    public synchronized FakeDiscord portalIntents(boolean guildMembers, boolean presences, boolean messageContent) {
        this.portalMembers = guildMembers;
        this.portalPresences = presences;
        this.portalContent = messageContent;
        return this;
    }

    /** The heartbeat_interval sent in HELLO (default 5 s). */
    public synchronized FakeDiscord heartbeatInterval(Duration interval) {
        this.heartbeatIntervalMillis = (int) interval.toMillis();
        return this;
    }

    /** Stop (or resume) answering heartbeats: JDA reconnects after two missed acks. */
    public synchronized FakeDiscord ackHeartbeats(boolean ack) {
        this.ackHeartbeats = ack;
        return this;
    }

    /** How long an interaction may wait for its callback (Discord: 3 s). */
    public synchronized FakeDiscord interactionDeadline(Duration deadline) {
        this.interactionDeadline = deadline;
        return this;
    }

    /** Whether the bot's own messages are dispatched back to it as MESSAGE_CREATE (Discord does; default on). */
    public synchronized FakeDiscord echoBotMessages(boolean echo) {
        this.echoBotMessages = echo;
        return this;
    }

    /** Messages to this user's DM channel fail with 403 50007 "Cannot send messages to this user". */
    public synchronized FakeDiscord blockDirectMessages(long userId) {
        dmBlocked.add(userId);
        return this;
    }

    /**
     * The next request matching method and path (a regex over the path after /api/v10/, e.g.
     * {@code "channels/\\d+/messages"}) is answered 429 with this retry_after (JDA waits, then retries; the
     * Retry-After header is whole seconds, rounded up, as JDA parses it with Long.parseLong).
     */
    public synchronized FakeDiscord rateLimitNext(String method, String pathRegex, double retryAfterSeconds) {
        ObjectNode body = obj().put("message", "You are being rate limited.").put("retry_after", retryAfterSeconds)
                .put("global", false).put("code", 0);
        planned.add(new Planned(method.toUpperCase(Locale.ROOT), Pattern.compile(pathRegex), 429, body,
                retryAfterSeconds));
        return this;
    }

    /**
     * A slow endpoint: the next request matching method and path regex is held (its answer not sent) until
     * {@link Hold#release()} or {@code upTo} has passed, as on a busy server where Discord's own limits delay a call.
     */
    public synchronized Hold holdNext(String method, String pathRegex, Duration upTo) {
        Hold h = new Hold(method.toUpperCase(Locale.ROOT), Pattern.compile(pathRegex), upTo, new CountDownLatch(1),
                new CountDownLatch(1));
        holds.add(h);
        return h;
    }

    /** A held request: {@link #awaitReached} once it arrived, {@link #release} to let it through. */
    public record Hold(String method, Pattern path, Duration upTo, CountDownLatch reachedLatch, CountDownLatch releaseLatch) {
        public void awaitReached(Duration timeout) throws InterruptedException {
            if (!reachedLatch.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("no " + method + " " + path + " within " + timeout);
            }
        }

        public boolean reached() {
            return reachedLatch.getCount() == 0;
        }

        public void release() {
            releaseLatch.countDown();
        }
    }

    /** The next request matching method and path regex fails with this status and Discord error code. */
    public synchronized FakeDiscord failNext(String method, String pathRegex, int status, int code, String message) {
        planned.add(new Planned(method.toUpperCase(Locale.ROOT), Pattern.compile(pathRegex), status,
                obj().put("message", message).put("code", code), 0));
        return this;
    }

    // ------------------------------------------------------------------------------------------ users act

    /** A user posts in a guild text channel or thread (MESSAGE_CREATE); returns the message id. */
    public long userMessage(long channelId, long userId, String content, UserFile... files) {
        return postAsUser(channelId, userId, content, 0L, files);
    }

    /** A user replies to a message (type 19 with message_reference and referenced_message). */
    public long userReply(long channelId, long userId, long replyToMessageId, String content, UserFile... files) {
        return postAsUser(channelId, userId, content, replyToMessageId, files);
    }

    /** A user DMs the bot (the DM channel is made on first use); returns the message id. */
    public long directMessage(long userId, String content, UserFile... files) {
        return postAsUser(dmChannelId(userId), userId, content, 0L, files);
    }

    /** The DM channel between the bot and a user, made if needed. */
    public synchronized long dmChannelId(long userId) {
        user(userId);
        Long id = dmByUser.get(userId);
        if (id != null) {
            return id;
        }
        Chan c = new Chan(nextId(), TYPE_DM, 0);
        c.recipientId = userId;
        c.createdAt = iso(Instant.now());
        channels.put(c.id, c);
        dmByUser.put(userId, c.id);
        return c.id;
    }

    /**
     * A message sent while the bot's session was being replaced (a non-resumable drop): Discord stores it, but
     * no MESSAGE_CREATE ever reaches the bot; only the channel's history has it.
     */
    public synchronized long lostMessage(long channelId, long userId, String content) {
        lostNext = true;
        try {
            return postAsUser(channelId, userId, content, 0L);
        } finally {
            lostNext = false;
        }
    }

    private boolean lostNext;

    private synchronized long postAsUser(long channelId, long userId, String content, long replyTo,
                                         UserFile... files) {
        Chan ch = channel(channelId);
        User u = user(userId);
        if (ch.type == TYPE_DM) {
            if (ch.recipientId != userId) {
                throw new IllegalArgumentException("user " + userId + " is not the recipient of DM " + channelId);
            }
        } else {
            Guild g = guild(ch.guildId);
            member(g, userId);
            long perms = channelPermissions(ch, userId);
            long needed = ch.thread() ? VIEW | SEND_IN_THREADS : VIEW | SEND;
            if ((perms & needed) != needed) {
                throw new IllegalArgumentException("user " + userId + " may not post in " + channelId);
            }
            if (ch.type == TYPE_PRIVATE_THREAD && !ch.threadMembers.contains(userId) && (perms & MANAGE_THREADS) == 0) {
                throw new IllegalArgumentException("user " + userId + " is not in private thread " + channelId);
            }
            if (ch.locked && (perms & MANAGE_THREADS) == 0) {
                throw new IllegalArgumentException("thread " + channelId + " is locked");
            }
            ch.archived = false; // a message unarchives an unlocked thread
        }
        long id = nextId();
        ArrayNode attachments = arr();
        for (UserFile f : files) {
            long attId = nextId();
            String path = channelId + "/" + attId + "/" + f.filename();
            attachmentFiles.put(path, new Upload(f.filename(), f.contentType(), f.bytes()));
            String url = "http://127.0.0.1:" + port() + "/attachments/" + path;
            attachments.add(obj().put("id", str(attId)).put("filename", f.filename()).put("size", f.bytes().length)
                    .put("url", url).put("proxy_url", url).put("content_type", f.contentType()));
        }
        ObjectNode m = messageJson(id, ch, u, content == null ? "" : content);
        m.set("attachments", attachments);
        if (replyTo != 0) {
            ObjectNode ref = messages.get(replyTo);
            if (ref == null) {
                throw new IllegalArgumentException("no message " + replyTo);
            }
            m.put("type", 19);
            ObjectNode mr = obj().put("type", 0).put("message_id", str(replyTo)).put("channel_id", str(channelId));
            if (ch.guildId != 0) {
                mr.put("guild_id", str(ch.guildId));
            }
            m.set("message_reference", mr);
            m.set("referenced_message", ref.deepCopy());
        }
        store(m, ch);
        if (ch.thread()) {
            ch.messageCount++;
        }
        if (!lostNext) {
            dispatchMessage("MESSAGE_CREATE", m, ch);
        }
        notifyAll();
        return id;
    }

    /** A slash command (INTERACTION_CREATE type 2); options are strings, integers, booleans or doubles. */
    public synchronized String slashCommand(long channelId, long userId, String name, Map<String, ?> options) {
        Chan ch = channel(channelId);
        ObjectNode data = obj().put("type", 1).put("name", name);
        ObjectNode registered = findCommand(name, ch.guildId);
        data.put("id", registered != null ? registered.path("id").asText() : str(nextId()));
        if (registered != null && registered.hasNonNull("guild_id")) {
            data.put("guild_id", registered.get("guild_id").asText());
        }
        ArrayNode opts = arr();
        options.forEach((k, v) -> {
            ObjectNode o = obj().put("name", k);
            if (v instanceof Boolean b) {
                o.put("type", 5).put("value", b);
            } else if (v instanceof ChannelOption c) {
                o.put("type", 7).put("value", str(c.id()));
                ObjectNode resolved = (ObjectNode) data.with("resolved").with("channels");
                ObjectNode rc = channelJson(channel(c.id()));
                rc.put("permissions", str(channelPermissions(channel(c.id()), userId)));
                resolved.set(str(c.id()), rc);
            } else if (v instanceof Integer || v instanceof Long) {
                o.put("type", 4).put("value", ((Number) v).longValue());
            } else if (v instanceof Number n) {
                o.put("type", 10).put("value", n.doubleValue());
            } else {
                o.put("type", 3).put("value", String.valueOf(v));
            }
            opts.add(o);
        });
        if (!opts.isEmpty()) {
            data.set("options", opts);
        }
        return interact(ch, userId, 2, data, 0L, null).toString();
    }

    /** The language this user's Discord client is set to (interactions carry it as "locale"); default en-US. */
    public synchronized FakeDiscord userLocale(long userId, String locale) {
        locales.put(userId, locale);
        return this;
    }

    /** A channel given as a slash command option (type 7, with the channel in resolved.channels). */
    public record ChannelOption(long id) {
    }

    /**
     * A user typing into an option with autocomplete (INTERACTION_CREATE type 4): {@code focused} is the option
     * being typed, with {@code typed} so far. The bot answers with callback type 8 (choices, see {@link #choices}).
     */
    public synchronized String autocomplete(long channelId, long userId, String command, String focused, String typed) {
        Chan ch = channel(channelId);
        ObjectNode data = obj().put("type", 1).put("name", command);
        ObjectNode registered = findCommand(command, ch.guildId);
        data.put("id", registered != null ? registered.path("id").asText() : str(nextId()));
        if (registered != null && registered.hasNonNull("guild_id")) {
            data.put("guild_id", registered.get("guild_id").asText());
        }
        data.putArray("options").add(obj().put("name", focused).put("type", 3).put("value", typed).put("focused", true));
        return interact(ch, userId, 4, data, 0L, null).toString();
    }

    /** The choices (name, value) of an autocomplete answer. */
    public List<Map.Entry<String, String>> choices(Callback c) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        c.body().path("data").path("choices").forEach(ch -> out.add(Map.entry(ch.path("name").asText(),
                ch.path("value").asText())));
        return out;
    }

    /** The modal a callback (type 9) opened: its custom id, title and inputs (custom id → label, required). */
    public record ShownModal(String customId, String title, Map<String, String> labels, Set<String> required) {
    }

    public ShownModal modal(Callback c) {
        if (c.type() != 9) {
            throw new IllegalArgumentException("callback " + c.interactionId() + " has type " + c.type() + ", not a modal");
        }
        JsonNode d = c.body().path("data");
        Map<String, String> labels = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        for (JsonNode label : d.path("components")) {
            JsonNode input = label.path("component");
            labels.put(input.path("custom_id").asText(), label.path("label").asText());
            if (input.path("required").asBoolean(true)) {
                required.add(input.path("custom_id").asText());
            }
        }
        return new ShownModal(d.path("custom_id").asText(), d.path("title").asText(), labels, required);
    }

    /**
     * The user submits a modal the bot showed them (INTERACTION_CREATE type 5), from the message whose button
     * opened it. Values are per input custom id; Discord refuses a submit without a required input, so does this.
     */
    public synchronized String modalSubmit(long channelId, long userId, long messageId, ShownModal modal,
                                           Map<String, String> values) {
        if (!modalsShown.contains(userId + "/" + modal.customId())) {
            throw new IllegalArgumentException("modal " + modal.customId() + " was not shown to user " + userId);
        }
        for (String r : modal.required()) {
            if (values.getOrDefault(r, "").isBlank()) {
                throw new IllegalArgumentException("required input " + r + " left empty (Discord would not submit)");
            }
        }
        Chan ch = channel(channelId);
        ObjectNode data = obj().put("custom_id", modal.customId());
        ArrayNode comps = data.putArray("components");
        int id = 1;
        for (String input : modal.labels().keySet()) {
            ObjectNode label = obj().put("type", 18).put("id", id++);
            label.set("component", obj().put("type", 4).put("id", id++).put("custom_id", input)
                    .put("value", values.getOrDefault(input, "")));
            comps.add(label);
        }
        ObjectNode message = messages.get(messageId);
        return interact(ch, userId, 5, data, messageId, message == null ? null : message.deepCopy()).toString();
    }

    /**
     * A press of a button on a bot message whose custom id arrives altered to {@code forgedId} (a tampered client or a
     * replay: Discord checks ids, the bot must not rely on it).
     */
    public synchronized String buttonPressForged(long channelId, long userId, long messageId, String realId, String forgedId) {
        Chan ch = channel(channelId);
        ObjectNode message = componentMessage(messageId, realId, 2);
        ObjectNode data = obj().put("custom_id", forgedId).put("component_type", 2);
        return interact(ch, userId, 3, data, messageId, message).toString();
    }

    /** A button press (INTERACTION_CREATE type 3, component_type 2) on a message the bot sent. */
    public synchronized String buttonPress(long channelId, long userId, long messageId, String customId) {
        Chan ch = channel(channelId);
        ObjectNode message = componentMessage(messageId, customId, 2);
        ObjectNode data = obj().put("custom_id", customId).put("component_type", 2);
        return interact(ch, userId, 3, data, messageId, message).toString();
    }

    /** A string select (INTERACTION_CREATE type 3, component_type 3) on a message the bot sent. */
    public synchronized String selectMenu(long channelId, long userId, long messageId, String customId,
                                          List<String> values) {
        Chan ch = channel(channelId);
        ObjectNode message = componentMessage(messageId, customId, 3);
        ObjectNode data = obj().put("custom_id", customId).put("component_type", 3);
        ArrayNode v = data.putArray("values");
        values.forEach(v::add);
        return interact(ch, userId, 3, data, messageId, message).toString();
    }

    /**
     * A button press coming from {@link #OTHER_GUILD_ID}, a guild the bot is not in (JDA makes a detached guild):
     * the member has no roles and the message is made up, with just that button.
     */
    public synchronized String buttonPressFromOtherGuild(long userId, long messageId, String customId) {
        User u = users.computeIfAbsent(userId, id -> new User(id, "stranger" + (id % 1000), false));
        long channelId = OTHER_GUILD_ID + 1;
        channels.computeIfAbsent(channelId, cid -> {
            Chan c = new Chan(cid, TYPE_TEXT, OTHER_GUILD_ID);
            c.name = "elsewhere";
            c.createdAt = iso(Instant.now());
            return c;
        });
        long id = nextId();
        String token = token(id);
        Interaction it = new Interaction(id, token, 3, channelId, userId, messageId);
        interactions.put(id, it);
        interactionsByToken.put(token, it);
        ObjectNode d = interactionBase(it, 3);
        d.put("guild_id", str(OTHER_GUILD_ID));
        d.set("guild", obj().put("id", str(OTHER_GUILD_ID)).put("locale", "en-US").set("features", arr()));
        d.put("guild_locale", "en-US");
        ObjectNode channel = obj().put("id", str(channelId)).put("type", TYPE_TEXT).put("guild_id", str(OTHER_GUILD_ID))
                .put("name", "elsewhere").put("position", 0).put("nsfw", false).put("flags", 0)
                .put("rate_limit_per_user", 0).put("permissions", str(EVERYONE_PERMISSIONS));
        channel.putNull("parent_id");
        channel.putNull("topic");
        channel.putNull("last_message_id");
        d.set("channel", channel);
        ObjectNode member = obj();
        member.set("user", userJson(u));
        member.set("roles", arr());
        member.put("joined_at", iso(Instant.now().minusSeconds(60))).put("deaf", false).put("mute", false)
                .put("flags", 0).put("pending", false).put("permissions", str(EVERYONE_PERMISSIONS));
        member.putNull("nick");
        member.putNull("avatar");
        member.putNull("premium_since");
        member.putNull("communication_disabled_until");
        d.set("member", member);
        d.put("app_permissions", str(EVERYONE_PERMISSIONS));
        d.put("context", 0);
        d.set("authorizing_integration_owners", obj().put("1", str(userId)));
        d.set("data", obj().put("custom_id", customId).put("component_type", 2));
        ObjectNode message = obj();
        message.put("id", str(messageId)).put("channel_id", str(channelId)).put("type", 0).put("content", "")
                .put("timestamp", iso(Instant.now())).put("tts", false).put("mention_everyone", false)
                .put("pinned", false).put("flags", 0);
        message.putNull("edited_timestamp");
        message.set("author", userJson(users.get(BOT_ID)));
        message.set("mentions", arr());
        message.set("mention_roles", arr());
        message.set("attachments", arr());
        message.set("embeds", arr());
        ArrayNode comps = arr();
        comps.add(obj().put("type", 1).put("id", 1).set("components",
                arr().add(obj().put("type", 2).put("id", 2).put("style", 1).put("label", customId)
                        .put("custom_id", customId))));
        message.set("components", comps);
        d.set("message", message);
        dispatch("INTERACTION_CREATE", d, 0L, it);
        return str(id);
    }

    /** Any dispatch, as is (escape hatch for events this fake has no helper for). */
    public synchronized void dispatchRaw(String type, JsonNode data) {
        dispatch(type, (ObjectNode) data.deepCopy(), 0L, null);
    }

    /** A user joins a thread (e.g. through a mention); no event is dispatched. */
    public synchronized void joinThread(long threadId, long userId) {
        channel(threadId).threadMembers.add(userId);
        notifyAll();
    }

    /**
     * A user edits their message: Discord stores the new content with an edited_timestamp and dispatches
     * MESSAGE_UPDATE (the whole message, as Discord does for content edits).
     */
    public synchronized void userEdit(long messageId, String content) {
        ObjectNode m = messages.get(messageId);
        if (m == null || m.path("author").path("id").asLong() == BOT_ID) {
            throw new IllegalArgumentException("no user message " + messageId);
        }
        m.put("content", content);
        m.put("edited_timestamp", iso(Instant.now()));
        dispatchMessage("MESSAGE_UPDATE", m, channel(m.path("channel_id").asLong()));
        notifyAll();
    }

    /** A user deletes their message: MESSAGE_DELETE carries only ids, as on Discord. */
    public synchronized void userDelete(long messageId) {
        ObjectNode m = messages.remove(messageId);
        if (m == null || m.path("author").path("id").asLong() == BOT_ID) {
            throw new IllegalArgumentException("no user message " + messageId);
        }
        Chan ch = channel(m.path("channel_id").asLong());
        ObjectNode d = obj().put("id", str(messageId)).put("channel_id", str(ch.id));
        if (ch.guildId != 0) {
            d.put("guild_id", str(ch.guildId));
        }
        dispatchMessage("MESSAGE_DELETE", d, ch);
        notifyAll();
    }

    /** What a message reads now (after edits), or null once deleted. */
    public synchronized String contentOf(long messageId) {
        ObjectNode m = messages.get(messageId);
        return m == null ? null : m.path("content").asText("");
    }

    private int activeThreadLimit = 1000;

    /**
     * Discord allows 1,000 active threads per server; past that, making one fails with 400 and code 160006
     * ("Maximum number of active threads reached") until some are archived. Lower it to test that edge cheaply.
     */
    public synchronized FakeDiscord activeThreadLimit(int limit) {
        this.activeThreadLimit = limit;
        return this;
    }

    /** Active (not archived, not deleted) threads in a server: what the limit counts. */
    public synchronized int activeThreads(long guildId) {
        return (int) channels.values().stream().filter(c -> c.guildId == guildId && c.thread() && !c.deleted && !c.archived)
                .count();
    }

    /** A thread someone else opened in a channel (another bot, a moderator): it counts towards the limit. */
    public synchronized long foreignThread(long parentId, String name) {
        Chan parent = channel(parentId);
        if (activeThreads(parent.guildId) >= activeThreadLimit) {
            throw new IllegalStateException("the server is at its active thread limit");
        }
        Chan t = new Chan(nextId(), TYPE_PUBLIC_THREAD, parent.guildId);
        t.name = name;
        t.parentId = parent.id;
        t.ownerId = OWNER_ID;
        t.createdAt = iso(Instant.now());
        channels.put(t.id, t);
        ObjectNode event = channelJson(t);
        event.put("newly_created", true);
        dispatch("THREAD_CREATE", event, INTENT_GUILDS);
        return t.id;
    }

    public synchronized boolean archived(long threadId) {
        return channel(threadId).archived;
    }

    public synchronized boolean invitable(long threadId) {
        return channel(threadId).invitable;
    }

    public synchronized boolean privateThread(long threadId) {
        return channel(threadId).type == TYPE_PRIVATE_THREAD;
    }

    // ------------------------------------------------------------------------------------------ gateway control

    /** Closes the bot's socket with this code (4000 = unknown error, JDA tries to RESUME). */
    public void dropConnection(int code) {
        Session s;
        synchronized (this) {
            s = current;
        }
        if (s != null) {
            gatewayOut.execute(() -> s.ctx.closeSession(code, "fake drop"));
        }
    }

    /** Sends op 7 RECONNECT. */
    public synchronized void requestReconnect() {
        if (current != null) {
            sendFrame(current, obj().put("op", 7).putNull("d"));
        }
    }

    // ------------------------------------------------------------------------------------------ what happened

    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    public synchronized List<Sent> sentTo(long channelId) {
        return sent.stream().filter(s -> s.channelId() == channelId).toList();
    }

    public synchronized List<Edit> edits() {
        return List.copyOf(edits);
    }

    /** {channelId, messageId} of every message the bot deleted. */
    public synchronized List<long[]> deletedMessages() {
        return List.copyOf(deletedMessages);
    }

    public synchronized List<Callback> callbacks() {
        return List.copyOf(callbacks);
    }

    /** Bodies of the callbacks that were accepted. */
    public synchronized List<JsonNode> interactionCallbacks() {
        return callbacks.stream().filter(c -> !c.refused()).map(Callback::body).toList();
    }

    /** Ids of interactions whose callback came after the deadline. */
    public synchronized List<String> lateCallbacks() {
        return callbacks.stream().filter(Callback::late).map(Callback::interactionId).toList();
    }

    /** Thread channels JDA created, as the fake answered them. */
    public synchronized List<JsonNode> threadsCreated() {
        return List.copyOf(threadsCreated);
    }

    /** {threadId, userId} of PUT channels/{thread}/thread-members/{user}. */
    public synchronized List<long[]> threadMembersAdded() {
        return List.copyOf(threadMembersAdded);
    }

    /** Bodies of PATCH channels/{id} (archive, lock, rename...), each with "channel_id" added. */
    public synchronized List<JsonNode> channelEdits() {
        return List.copyOf(channelEdits);
    }

    /** The commands registered now (after the last bulk overwrites), guild ones carrying guild_id. */
    public synchronized List<JsonNode> commandsRegistered() {
        List<JsonNode> out = new ArrayList<>();
        commands.values().forEach(a -> a.forEach(out::add));
        return out;
    }

    /** How many bulk overwrites (PUT .../commands) JDA made. */
    public synchronized int commandOverwrites() {
        return commandOverwrites;
    }

    /** "channelId/messageId/emoji add|remove". */
    public synchronized List<String> reactions() {
        return List.copyOf(reactions);
    }

    public synchronized int typingCount() {
        return typing;
    }

    public synchronized List<RestCall> restCalls() {
        return List.copyOf(restCalls);
    }

    /** "METHOD path" of every request the fake had no route for. */
    public synchronized List<String> unknownRoutes() {
        return List.copyOf(unknownRoutes);
    }

    /** "METHOD path" of every request answered with a planned 429. */
    public synchronized List<String> rateLimited() {
        return List.copyOf(rateLimited);
    }

    /** Every frame JDA sent on the gateway (the IDENTIFY token included). */
    public synchronized List<JsonNode> gatewayReceived() {
        return List.copyOf(gatewayReceived);
    }

    /** The dispatch types the fake sent ("READY", "GUILD_CREATE", ...), in order. */
    public synchronized List<String> gatewaySent() {
        return List.copyOf(gatewaySent);
    }

    /** Dispatches held back because JDA didn't identify with the needed intent ("MESSAGE_CREATE needs 512"). */
    public synchronized List<String> dropped() {
        return List.copyOf(dropped);
    }

    public synchronized List<Integer> gatewayCloseCodes() {
        return List.copyOf(gatewayCloseCodes);
    }

    /** The tokens JDA identified with on the gateway ("Bot " stripped). */
    public synchronized List<String> identifyTokens() {
        return List.copyOf(tokensSeen);
    }

    public synchronized int identifyCount() {
        return identifies;
    }

    /** The intents of the last IDENTIFY. */
    public synchronized long identifiedIntents() {
        return current == null ? 0 : current.intents;
    }

    /** The current JSON of a message (as the fake stores it), if any. */
    public synchronized Optional<JsonNode> message(long messageId) {
        return Optional.ofNullable(messages.get(messageId)).map(ObjectNode::deepCopy);
    }

    /** The current JSON of a channel or thread. */
    public synchronized Optional<JsonNode> channelJson(long channelId) {
        Chan c = channels.get(channelId);
        return c == null || c.deleted ? Optional.empty() : Optional.of(channelJson(c));
    }

    public synchronized boolean isConnected() {
        return current != null && current.ready && !current.closed;
    }

    /** Waits until a message the bot created matches (the first one that does, in the order they were made). */
    public Sent awaitSent(Predicate<Sent> match, Duration timeout) {
        Sent[] found = new Sent[1];
        awaitCondition(() -> {
            found[0] = sent().stream().filter(match).findFirst().orElse(null);
            return found[0] != null;
        }, timeout, "a matching message");
        return found[0];
    }

    /** Waits for the (first) callback of an interaction, accepted or refused. */
    public Callback awaitCallback(String interactionId, Duration timeout) {
        Callback[] found = new Callback[1];
        awaitCondition(() -> {
            found[0] = callbacks().stream().filter(c -> c.interactionId().equals(interactionId)).findFirst()
                    .orElse(null);
            return found[0] != null;
        }, timeout, "a callback for interaction " + interactionId);
        return found[0];
    }

    /**
     * Waits until the condition holds. It is evaluated outside the fake's lock (so it may safely look at the bot's
     * own state), again after every change in the fake and at least every 50 ms.
     */
    public void awaitCondition(BooleanSupplier condition, Duration timeout, String what) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; sent: "
                        + sent().stream().map(s -> s.channelId() + ":" + s.content()).toList() + "; REST: "
                        + restCalls() + "; unknown routes: " + unknownRoutes());
            }
            synchronized (this) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @Override
    public void close() {
        List<Session> open;
        synchronized (this) {
            open = new ArrayList<>(sessions);
            current = null;
        }
        for (Session s : open) {
            s.closed = true;
        }
        gatewayOut.shutdownNow();
        app.stop();
    }

    // ------------------------------------------------------------------------------------------ gateway

    private void onWsConnect(WsConnectContext ctx) {
        Session s = new Session(ctx);
        synchronized (this) {
            sessions.add(s);
            sendFrame(s, obj().put("op", 10).putNull("s").putNull("t")
                    .set("d", obj().put("heartbeat_interval", heartbeatIntervalMillis)));
        }
    }

    private void onWsClose(WsCloseContext ctx) {
        synchronized (this) {
            for (Session s : sessions) {
                if (s.ctx.sessionId().equals(ctx.sessionId())) {
                    s.closed = true;
                    if (current == s) {
                        current = null;
                    }
                }
            }
            gatewayCloseCodes.add(ctx.status());
            notifyAll();
        }
    }

    private void onWsMessage(WsMessageContext ctx) {
        JsonNode frame;
        try {
            frame = mapper.readTree(ctx.message());
        } catch (JsonProcessingException e) {
            ctx.closeSession(4002, "Error while decoding payload.");
            return;
        }
        synchronized (this) {
            Session s = sessions.stream().filter(x -> x.ctx.sessionId().equals(ctx.sessionId())).findFirst()
                    .orElse(null);
            gatewayReceived.add(frame);
            notifyAll();
            if (s == null) {
                return;
            }
            int op = frame.path("op").asInt(-1);
            switch (op) {
                case 1 -> {
                    if (ackHeartbeats) {
                        sendFrame(s, obj().put("op", 11));
                    }
                }
                case 2 -> identify(s, frame.path("d"));
                case 3, 4 -> { } // presence / voice state: recorded only
                case 6 -> sendFrame(s, obj().put("op", 9).put("d", false).putNull("s").putNull("t"));
                case 8 -> requestMembers(s, frame.path("d"));
                default -> gatewayOut.execute(() -> s.ctx.closeSession(4001, "Unknown opcode."));
            }
        }
    }

    private void identify(Session s, JsonNode d) {
        String token = d.path("token").asText("");
        if (token.startsWith("Bot ")) {
            token = token.substring(4);
        }
        tokensSeen.add(token);
        if (s.sessionId != null) {
            gatewayOut.execute(() -> s.ctx.closeSession(4005, "Already authenticated."));
            return;
        }
        if (requiredToken != null && !requiredToken.equals(token)) {
            gatewayOut.execute(() -> s.ctx.closeSession(4004, "Authentication failed."));
            return;
        }
        long intents = d.path("intents").asLong(0);
        if (((intents & INTENT_MEMBERS) != 0 && !portalMembers)
                || ((intents & INTENT_PRESENCES) != 0 && !portalPresences)
                || ((intents & INTENT_CONTENT) != 0 && !portalContent)) {
            gatewayOut.execute(() -> s.ctx.closeSession(4014, "Disallowed intent(s)."));
            return;
        }
        identifies++;
        s.intents = intents;
        s.sessionId = randomHex(16);
        if (current != null && current != s) {
            current.ready = false;
        }
        current = s;
        ObjectNode ready = obj().put("v", 10);
        ready.set("user", selfUserJson());
        ArrayNode gs = ready.putArray("guilds");
        for (Guild g : guilds.values()) {
            gs.add(obj().put("id", str(g.id)).put("unavailable", true));
        }
        ready.set("private_channels", arr());
        ready.set("relationships", arr());
        ready.set("presences", arr());
        ready.set("guild_join_requests", arr());
        ready.set("geo_ordered_rtc_regions", arr().add("fake"));
        ready.set("user_settings", obj());
        ready.put("session_id", s.sessionId);
        ready.put("session_type", "normal");
        ready.put("resume_gateway_url", gatewayUrl());
        ready.set("application", obj().put("id", str(APPLICATION_ID)).put("flags", 0));
        ready.set("shard", arr().add(0).add(1));
        ready.set("_trace", arr().add("[\"fake-discord\"]"));
        sendDispatch(s, "READY", ready, 0L, null);
        for (Guild g : guilds.values()) {
            sendDispatch(s, "GUILD_CREATE", guildCreate(g), 0L, null);
        }
        s.ready = true;
        while (!pending.isEmpty()) {
            PendingDispatch p = pending.poll();
            sendDispatch(s, p.type(), p.data(), p.intent(), p.interaction());
        }
        notifyAll();
    }

    private void requestMembers(Session s, JsonNode d) {
        List<Long> guildIds = new ArrayList<>();
        if (d.path("guild_id").isArray()) {
            d.path("guild_id").forEach(n -> guildIds.add(n.asLong()));
        } else {
            guildIds.add(d.path("guild_id").asLong());
        }
        Set<Long> wanted = new LinkedHashSet<>();
        d.path("user_ids").forEach(n -> wanted.add(n.asLong()));
        if (d.path("user_ids").isValueNode() && !d.path("user_ids").isNull()) {
            wanted.add(d.path("user_ids").asLong());
        }
        String query = d.path("query").asText("").toLowerCase(Locale.ROOT);
        int limit = d.path("limit").asInt(0);
        for (long gid : guildIds) {
            Guild g = guilds.get(gid);
            if (g == null) {
                continue;
            }
            ArrayNode members = arr();
            ArrayNode notFound = arr();
            for (Member m : g.members.values()) {
                User u = users.get(m.userId);
                boolean match = wanted.isEmpty() ? u.name.toLowerCase(Locale.ROOT).startsWith(query)
                        : wanted.contains(m.userId);
                if (match && (limit == 0 || members.size() < limit)) {
                    members.add(memberJson(g, m, true));
                }
            }
            for (long w : wanted) {
                if (!g.members.containsKey(w)) {
                    notFound.add(str(w));
                }
            }
            ObjectNode chunk = obj().put("guild_id", str(gid)).put("chunk_index", 0).put("chunk_count", 1);
            chunk.set("members", members);
            if (!wanted.isEmpty()) {
                chunk.set("not_found", notFound);
            }
            if (d.hasNonNull("nonce")) {
                chunk.put("nonce", d.get("nonce").asText());
            }
            sendDispatch(s, "GUILD_MEMBERS_CHUNK", chunk, 0L, null);
        }
    }

    private boolean ready() {
        return current != null && current.ready;
    }

    /** MESSAGE_* events go out with the DM or guild message intent, and never for guilds the bot isn't in. */
    private void dispatchMessage(String type, ObjectNode data, Chan ch) {
        if (ch.guildId != 0 && !guilds.containsKey(ch.guildId)) {
            return;
        }
        dispatch(type, data, ch.type == TYPE_DM ? INTENT_DIRECT_MESSAGES : INTENT_GUILD_MESSAGES);
    }

    private void dispatch(String type, ObjectNode data, long intent) {
        dispatch(type, data, intent, null);
    }

    private void dispatch(String type, ObjectNode data, long intent, Interaction interaction) {
        if (current == null || !current.ready || current.closed) {
            pending.add(new PendingDispatch(type, data.deepCopy(), intent, interaction));
            return;
        }
        sendDispatch(current, type, data.deepCopy(), intent, interaction);
    }

    private void sendDispatch(Session s, String type, ObjectNode data, long intent, Interaction interaction) {
        if (intent != 0 && (s.intents & intent) == 0) {
            dropped.add(type + " needs intent " + intent);
            notifyAll();
            return;
        }
        if ((type.equals("MESSAGE_CREATE") || type.equals("MESSAGE_UPDATE")) && (s.intents & INTENT_CONTENT) == 0) {
            data = withoutContent(data);
        }
        ObjectNode frame = obj().put("op", 0).put("s", ++s.seq).put("t", type);
        frame.set("d", data);
        gatewaySent.add(type);
        String text = write(frame);
        gatewayOut.execute(() -> {
            if (interaction != null) {
                interaction.dispatchedAtNanos = System.nanoTime();
            }
            sendText(s, text);
        });
    }

    /** Without MESSAGE_CONTENT, guild messages from others that don't mention the bot come without content. */
    private ObjectNode withoutContent(ObjectNode m) {
        if (!m.hasNonNull("guild_id") || m.path("author").path("id").asLong() == BOT_ID) {
            return m;
        }
        for (JsonNode mention : m.path("mentions")) {
            if (mention.path("id").asLong() == BOT_ID) {
                return m;
            }
        }
        ObjectNode copy = m.deepCopy();
        copy.put("content", "");
        copy.set("embeds", arr());
        copy.set("attachments", arr());
        copy.set("components", arr());
        copy.remove("poll");
        return copy;
    }

    private void sendFrame(Session s, ObjectNode frame) {
        String text = write(frame);
        gatewayOut.execute(() -> sendText(s, text));
    }

    private void sendText(Session s, String text) {
        if (s.closed) {
            return;
        }
        synchronized (s.sendLock) {
            try {
                org.eclipse.jetty.websocket.api.Callback.Completable done =
                        new org.eclipse.jetty.websocket.api.Callback.Completable();
                s.ctx.session.sendText(text, done);
                done.get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debug("fake gateway could not send", e);
            }
        }
    }

    // ------------------------------------------------------------------------------------------ REST

    private void handleAttachment(Context ctx) {
        Upload f;
        synchronized (this) {
            f = attachmentFiles.get(ctx.pathParam("path"));
        }
        if (f == null) {
            ctx.status(404).contentType("application/json").result("{\"message\":\"404: Not Found\",\"code\":0}");
            return;
        }
        ctx.contentType(f.contentType() == null ? "application/octet-stream" : f.contentType()).result(f.bytes());
    }

    private void handleRest(Context ctx) {
        String method = ctx.method().name();
        String path = ctx.pathParam("path");
        String query = ctx.queryString();
        byte[] raw = ctx.bodyAsBytes();
        String contentType = ctx.contentType() == null ? "" : ctx.contentType();
        JsonNode json = null;
        List<Upload> files = new ArrayList<>();
        Resp resp;
        try {
            if (contentType.startsWith("multipart/form-data")) {
                json = parseMultipart(raw, contentType, files);
            } else if (raw.length > 0) {
                json = mapper.readTree(raw);
            }
        } catch (Exception e) {
            json = null;
        }
        Req req = new Req(method, path, query, json, files, ctx.header("Authorization"));
        Hold hold = takeHold(method, path);
        if (hold != null) {
            hold.reachedLatch().countDown();
            try {
                hold.releaseLatch().await(hold.upTo().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            try {
                resp = route(req);
            } catch (DiscordError e) {
                resp = new Resp(e.status, obj().put("message", e.getMessage()).put("code", e.code), Map.of());
            } catch (RuntimeException e) {
                LOG.warn("fake discord failed on {} {}", method, path, e);
                resp = new Resp(500, obj().put("message", "500: Internal Server Error").put("code", 0), Map.of());
            }
            restCalls.add(new RestCall(method, path, query, json, resp.status()));
            notifyAll();
        }
        double resetAfter = 1.0;
        ctx.header("X-RateLimit-Limit", "5");
        ctx.header("X-RateLimit-Remaining", resp.status() == 429 ? "0" : "4");
        if (resp.headers().containsKey("X-RateLimit-Reset-After")) {
            resetAfter = Double.parseDouble(resp.headers().get("X-RateLimit-Reset-After"));
        }
        ctx.header("X-RateLimit-Reset-After", String.format(Locale.ROOT, "%.3f", resetAfter));
        ctx.header("X-RateLimit-Reset",
                String.format(Locale.ROOT, "%.3f", System.currentTimeMillis() / 1000.0 + resetAfter));
        ctx.header("X-RateLimit-Bucket", bucket(method, path));
        resp.headers().forEach(ctx::header);
        ctx.status(resp.status());
        if (resp.body() != null) {
            ctx.contentType("application/json").result(write(resp.body()));
        }
    }

    private synchronized Hold takeHold(String method, String path) {
        for (Iterator<Hold> it = holds.iterator(); it.hasNext(); ) {
            Hold h = it.next();
            if (h.method().equals(method) && h.path().matcher(path).matches()) {
                it.remove();
                return h;
            }
        }
        return null;
    }

    /** GET channels/{id}/messages: newest first, {@code after}/{@code limit} as Discord takes them. */
    private ArrayNode history(Chan c, String query) {
        long after = 0;
        int limit = 50;
        for (String kv : query == null ? new String[0] : query.split("&")) {
            String[] p = kv.split("=", 2);
            if (p.length == 2 && p[0].equals("after")) {
                after = Long.parseLong(p[1]);
            } else if (p.length == 2 && p[0].equals("limit")) {
                limit = Math.max(1, Math.min(100, Integer.parseInt(p[1])));
            }
        }
        long from = after;
        var mine = messages.values().stream().filter(m -> m.path("channel_id").asLong() == c.id
                && m.path("id").asLong() > from).sorted(Comparator.comparingLong((ObjectNode m) -> m.path("id").asLong()))
                .limit(limit).toList();
        ArrayNode out = arr();
        for (int i = mine.size() - 1; i >= 0; i--) {
            out.add(mine.get(i).deepCopy());
        }
        return out;
    }

    private static String bucket(String method, String path) {
        String major = path.replaceAll("^(channels|guilds|webhooks|interactions)/(\\d+)(/[^/]+)?.*$", "$1/$2$3");
        String template = path.replaceAll("\\d{5,}", "{id}");
        return Integer.toHexString((method + " " + template + " " + major).hashCode());
    }

    private Resp route(Req req) {
        String m = req.method();
        String p = req.path();
        boolean interactionRoute = p.startsWith("interactions/") || p.startsWith("webhooks/");
        String auth = req.authorization() == null ? "" : req.authorization();
        if (!interactionRoute) {
            String token = auth.startsWith("Bot ") ? auth.substring(4) : auth;
            if (requiredToken != null && !requiredToken.equals(token)) {
                return new Resp(401, obj().put("message", "401: Unauthorized").put("code", 0), Map.of());
            }
        }
        for (Iterator<Planned> it = planned.iterator(); it.hasNext(); ) {
            Planned pl = it.next();
            if (pl.method().equals(m) && pl.path().matcher(p).matches()) {
                it.remove();
                if (pl.status() == 429) {
                    rateLimited.add(m + " " + p);
                    long header = (long) Math.ceil(pl.retryAfter());
                    return new Resp(429, pl.body(), Map.of("Retry-After", Long.toString(header),
                            "X-RateLimit-Reset-After", String.format(Locale.ROOT, "%.3f", pl.retryAfter()),
                            "X-RateLimit-Scope", "user", "Via", "1.1 google"));
                }
                return new Resp(pl.status(), pl.body(), Map.of());
            }
        }
        Matcher x;
        if (m.equals("GET") && p.equals("users/@me")) {
            return Resp.ok(selfUserJson());
        }
        if (m.equals("GET") && (p.equals("gateway") || p.equals("gateway/bot"))) {
            ObjectNode g = obj().put("url", gatewayUrl()).put("shards", 1);
            g.set("session_start_limit", obj().put("total", 1000).put("remaining", 999).put("reset_after", 0)
                    .put("max_concurrency", 1));
            return Resp.ok(g);
        }
        if (m.equals("GET") && (p.equals("oauth2/applications/@me") || p.equals("applications/@me"))) {
            return Resp.ok(applicationJson());
        }
        if ((x = match("applications/(\\d+)/commands", p)) != null) {
            checkApp(x.group(1));
            return commandsRoute(m, "global", req.json(), 0);
        }
        if ((x = match("applications/(\\d+)/guilds/(\\d+)/commands", p)) != null) {
            checkApp(x.group(1));
            long gid = Long.parseLong(x.group(2));
            guildOr404(gid);
            return commandsRoute(m, x.group(2), req.json(), gid);
        }
        if (m.equals("POST") && p.equals("users/@me/channels")) {
            long userId = req.json().path("recipient_id").asLong();
            if (!users.containsKey(userId)) {
                throw new DiscordError(400, 50033, "Invalid Recipient(s)");
            }
            return Resp.ok(channelJson(channels.get(dmChannelId(userId))));
        }
        if (m.equals("GET") && (x = match("users/(\\d+)", p)) != null) {
            User u = users.get(Long.parseLong(x.group(1)));
            if (u == null) {
                throw new DiscordError(404, 10013, "Unknown User");
            }
            return Resp.ok(userJson(u));
        }
        if ((x = match("channels/(\\d+)", p)) != null) {
            return channelRoute(m, channelOr404(Long.parseLong(x.group(1))), req.json());
        }
        if ((x = match("channels/(\\d+)/messages", p)) != null && m.equals("GET")) {
            return Resp.ok(history(channelOr404(Long.parseLong(x.group(1))), req.query()));
        }
        if ((x = match("channels/(\\d+)/messages", p)) != null && m.equals("POST")) {
            return Resp.ok(createChannelMessage(channelOr404(Long.parseLong(x.group(1))), req));
        }
        if ((x = match("channels/(\\d+)/messages/(\\d+)", p)) != null) {
            return messageRoute(m, channelOr404(Long.parseLong(x.group(1))), Long.parseLong(x.group(2)), req);
        }
        if (m.equals("POST") && (x = match("channels/(\\d+)/typing", p)) != null) {
            channelOr404(Long.parseLong(x.group(1)));
            typing++;
            return Resp.noContent();
        }
        if ((x = match("channels/(\\d+)/messages/(\\d+)/reactions/([^/]+)/@me", p)) != null
                && (m.equals("PUT") || m.equals("DELETE"))) {
            channelOr404(Long.parseLong(x.group(1)));
            messageOr404(Long.parseLong(x.group(2)));
            reactions.add(x.group(1) + "/" + x.group(2) + "/"
                    + java.net.URLDecoder.decode(x.group(3), StandardCharsets.UTF_8)
                    + (m.equals("PUT") ? " add" : " remove"));
            return Resp.noContent();
        }
        if (m.equals("GET") && (x = match("channels/(\\d+)/threads/archived/(public|private)", p)) != null) {
            return Resp.ok(archivedThreads(channelOr404(Long.parseLong(x.group(1))), x.group(2).equals("private"), req.query()));
        }
        if (m.equals("POST") && (x = match("channels/(\\d+)/threads", p)) != null) {
            return Resp.ok(createThread(channelOr404(Long.parseLong(x.group(1))), 0L, req.json()));
        }
        if (m.equals("POST") && (x = match("channels/(\\d+)/messages/(\\d+)/threads", p)) != null) {
            Chan parent = channelOr404(Long.parseLong(x.group(1)));
            long messageId = Long.parseLong(x.group(2));
            messageOr404(messageId);
            return Resp.ok(createThread(parent, messageId, req.json()));
        }
        if ((x = match("channels/(\\d+)/thread-members/(\\d+|@me)", p)) != null
                && (m.equals("PUT") || m.equals("DELETE"))) {
            Chan t = channelOr404(Long.parseLong(x.group(1)));
            if (!t.thread()) {
                throw new DiscordError(400, 50024, "Cannot execute action on this channel type");
            }
            long userId = x.group(2).equals("@me") ? BOT_ID : Long.parseLong(x.group(2));
            if (m.equals("PUT")) {
                if (!users.containsKey(userId)) {
                    throw new DiscordError(404, 10013, "Unknown User");
                }
                t.threadMembers.add(userId);
                threadMembersAdded.add(new long[] {t.id, userId});
            } else {
                t.threadMembers.remove(userId);
            }
            return Resp.noContent();
        }
        if (m.equals("POST") && (x = match("interactions/(\\d+)/([^/]+)/callback", p)) != null) {
            return interactionCallback(Long.parseLong(x.group(1)), x.group(2), req);
        }
        if ((x = match("webhooks/(\\d+)/([^/]+)/messages/(@original|\\d+)", p)) != null) {
            checkWebhook(x.group(1));
            return webhookMessageRoute(m, interactionByToken(x.group(2)), x.group(3), req);
        }
        if (m.equals("POST") && (x = match("webhooks/(\\d+)/([^/]+)", p)) != null) {
            checkWebhook(x.group(1));
            return Resp.ok(followUp(interactionByToken(x.group(2)), req));
        }
        if (m.equals("GET") && (x = match("guilds/(\\d+)/members/(\\d+)", p)) != null) {
            Guild g = guildOr404(Long.parseLong(x.group(1)));
            Member mem = g.members.get(Long.parseLong(x.group(2)));
            if (mem == null) {
                throw new DiscordError(404, 10007, "Unknown Member");
            }
            return Resp.ok(memberJson(g, mem, true));
        }
        if (m.equals("GET") && (x = match("guilds/(\\d+)", p)) != null) {
            ObjectNode g = guildCreate(guildOr404(Long.parseLong(x.group(1))));
            for (String k : List.of("members", "channels", "threads", "voice_states", "presences", "joined_at",
                    "member_count", "large", "unavailable")) {
                g.remove(k);
            }
            return Resp.ok(g);
        }
        if (m.equals("GET") && (x = match("guilds/(\\d+)/channels", p)) != null) {
            return Resp.ok(guildCreate(guildOr404(Long.parseLong(x.group(1)))).get("channels"));
        }
        if (m.equals("GET") && (x = match("guilds/(\\d+)/roles", p)) != null) {
            return Resp.ok(guildCreate(guildOr404(Long.parseLong(x.group(1)))).get("roles"));
        }
        unknownRoutes.add(m + " " + p);
        return new Resp(404, obj().put("message", "404: Not Found").put("code", 0), Map.of());
    }

    private static Matcher match(String regex, String path) {
        Matcher x = Pattern.compile(regex).matcher(path);
        return x.matches() ? x : null;
    }

    private void checkApp(String id) {
        if (Long.parseLong(id) != APPLICATION_ID) {
            throw new DiscordError(403, 50001, "Missing Access");
        }
    }

    private void checkWebhook(String id) {
        if (Long.parseLong(id) != APPLICATION_ID) {
            throw new DiscordError(404, 10015, "Unknown Webhook");
        }
    }

    private Resp commandsRoute(String method, String scope, JsonNode body, long guildId) {
        ArrayNode current = commands.computeIfAbsent(scope, k -> arr());
        switch (method) {
            case "GET":
                return Resp.ok(current);
            case "PUT": {
                if (body == null || !body.isArray()) {
                    throw new DiscordError(400, 50035, "Invalid Form Body");
                }
                if (body.size() > 100) {
                    throw new DiscordError(400, 30032, "Maximum number of application commands reached (100)");
                }
                Map<String, JsonNode> before = new HashMap<>();
                current.forEach(c -> before.put(c.path("type").asInt(1) + ":" + c.path("name").asText(), c));
                ArrayNode next = arr();
                for (JsonNode c : body) {
                    JsonNode old = before.get(c.path("type").asInt(1) + ":" + c.path("name").asText());
                    next.add(commandJson((ObjectNode) c, old == null ? nextId() : old.path("id").asLong(), guildId));
                }
                commands.put(scope, next);
                commandOverwrites++;
                return Resp.ok(next);
            }
            case "POST": {
                ObjectNode c = commandJson((ObjectNode) body, nextId(), guildId);
                for (Iterator<JsonNode> it = current.iterator(); it.hasNext(); ) {
                    JsonNode old = it.next();
                    if (old.path("name").asText().equals(c.path("name").asText())
                            && old.path("type").asInt(1) == c.path("type").asInt(1)) {
                        c.put("id", old.path("id").asText());
                        it.remove();
                    }
                }
                current.add(c);
                return new Resp(201, c, Map.of());
            }
            default:
                unknownRoutes.add(method + " commands");
                return new Resp(405, obj().put("message", "405: Method Not Allowed").put("code", 0), Map.of());
        }
    }

    private ObjectNode commandJson(ObjectNode body, long id, long guildId) {
        ObjectNode c = body.deepCopy();
        c.put("id", str(id));
        c.put("application_id", str(APPLICATION_ID));
        c.put("version", str(nextId()));
        if (!c.has("type")) {
            c.put("type", 1);
        }
        if (!c.has("description")) {
            c.put("description", "");
        }
        if (!c.has("default_member_permissions")) {
            c.putNull("default_member_permissions");
        }
        if (!c.has("nsfw")) {
            c.put("nsfw", false);
        }
        if (guildId != 0) {
            c.put("guild_id", str(guildId));
        }
        return c;
    }

    private ObjectNode findCommand(String name, long guildId) {
        ArrayNode g = guildId == 0 ? null : commands.get(Long.toString(guildId));
        for (ArrayNode a : Arrays.asList(g, commands.get("global"))) {
            if (a == null) {
                continue;
            }
            for (JsonNode c : a) {
                if (c.path("name").asText().equals(name) && c.path("type").asInt(1) == 1) {
                    return (ObjectNode) c;
                }
            }
        }
        return null;
    }

    private Resp channelRoute(String method, Chan c, JsonNode body) {
        switch (method) {
            case "GET":
                return Resp.ok(channelJson(c));
            case "PATCH": {
                ObjectNode rec = body == null ? obj() : ((ObjectNode) body).deepCopy();
                rec.put("channel_id", str(c.id));
                channelEdits.add(rec);
                if (body != null) {
                    if (body.has("name")) {
                        c.name = body.get("name").asText();
                    }
                    if (body.has("archived")) {
                        if (c.archived && !body.get("archived").asBoolean() && activeThreads(c.guildId) >= activeThreadLimit) {
                            throw new DiscordError(400, 160006, "Maximum number of active threads reached");
                        }
                        if (c.archived != body.get("archived").asBoolean()) {
                            c.archivedAt = iso(Instant.now());
                        }
                        c.archived = body.get("archived").asBoolean();
                    }
                    if (body.has("locked")) {
                        c.locked = body.get("locked").asBoolean();
                    }
                    if (body.has("invitable")) {
                        c.invitable = body.get("invitable").asBoolean();
                    }
                    if (body.has("auto_archive_duration")) {
                        c.autoArchive = body.get("auto_archive_duration").asInt();
                    }
                    if (body.has("topic")) {
                        c.topic = body.get("topic").isNull() ? null : body.get("topic").asText();
                    }
                }
                ObjectNode json = channelJson(c);
                if (c.type != TYPE_DM) {
                    dispatch(c.thread() ? "THREAD_UPDATE" : "CHANNEL_UPDATE", json, INTENT_GUILDS);
                }
                return Resp.ok(json);
            }
            case "DELETE": {
                ObjectNode json = channelJson(c);
                c.deleted = true;
                if (c.type != TYPE_DM) {
                    if (c.thread()) {
                        ObjectNode d = obj().put("id", str(c.id)).put("guild_id", str(c.guildId))
                                .put("parent_id", str(c.parentId)).put("type", c.type);
                        dispatch("THREAD_DELETE", d, INTENT_GUILDS);
                    } else {
                        guild(c.guildId).channelIds.remove(c.id);
                        dispatch("CHANNEL_DELETE", json, INTENT_GUILDS);
                    }
                }
                return Resp.ok(json);
            }
            default:
                unknownRoutes.add(method + " channels/" + c.id);
                return new Resp(405, obj().put("message", "405: Method Not Allowed").put("code", 0), Map.of());
        }
    }

    private void checkBotCanPost(Chan c) {
        if (c.type == TYPE_DM) {
            if (dmBlocked.contains(c.recipientId)) {
                throw new DiscordError(403, 50007, "Cannot send messages to this user");
            }
            return;
        }
        long perms = channelPermissions(c, BOT_ID);
        if ((perms & VIEW) == 0) {
            throw new DiscordError(403, 50001, "Missing Access");
        }
        long needed = c.thread() ? SEND_IN_THREADS : SEND;
        if ((perms & needed) == 0) {
            throw new DiscordError(403, 50013, "Missing Permissions");
        }
        if (c.type == TYPE_PRIVATE_THREAD && !c.threadMembers.contains(BOT_ID) && (perms & MANAGE_THREADS) == 0) {
            throw new DiscordError(403, 50001, "Missing Access");
        }
        if (c.thread() && c.locked && (perms & MANAGE_THREADS) == 0) {
            throw new DiscordError(403, 50083, "Thread is archived");
        }
        if (c.thread() && c.archived) {
            if (activeThreads(c.guildId) >= activeThreadLimit) {
                throw new DiscordError(400, 160006, "Maximum number of active threads reached");
            }
            c.archived = false; // sending unarchives (Discord does the same for unlocked threads)
        }
    }

    private ObjectNode createChannelMessage(Chan c, Req req) {
        checkBotCanPost(c);
        ObjectNode body = bodyObject(req);
        validateMessage(body, req.files(), true);
        long id = nextId();
        ObjectNode m = botMessage(id, c, body, req.files(), 0);
        JsonNode ref = body.path("message_reference");
        if (ref.hasNonNull("message_id")) {
            ObjectNode referenced = messages.get(ref.get("message_id").asLong());
            if (referenced == null && ref.path("fail_if_not_exists").asBoolean(true)) {
                throw new DiscordError(400, 50035, "Invalid Form Body: Unknown message");
            }
            m.put("type", 19);
            ObjectNode mr = obj().put("type", 0).put("message_id", ref.get("message_id").asText())
                    .put("channel_id", str(c.id));
            if (c.guildId != 0) {
                mr.put("guild_id", str(c.guildId));
            }
            m.set("message_reference", mr);
            if (referenced != null) {
                m.set("referenced_message", referenced.deepCopy());
            }
        }
        store(m, c);
        if (c.thread()) {
            c.messageCount++;
        }
        sent.add(new Sent(c.id, id, m.path("content").asText(""), body, Source.CHANNEL, List.copyOf(req.files()),
                ephemeral(m)));
        if (echoBotMessages) {
            dispatchMessage("MESSAGE_CREATE", m, c);
        }
        return m;
    }

    private ObjectNode bodyObject(Req req) {
        if (req.json() == null || !req.json().isObject()) {
            if (!req.files().isEmpty()) {
                return obj();
            }
            throw new DiscordError(400, 50109, "The request body contains invalid JSON.");
        }
        return (ObjectNode) req.json();
    }

    private void validateMessage(JsonNode body, List<Upload> files, boolean create) {
        String content = body.path("content").asText("");
        if (content.codePointCount(0, content.length()) > 2000) {
            throw new DiscordError(400, 50035, "Invalid Form Body: content: Must be 2000 or fewer in length.");
        }
        if (body.path("embeds").size() > 10) {
            throw new DiscordError(400, 50035, "Invalid Form Body: embeds: Must be 10 or fewer in length.");
        }
        if (body.path("components").size() > 5 && (body.path("flags").asInt(0) & (1 << 15)) == 0) {
            throw new DiscordError(400, 50035, "Invalid Form Body: components: Must be 5 or fewer in length.");
        }
        boolean empty = content.isEmpty() && body.path("embeds").isEmpty() && body.path("components").isEmpty()
                && files.isEmpty() && body.path("sticker_ids").isEmpty() && !body.has("poll");
        if (create && empty) {
            throw new DiscordError(400, 50006, "Cannot send an empty message");
        }
    }

    private Resp messageRoute(String method, Chan c, long messageId, Req req) {
        ObjectNode m = messageOr404(messageId);
        if (m.path("channel_id").asLong() != c.id) {
            throw new DiscordError(404, 10008, "Unknown Message");
        }
        switch (method) {
            case "GET":
                return Resp.ok(m.deepCopy());
            case "PATCH": {
                if (c.thread() && c.archived) {
                    throw new DiscordError(400, 50083, "Thread is archived");
                }
                if (m.path("author").path("id").asLong() != BOT_ID) {
                    throw new DiscordError(403, 50005, "Cannot edit a message authored by another user");
                }
                ObjectNode body = bodyObject(req);
                validateMessage(body, req.files(), false);
                applyEdit(m, body, req.files());
                edits.add(new Edit(c.id, messageId, body, "channel"));
                dispatchMessage("MESSAGE_UPDATE", m, c);
                return Resp.ok(m.deepCopy());
            }
            case "DELETE": {
                boolean own = m.path("author").path("id").asLong() == BOT_ID;
                if (!own && c.type != TYPE_DM
                        && (channelPermissions(c, BOT_ID) & Permission.MESSAGE_MANAGE.getRawValue()) == 0) {
                    throw new DiscordError(403, 50013, "Missing Permissions");
                }
                messages.remove(messageId);
                deletedMessages.add(new long[] {c.id, messageId});
                ObjectNode d = obj().put("id", str(messageId)).put("channel_id", str(c.id));
                if (c.guildId != 0) {
                    d.put("guild_id", str(c.guildId));
                }
                dispatchMessage("MESSAGE_DELETE", d, c);
                return Resp.noContent();
            }
            default:
                unknownRoutes.add(method + " channels/" + c.id + "/messages/" + messageId);
                return new Resp(405, obj().put("message", "405: Method Not Allowed").put("code", 0), Map.of());
        }
    }

    private void applyEdit(ObjectNode m, JsonNode body, List<Upload> files) {
        if (body.has("content")) {
            m.set("content", body.get("content"));
        }
        if (body.has("flags")) {
            // an edit can't make a message (non-)ephemeral or (not) loading
            int keep = m.path("flags").asInt(0) & (FLAG_EPHEMERAL | FLAG_LOADING);
            m.put("flags", (body.get("flags").asInt(0) & ~(FLAG_EPHEMERAL | FLAG_LOADING)) | keep);
        }
        if (body.has("embeds")) {
            m.set("embeds", embeds(body.get("embeds")));
        }
        if (body.has("components")) {
            m.set("components", components(body.get("components")));
        }
        if (body.has("attachments") || !files.isEmpty()) {
            ArrayNode kept = arr();
            Set<String> keep = new LinkedHashSet<>();
            body.path("attachments").forEach(a -> keep.add(a.path("id").asText()));
            m.path("attachments").forEach(a -> {
                if (keep.contains(a.path("id").asText())) {
                    kept.add(a);
                }
            });
            kept.addAll(uploadedAttachments(m.path("channel_id").asLong(), files, body));
            m.set("attachments", kept);
        }
        m.put("edited_timestamp", iso(Instant.now()));
    }

    /**
     * GET channels/{id}/threads/archived/public|private: archived threads of a channel, newest first, in one page.
     * Private ones need Manage Threads, as on Discord.
     */
    private static Instant archivedAt(Chan c) {
        return java.time.OffsetDateTime.parse(c.archivedAt != null ? c.archivedAt : c.createdAt).toInstant();
    }

    private ObjectNode archivedThreads(Chan parent, boolean privateOnes, String query) {
        Instant before = null;
        int limit = 50;
        for (String kv : query == null ? new String[0] : query.split("&")) {
            String[] p = kv.split("=", 2);
            if (p.length == 2 && p[0].equals("before")) {
                before = java.time.OffsetDateTime.parse(java.net.URLDecoder.decode(p[1], StandardCharsets.UTF_8)).toInstant();
            } else if (p.length == 2 && p[0].equals("limit")) {
                limit = Math.max(2, Math.min(100, Integer.parseInt(p[1])));
            }
        }
        Instant until = before;
        long perms = channelPermissions(parent, BOT_ID);
        if ((perms & VIEW) == 0 || (perms & Permission.MESSAGE_HISTORY.getRawValue()) == 0
                || privateOnes && (perms & MANAGE_THREADS) == 0) {
            throw new DiscordError(403, 50013, "Missing Permissions");
        }
        ObjectNode o = obj();
        ArrayNode threads = o.putArray("threads");
        ArrayNode members = o.putArray("members");
        var found = channels.values().stream().filter(c -> c.parentId == parent.id && c.thread() && c.archived && !c.deleted
                && (c.type == TYPE_PRIVATE_THREAD) == privateOnes
                && (until == null || archivedAt(c).isBefore(until)))
                .sorted(Comparator.comparing(FakeDiscord::archivedAt).reversed()).toList();
        boolean more = found.size() > limit;
        found = found.subList(0, Math.min(limit, found.size()));
        for (Chan c : found) {
            threads.add(channelJson(c));
            if (c.threadMembers.contains(BOT_ID)) {
                members.add(obj().put("id", str(c.id)).put("user_id", str(BOT_ID)).put("join_timestamp", c.createdAt)
                        .put("flags", 0));
            }
        }
        o.put("has_more", more);
        return o;
    }

    private ObjectNode createThread(Chan parent, long fromMessage, JsonNode body) {
        if (parent.type != TYPE_TEXT) {
            throw new DiscordError(400, 50024, "Cannot execute action on this channel type");
        }
        String name = body == null ? "" : body.path("name").asText("");
        if (name.isBlank() || name.length() > 100) {
            throw new DiscordError(400, 50035, "Invalid Form Body: name");
        }
        int type = fromMessage != 0 ? TYPE_PUBLIC_THREAD : body.path("type").asInt(TYPE_PRIVATE_THREAD);
        long perms = channelPermissions(parent, BOT_ID);
        long needed = type == TYPE_PRIVATE_THREAD ? Permission.CREATE_PRIVATE_THREADS.getRawValue()
                : Permission.CREATE_PUBLIC_THREADS.getRawValue();
        if ((perms & VIEW) == 0) {
            throw new DiscordError(403, 50001, "Missing Access");
        }
        if ((perms & needed) == 0) {
            throw new DiscordError(403, 50013, "Missing Permissions");
        }
        if (activeThreads(parent.guildId) >= activeThreadLimit) {
            throw new DiscordError(400, 160006, "Maximum number of active threads reached");
        }
        if (fromMessage != 0 && messages.get(fromMessage).hasNonNull("thread")) {
            throw new DiscordError(400, 160004, "A thread has already been created for this message");
        }
        Chan t = new Chan(fromMessage != 0 ? fromMessage : nextId(), type, parent.guildId);
        t.name = name;
        t.parentId = parent.id;
        t.ownerId = BOT_ID;
        t.createdAt = iso(Instant.now());
        t.autoArchive = body.path("auto_archive_duration").asInt(1440);
        t.invitable = body.path("invitable").asBoolean(true);
        t.threadMembers.add(BOT_ID);
        channels.put(t.id, t);
        ObjectNode json = channelJson(t);
        threadsCreated.add(json.deepCopy());
        if (fromMessage != 0) {
            messages.get(fromMessage).set("thread", json.deepCopy());
        }
        ObjectNode event = json.deepCopy();
        event.put("newly_created", true);
        dispatch("THREAD_CREATE", event, INTENT_GUILDS);
        return json;
    }

    // ------------------------------------------------------------------------------------------ interactions

    private Long interact(Chan ch, long userId, int type, ObjectNode data, long messageId, ObjectNode message) {
        User u = user(userId);
        if (ch.type == TYPE_DM) {
            if (ch.recipientId != userId) {
                throw new IllegalArgumentException("user " + userId + " is not in DM " + ch.id);
            }
        } else {
            Guild g = guild(ch.guildId);
            member(g, userId);
            if ((channelPermissions(ch, userId) & VIEW) == 0) {
                throw new IllegalArgumentException("user " + userId + " can't see channel " + ch.id);
            }
        }
        long id = nextId();
        String token = token(id);
        Interaction it = new Interaction(id, token, type, ch.id, userId, messageId);
        interactions.put(id, it);
        interactionsByToken.put(token, it);
        ObjectNode d = interactionBase(it, type);
        d.put("locale", locales.getOrDefault(userId, "en-US"));
        if (ch.type == TYPE_DM) {
            d.set("user", userJson(u));
            d.set("channel", channelJson(ch));
            d.put("app_permissions", str(EVERYONE_PERMISSIONS));
            d.put("context", 1);
            d.set("authorizing_integration_owners", obj().put("0", "0"));
        } else {
            Guild g = guild(ch.guildId);
            d.put("guild_id", str(g.id));
            d.set("guild", obj().put("id", str(g.id)).put("locale", "en-US").set("features", arr()));
            d.put("guild_locale", "en-US");
            ObjectNode channel = channelJson(ch);
            channel.put("permissions", str(channelPermissions(ch, userId)));
            d.set("channel", channel);
            ObjectNode member = memberJson(g, g.members.get(userId), true);
            member.put("permissions", str(channelPermissions(ch, userId)));
            d.set("member", member);
            d.put("app_permissions", str(channelPermissions(ch, BOT_ID)));
            d.put("context", 0);
            d.set("authorizing_integration_owners", obj().put("0", str(g.id)));
        }
        d.set("data", data);
        if (message != null) {
            d.set("message", message);
        }
        dispatch("INTERACTION_CREATE", d, 0L, it);
        notifyAll();
        return id;
    }

    private ObjectNode interactionBase(Interaction it, int type) {
        ObjectNode d = obj();
        d.put("id", str(it.id)).put("application_id", str(APPLICATION_ID)).put("type", type).put("token", it.token)
                .put("version", 1).put("channel_id", str(it.channelId)).put("locale", "en-US")
                .put("attachment_size_limit", 10 * 1024 * 1024);
        d.set("entitlements", arr());
        return d;
    }

    private String token(long id) {
        return "aW50ZXJhY3Rpb246" + id + ":" + randomHex(24);
    }

    private ObjectNode componentMessage(long messageId, String customId, int componentType) {
        ObjectNode m = messages.get(messageId);
        if (m == null) {
            throw new IllegalArgumentException("no message " + messageId + " to interact with");
        }
        if (m.path("author").path("id").asLong() != BOT_ID) {
            throw new IllegalArgumentException("message " + messageId + " was not sent by the bot");
        }
        List<JsonNode> found = new ArrayList<>();
        findComponents(m.path("components"), customId, found);
        if (found.isEmpty()) {
            List<String> ids = new ArrayList<>();
            collectCustomIds(m.path("components"), ids);
            throw new IllegalArgumentException("message " + messageId + " has no component " + customId
                    + " (it has " + ids + ")");
        }
        JsonNode c = found.get(0);
        if (c.path("type").asInt() != componentType) {
            throw new IllegalArgumentException("component " + customId + " has type " + c.path("type").asInt());
        }
        if (c.path("disabled").asBoolean(false)) {
            throw new IllegalArgumentException("component " + customId + " is disabled");
        }
        return m.deepCopy();
    }

    private static void findComponents(JsonNode components, String customId, List<JsonNode> out) {
        for (JsonNode c : components) {
            if (customId.equals(c.path("custom_id").asText(null))) {
                out.add(c);
            }
            findComponents(c.path("components"), customId, out);
            if (c.has("accessory")) {
                findComponents(arrOf(c.get("accessory")), customId, out);
            }
        }
    }

    private static ArrayNode arrOf(JsonNode n) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        a.add(n);
        return a;
    }

    private static void collectCustomIds(JsonNode components, List<String> out) {
        for (JsonNode c : components) {
            if (c.hasNonNull("custom_id")) {
                out.add(c.get("custom_id").asText());
            }
            collectCustomIds(c.path("components"), out);
            if (c.has("accessory")) {
                collectCustomIds(arrOf(c.get("accessory")), out);
            }
        }
    }

    private Interaction interactionByToken(String token) {
        Interaction it = interactionsByToken.get(token);
        if (it == null) {
            throw new DiscordError(404, 10015, "Unknown Webhook");
        }
        return it;
    }

    private Resp interactionCallback(long id, String token, Req req) {
        Interaction it = interactions.get(id);
        if (it == null || !it.token.equals(token)) {
            throw new DiscordError(404, 10062, "Unknown interaction");
        }
        ObjectNode body = bodyObject(req);
        int type = body.path("type").asInt(-1);
        long dispatched = it.dispatchedAtNanos;
        long elapsedMillis = dispatched == 0 ? 0 : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - dispatched);
        if (dispatched == 0 || elapsedMillis > interactionDeadline.toMillis()) {
            callbacks.add(new Callback(str(id), type, body, elapsedMillis, true, true));
            throw new DiscordError(404, 10062, "Unknown interaction");
        }
        if (it.acked) {
            callbacks.add(new Callback(str(id), type, body, elapsedMillis, false, true));
            throw new DiscordError(400, 40060, "Interaction has already been acknowledged.");
        }
        JsonNode data = body.path("data");
        Chan ch = channels.get(it.channelId);
        ObjectNode resource = obj().put("type", type);
        switch (type) {
            case 4 -> {
                validateMessage(data, req.files(), true);
                long mid = nextId();
                ObjectNode m = botMessage(mid, ch, data, req.files(), it.type == 2 ? 20 : 0);
                interactionMessage(m, it);
                store(m, ch);
                it.originalMessageId = mid;
                sent.add(new Sent(it.channelId, mid, m.path("content").asText(""), data, Source.INTERACTION_REPLY,
                        List.copyOf(req.files()), ephemeral(m)));
                if ((m.path("flags").asInt(0) & FLAG_EPHEMERAL) == 0) {
                    dispatchMessage("MESSAGE_CREATE", m, ch);
                }
                resource.set("message", m.deepCopy());
            }
            case 5 -> {
                long mid = nextId();
                ObjectNode m = botMessage(mid, ch, obj(), List.of(), it.type == 2 ? 20 : 0);
                m.put("flags", FLAG_LOADING | (data.path("flags").asInt(0) & FLAG_EPHEMERAL));
                interactionMessage(m, it);
                store(m, ch);
                it.originalMessageId = mid;
                it.originalPending = true;
            }
            case 6 -> it.originalMessageId = it.messageId;
            case 7 -> {
                ObjectNode m = messages.get(it.messageId);
                if (m == null) {
                    throw new DiscordError(404, 10008, "Unknown Message");
                }
                applyEdit(m, data, req.files());
                it.originalMessageId = it.messageId;
                edits.add(new Edit(it.channelId, it.messageId, data, "interaction-update"));
                resource.set("message", m.deepCopy());
            }
            case 9 -> {
                validateModal(data);
                modalsShown.add(it.userId + "/" + data.path("custom_id").asText());
            }
            case 8 -> validateChoices(data);
            case 10, 12 -> { }
            default -> throw new DiscordError(400, 50035, "Invalid Form Body: type");
        }
        it.acked = true;
        it.ackType = type;
        callbacks.add(new Callback(str(id), type, body, elapsedMillis, false, false));
        ObjectNode answer = obj();
        ObjectNode inter = obj().put("id", str(id)).put("type", it.type);
        if (it.originalMessageId != 0 && (type == 4 || type == 5)) {
            inter.put("response_message_id", str(it.originalMessageId))
                    .put("response_message_loading", type == 5)
                    .put("response_message_ephemeral", (data.path("flags").asInt(0) & FLAG_EPHEMERAL) != 0);
        }
        answer.set("interaction", inter);
        answer.set("resource", resource);
        if (req.query() == null || !req.query().contains("with_response=true")) {
            return Resp.noContent();
        }
        return Resp.ok(answer);
    }

    /** Discord's modal limits: id ≤ 100, title ≤ 45, 1 to 5 labels (≤ 45) each holding a text input. */
    private static void validateModal(JsonNode d) {
        String id = d.path("custom_id").asText("");
        String title = d.path("title").asText("");
        JsonNode comps = d.path("components");
        if (id.isEmpty() || id.length() > 100 || title.isEmpty() || title.length() > 45 || comps.size() < 1 || comps.size() > 5) {
            throw new DiscordError(400, 50035, "Invalid Form Body: modal");
        }
        for (JsonNode label : comps) {
            JsonNode input = label.path("component");
            String text = label.path("label").asText("");
            if (label.path("type").asInt() != 18 || text.isEmpty() || text.length() > 45 || input.path("type").asInt() != 4
                    || input.path("custom_id").asText("").isEmpty()) {
                throw new DiscordError(400, 50035, "Invalid Form Body: modal component");
            }
        }
    }

    /** At most 25 choices, names 1 to 100 characters. */
    private static void validateChoices(JsonNode d) {
        JsonNode choices = d.path("choices");
        if (!choices.isArray() || choices.size() > 25) {
            throw new DiscordError(400, 50035, "Invalid Form Body: choices");
        }
        for (JsonNode c : choices) {
            int n = c.path("name").asText("").length();
            if (n < 1 || n > 100) {
                throw new DiscordError(400, 50035, "Invalid Form Body: choice name");
            }
        }
    }

    private void interactionMessage(ObjectNode m, Interaction it) {
        m.put("webhook_id", str(APPLICATION_ID));
        m.put("application_id", str(APPLICATION_ID));
        ObjectNode meta = obj().put("id", str(it.id)).put("type", it.type);
        meta.set("user", userJson(users.get(it.userId)));
        meta.set("authorizing_integration_owners", obj());
        m.set("interaction_metadata", meta);
    }

    private Resp webhookMessageRoute(String method, Interaction it, String which, Req req) {
        long mid = which.equals("@original") ? it.originalMessageId : Long.parseLong(which);
        if (!it.acked || mid == 0) {
            throw new DiscordError(404, 10008, "Unknown Message");
        }
        ObjectNode m = messageOr404(mid);
        Chan ch = channels.get(m.path("channel_id").asLong());
        switch (method) {
            case "GET":
                return Resp.ok(m.deepCopy());
            case "PATCH": {
                ObjectNode body = bodyObject(req);
                validateMessage(body, req.files(), false);
                applyEdit(m, body, req.files());
                if (mid == it.originalMessageId && it.originalPending) {
                    it.originalPending = false;
                    m.put("flags", m.path("flags").asInt(0) & ~FLAG_LOADING);
                    sent.add(new Sent(ch.id, mid, m.path("content").asText(""), body, Source.DEFERRED_REPLY,
                            List.copyOf(req.files()), ephemeral(m)));
                } else {
                    edits.add(new Edit(ch.id, mid, body, "webhook"));
                }
                return Resp.ok(m.deepCopy());
            }
            case "DELETE":
                messages.remove(mid);
                deletedMessages.add(new long[] {ch.id, mid});
                return Resp.noContent();
            default:
                unknownRoutes.add(method + " webhooks/.../messages/" + which);
                return new Resp(405, obj().put("message", "405: Method Not Allowed").put("code", 0), Map.of());
        }
    }

    private ObjectNode followUp(Interaction it, Req req) {
        if (!it.acked) {
            throw new DiscordError(404, 10015, "Unknown Webhook");
        }
        ObjectNode body = bodyObject(req);
        validateMessage(body, req.files(), true);
        Chan ch = channels.get(it.channelId);
        if (it.originalPending) {
            // Discord: the first follow-up after a deferred reply replaces the "thinking" message
            ObjectNode m = messages.get(it.originalMessageId);
            applyEdit(m, body, req.files());
            m.put("flags", m.path("flags").asInt(0) & ~FLAG_LOADING);
            m.putNull("edited_timestamp");
            it.originalPending = false;
            sent.add(new Sent(ch.id, it.originalMessageId, m.path("content").asText(""), body, Source.FOLLOW_UP,
                    List.copyOf(req.files()), ephemeral(m)));
            return m.deepCopy();
        }
        long mid = nextId();
        ObjectNode m = botMessage(mid, ch, body, req.files(), 0);
        interactionMessage(m, it);
        store(m, ch);
        sent.add(new Sent(ch.id, mid, m.path("content").asText(""), body, Source.FOLLOW_UP, List.copyOf(req.files()),
                ephemeral(m)));
        if ((m.path("flags").asInt(0) & FLAG_EPHEMERAL) == 0) {
            dispatchMessage("MESSAGE_CREATE", m, ch);
        }
        return m;
    }

    // ------------------------------------------------------------------------------------------ JSON shapes

    private ObjectNode selfUserJson() {
        ObjectNode u = userJson(users.get(BOT_ID));
        u.put("verified", true).put("mfa_enabled", false).put("flags", 0).put("locale", "en-US");
        u.putNull("email");
        return u;
    }

    private ObjectNode applicationJson() {
        ObjectNode a = obj().put("id", str(APPLICATION_ID)).put("name", BOT_NAME).put("description", "")
                .put("bot_public", false).put("bot_require_code_grant", false).put("flags", 0)
                .put("verify_key", "00").put("summary", "");
        a.putNull("icon");
        a.putNull("team");
        a.set("owner", userJson(users.computeIfAbsent(OWNER_ID, id -> new User(id, "owner", false))));
        a.set("bot", userJson(users.get(BOT_ID)));
        a.set("tags", arr());
        a.set("redirect_uris", arr());
        return a;
    }

    private ObjectNode userJson(User u) {
        ObjectNode o = obj().put("id", str(u.id)).put("username", u.name).put("discriminator", "0")
                .put("public_flags", 0);
        if (u.globalName == null) {
            o.putNull("global_name");
        } else {
            o.put("global_name", u.globalName);
        }
        o.putNull("avatar");
        if (u.bot) {
            o.put("bot", true);
        }
        return o;
    }

    private ObjectNode roleJson(Role r) {
        ObjectNode o = obj().put("id", str(r.id)).put("name", r.name).put("color", 0).put("hoist", false)
                .put("position", r.position).put("permissions", str(r.permissions)).put("managed", r.managed)
                .put("mentionable", false).put("flags", 0);
        o.set("colors", obj().put("primary_color", 0));
        o.putNull("icon");
        o.putNull("unicode_emoji");
        ObjectNode tags = obj();
        if (r.managed) {
            tags.put("bot_id", str(BOT_ID));
        }
        o.set("tags", tags);
        return o;
    }

    private ObjectNode memberJson(Guild g, Member m, boolean withUser) {
        ObjectNode o = obj();
        if (withUser) {
            o.set("user", userJson(users.get(m.userId)));
        }
        ArrayNode roles = o.putArray("roles");
        m.roles.forEach(r -> roles.add(str(r)));
        o.put("joined_at", m.joinedAt).put("deaf", false).put("mute", false).put("flags", 0).put("pending", false);
        if (m.nick == null) {
            o.putNull("nick");
        } else {
            o.put("nick", m.nick);
        }
        o.putNull("avatar");
        o.putNull("premium_since");
        o.putNull("communication_disabled_until");
        return o;
    }

    private ObjectNode channelJson(Chan c) {
        ObjectNode o = obj().put("id", str(c.id)).put("type", c.type).put("flags", 0);
        if (c.lastMessageId == 0) {
            o.putNull("last_message_id");
        } else {
            o.put("last_message_id", str(c.lastMessageId));
        }
        if (c.type == TYPE_DM) {
            o.set("recipients", arr().add(userJson(users.get(c.recipientId))));
            return o;
        }
        o.put("guild_id", str(c.guildId)).put("name", c.name).put("rate_limit_per_user", 0);
        if (c.thread()) {
            o.put("parent_id", str(c.parentId)).put("owner_id", str(c.ownerId))
                    .put("message_count", c.messageCount).put("total_message_count", c.messageCount)
                    .put("member_count", Math.min(50, c.threadMembers.size()));
            ObjectNode meta = obj().put("archived", c.archived).put("auto_archive_duration", c.autoArchive)
                    .put("archive_timestamp", c.archivedAt != null ? c.archivedAt : c.createdAt).put("locked", c.locked)
                    .put("create_timestamp", c.createdAt);
            if (c.type == TYPE_PRIVATE_THREAD) {
                meta.put("invitable", c.invitable);
            }
            o.set("thread_metadata", meta);
            if (c.threadMembers.contains(BOT_ID)) {
                o.set("member", obj().put("id", str(c.id)).put("user_id", str(BOT_ID))
                        .put("join_timestamp", c.createdAt).put("flags", 0));
            }
            return o;
        }
        o.put("position", c.position).put("nsfw", false).put("default_auto_archive_duration", 1440);
        o.putNull("parent_id");
        if (c.topic == null) {
            o.putNull("topic");
        } else {
            o.put("topic", c.topic);
        }
        ArrayNode ows = o.putArray("permission_overwrites");
        for (Overwrite w : c.overwrites) {
            ows.add(obj().put("id", str(w.id())).put("type", w.type()).put("allow", str(w.allow()))
                    .put("deny", str(w.deny())));
        }
        return o;
    }

    private ObjectNode guildCreate(Guild g) {
        ObjectNode o = obj().put("id", str(g.id)).put("name", g.name).put("owner_id", str(g.ownerId))
                .put("afk_timeout", 300).put("verification_level", 0).put("default_message_notifications", 0)
                .put("explicit_content_filter", 0).put("mfa_level", 0).put("system_channel_flags", 0)
                .put("max_members", 500000).put("premium_tier", 0).put("premium_subscription_count", 0)
                .put("preferred_locale", "en-US").put("nsfw_level", 0).put("premium_progress_bar_enabled", false)
                .put("joined_at", g.members.get(BOT_ID).joinedAt).put("large", false).put("unavailable", false)
                .put("lazy", true).put("member_count", g.members.size());
        for (String k : List.of("icon", "splash", "discovery_splash", "afk_channel_id", "application_id",
                "system_channel_id", "rules_channel_id", "vanity_url_code", "description", "banner",
                "public_updates_channel_id", "safety_alerts_channel_id")) {
            o.putNull(k);
        }
        ArrayNode roles = o.putArray("roles");
        g.roles.values().forEach(r -> roles.add(roleJson(r)));
        ArrayNode members = o.putArray("members");
        g.members.values().forEach(m -> members.add(memberJson(g, m, true)));
        ArrayNode chans = o.putArray("channels");
        ArrayNode threads = o.putArray("threads");
        for (Long id : g.channelIds) {
            Chan c = channels.get(id);
            if (!c.deleted) {
                ObjectNode json = channelJson(c);
                json.remove("guild_id");
                chans.add(json);
            }
        }
        for (Chan c : channels.values()) {
            if (c.guildId == g.id && c.thread() && !c.deleted && !c.archived) {
                threads.add(channelJson(c));
            }
        }
        for (String k : List.of("emojis", "features", "stickers", "soundboard_sounds", "voice_states", "presences",
                "stage_instances", "guild_scheduled_events")) {
            o.set(k, arr());
        }
        return o;
    }

    private ObjectNode messageJson(long id, Chan ch, User author, String content) {
        ObjectNode m = obj().put("id", str(id)).put("channel_id", str(ch.id)).put("type", 0)
                .put("content", content).put("timestamp", iso(Instant.now())).put("tts", false)
                .put("mention_everyone", content.contains("@everyone") || content.contains("@here"))
                .put("pinned", false).put("flags", 0);
        m.putNull("edited_timestamp");
        m.set("author", userJson(author));
        ArrayNode mentions = m.putArray("mentions");
        ArrayNode mentionRoles = m.putArray("mention_roles");
        Set<Long> seen = new LinkedHashSet<>();
        Matcher um = USER_MENTION.matcher(content);
        while (um.find()) {
            long uid = Long.parseLong(um.group(1));
            User mentioned = users.get(uid);
            if (mentioned != null && seen.add(uid)) {
                ObjectNode mu = userJson(mentioned);
                if (ch.guildId != 0 && guilds.containsKey(ch.guildId)
                        && guilds.get(ch.guildId).members.containsKey(uid)) {
                    mu.set("member", memberJson(guilds.get(ch.guildId), guilds.get(ch.guildId).members.get(uid),
                            false));
                }
                mentions.add(mu);
            }
        }
        Matcher rm = ROLE_MENTION.matcher(content);
        while (rm.find()) {
            mentionRoles.add(rm.group(1));
        }
        m.set("attachments", arr());
        m.set("embeds", arr());
        m.set("components", arr());
        m.set("reactions", arr());
        if (ch.guildId != 0) {
            m.put("guild_id", str(ch.guildId));
            Member member = guilds.containsKey(ch.guildId) ? guilds.get(ch.guildId).members.get(author.id) : null;
            if (member != null) {
                m.set("member", memberJson(guilds.get(ch.guildId), member, false));
            }
        }
        return m;
    }

    private ObjectNode botMessage(long id, Chan ch, JsonNode body, List<Upload> files, int type) {
        ObjectNode m = messageJson(id, ch, users.get(BOT_ID), body.path("content").asText(""));
        m.put("type", type);
        m.put("flags", body.path("flags").asInt(0));
        m.put("tts", body.path("tts").asBoolean(false));
        if (body.has("nonce")) {
            m.set("nonce", body.get("nonce"));
        }
        m.set("embeds", embeds(body.path("embeds")));
        m.set("components", components(body.path("components")));
        m.set("attachments", uploadedAttachments(ch.id, files, body));
        JsonNode allowed = body.path("allowed_mentions");
        if (allowed.isObject() && allowed.has("parse")) {
            boolean users = false;
            for (JsonNode p : allowed.get("parse")) {
                users |= p.asText().equals("users");
            }
            if (!users && allowed.path("users").isEmpty()) {
                m.set("mentions", arr());
            }
        }
        return m;
    }

    private ArrayNode uploadedAttachments(long channelId, List<Upload> files, JsonNode body) {
        ArrayNode out = arr();
        Map<String, JsonNode> meta = new HashMap<>();
        body.path("attachments").forEach(a -> meta.put(a.path("id").asText(), a));
        for (int i = 0; i < files.size(); i++) {
            Upload f = files.get(i);
            long attId = nextId();
            String path = channelId + "/" + attId + "/" + f.filename();
            attachmentFiles.put(path, f);
            String url = "http://127.0.0.1:" + port() + "/attachments/" + path;
            ObjectNode a = obj().put("id", str(attId)).put("filename", f.filename()).put("size", f.bytes().length)
                    .put("url", url).put("proxy_url", url).put("content_type", f.contentType());
            JsonNode m = meta.get(Integer.toString(i));
            if (m != null && m.hasNonNull("description")) {
                a.put("description", m.get("description").asText());
            }
            out.add(a);
        }
        return out;
    }

    private ArrayNode embeds(JsonNode in) {
        ArrayNode out = arr();
        for (JsonNode e : in) {
            ObjectNode copy = ((ObjectNode) e).deepCopy();
            if (!copy.hasNonNull("type")) {
                copy.put("type", "rich");
            }
            out.add(copy);
        }
        return out;
    }

    /** Copies components, numbering those without an id depth first as Discord does. */
    private ArrayNode components(JsonNode in) {
        ArrayNode out = in.isArray() ? ((ArrayNode) in).deepCopy() : arr();
        int[] next = {1};
        List<Integer> used = new ArrayList<>();
        collectIds(out, used);
        numberComponents(out, next, used);
        return out;
    }

    private static void collectIds(JsonNode components, List<Integer> used) {
        for (JsonNode c : components) {
            if (c.has("id") && c.get("id").isInt()) {
                used.add(c.get("id").asInt());
            }
            collectIds(c.path("components"), used);
        }
    }

    private static void numberComponents(JsonNode components, int[] next, List<Integer> used) {
        for (JsonNode c : components) {
            if (!c.has("id") || c.get("id").asInt(-1) < 0) {
                while (used.contains(next[0])) {
                    next[0]++;
                }
                ((ObjectNode) c).put("id", next[0]);
                used.add(next[0]);
            }
            numberComponents(c.path("components"), next, used);
        }
    }

    private static boolean ephemeral(JsonNode m) {
        return (m.path("flags").asInt(0) & FLAG_EPHEMERAL) != 0;
    }

    private void store(ObjectNode m, Chan ch) {
        messages.put(m.path("id").asLong(), m);
        ch.lastMessageId = m.path("id").asLong();
    }

    // ------------------------------------------------------------------------------------------ permissions

    private long basePermissions(Guild g, long userId) {
        if (userId == g.ownerId) {
            return ALL_PERMISSIONS;
        }
        Member m = g.members.get(userId);
        if (m == null) {
            return 0;
        }
        long p = g.roles.get(g.id).permissions;
        for (long r : m.roles) {
            Role role = g.roles.get(r);
            if (role != null) {
                p |= role.permissions;
            }
        }
        return (p & ADMIN) != 0 ? ALL_PERMISSIONS : p;
    }

    private long channelPermissions(Chan c, long userId) {
        Chan base = c.thread() ? channels.get(c.parentId) : c;
        Guild g = guild(base.guildId);
        long p = basePermissions(g, userId);
        if (p == ALL_PERMISSIONS) {
            return p;
        }
        Member m = g.members.get(userId);
        if (m == null) {
            return 0;
        }
        for (Overwrite w : base.overwrites) {
            if (w.type() == 0 && w.id() == g.id) {
                p = (p & ~w.deny()) | w.allow();
            }
        }
        long allow = 0, deny = 0;
        for (Overwrite w : base.overwrites) {
            if (w.type() == 0 && w.id() != g.id && m.roles.contains(w.id())) {
                allow |= w.allow();
                deny |= w.deny();
            }
        }
        p = (p & ~deny) | allow;
        for (Overwrite w : base.overwrites) {
            if (w.type() == 1 && w.id() == userId) {
                p = (p & ~w.deny()) | w.allow();
            }
        }
        return (p & VIEW) == 0 ? 0 : p;
    }

    // ------------------------------------------------------------------------------------------ helpers

    private Guild guild(long id) {
        Guild g = guilds.get(id);
        if (g == null) {
            throw new IllegalArgumentException("no guild " + id);
        }
        return g;
    }

    private Guild guildOr404(long id) {
        Guild g = guilds.get(id);
        if (g == null) {
            throw new DiscordError(404, 10004, "Unknown Guild");
        }
        return g;
    }

    private Member member(Guild g, long userId) {
        Member m = g.members.get(userId);
        if (m == null) {
            throw new IllegalArgumentException("user " + userId + " is not a member of guild " + g.id);
        }
        return m;
    }

    private User user(long id) {
        User u = users.get(id);
        if (u == null) {
            throw new IllegalArgumentException("no user " + id + " (addMember or addUser first)");
        }
        return u;
    }

    private Chan channel(long id) {
        Chan c = channels.get(id);
        if (c == null || c.deleted) {
            throw new IllegalArgumentException("no channel " + id);
        }
        return c;
    }

    private Chan channelOr404(long id) {
        Chan c = channels.get(id);
        if (c == null || c.deleted) {
            throw new DiscordError(404, 10003, "Unknown Channel");
        }
        if (c.guildId != 0 && !guilds.containsKey(c.guildId)) {
            throw new DiscordError(403, 50001, "Missing Access");
        }
        return c;
    }

    private ObjectNode messageOr404(long id) {
        ObjectNode m = messages.get(id);
        if (m == null) {
            throw new DiscordError(404, 10008, "Unknown Message");
        }
        return m;
    }

    private synchronized long nextId() {
        long id = (System.currentTimeMillis() - DISCORD_EPOCH) << 22;
        lastId = Math.max(id, lastId + 1);
        return lastId;
    }

    private static String str(long id) {
        return Long.toString(id);
    }

    private static String iso(Instant t) {
        return ISO.format(t);
    }

    private ObjectNode obj() {
        return nodes.objectNode();
    }

    private ArrayNode arr() {
        return nodes.arrayNode();
    }

    private String write(JsonNode n) {
        try {
            return mapper.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads multipart/form-data: payload_json becomes the JSON body, files[n] the uploads. */
    private JsonNode parseMultipart(byte[] raw, String contentType, List<Upload> files) throws Exception {
        Matcher b = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(contentType);
        if (!b.find()) {
            return null;
        }
        String delimiter = "--" + b.group(1);
        String all = new String(raw, StandardCharsets.ISO_8859_1);
        JsonNode json = null;
        int pos = all.indexOf(delimiter);
        while (pos >= 0) {
            int start = pos + delimiter.length();
            if (all.startsWith("--", start)) {
                break;
            }
            start = all.indexOf("\r\n", start) + 2;
            int headerEnd = all.indexOf("\r\n\r\n", start);
            int next = all.indexOf("\r\n" + delimiter, headerEnd);
            if (headerEnd < 0 || next < 0) {
                break;
            }
            String headers = all.substring(start, headerEnd);
            byte[] content = all.substring(headerEnd + 4, next).getBytes(StandardCharsets.ISO_8859_1);
            String name = headerParam(headers, "name");
            String filename = headerParam(headers, "filename");
            Matcher ct = Pattern.compile("(?im)^content-type:\\s*(.+)$").matcher(headers);
            String partType = ct.find() ? ct.group(1).trim() : null;
            if ("payload_json".equals(name)) {
                json = mapper.readTree(content);
            } else if (filename != null) {
                files.add(new Upload(filename, partType, content));
            }
            pos = next + 2;
        }
        return json;
    }

    private static String headerParam(String headers, String param) {
        Matcher x = Pattern.compile("(?i)[; ]" + param + "=\"([^\"]*)\"").matcher(headers);
        return x.find() ? x.group(1) : null;
    }

    private String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    @Override
    public String toString() {
        return "FakeDiscord[" + restBaseUrl() + ", " + gatewayUrl() + "]";
    }
}
