package supportbot.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import supportbot.faq.SearchSettings;

/**
 * Everything {@code config/application.yaml} can set. Defaults live in the jar's {@code default-config.yaml};
 * docs/configuration.md documents every key.
 */
public record AppConfig(Http http, Data data, Faq faq, Dialogue dialogue, Desk desk, Telegram telegram, Safety safety,
                        Discord discord, StoreConfig store) {

    /**
     * @param kind     "mapdb" (the embedded file under data.dir, one process) or "postgres" (shared by instances)
     * @param url      for postgres: jdbc:postgresql://host:5432/database; user and password come from
     *                 SUPPORT_BOT_DB_USER and SUPPORT_BOT_DB_PASSWORD, never from this file
     * @param poolSize database connections per instance
     * @param electionCheckMillis for postgres: how often an instance tries to take over a role nobody holds (the
     *                 Telegram poller, the Discord gateway) and its holder checks it still does; default 1000
     */
    public record StoreConfig(String kind, String url, Integer poolSize, Integer electionCheckMillis) {
        public static final String MAPDB = "mapdb";
        public static final String POSTGRES = "postgres";
        public static final int DEFAULT_ELECTION_CHECK_MILLIS = 1000;

        public StoreConfig(String kind, String url, Integer poolSize) {
            this(kind, url, poolSize, null);
        }

        /** The election check interval, default filled in. */
        public java.time.Duration electionCheck() {
            return java.time.Duration.ofMillis(electionCheckMillis == null ? DEFAULT_ELECTION_CHECK_MILLIS : electionCheckMillis);
        }

        /** Checks the combination; the kind in lower case. */
        public String checkedKind() {
            String k = kind == null ? MAPDB : kind.trim().toLowerCase(java.util.Locale.ROOT);
            if (!k.equals(MAPDB) && !k.equals(POSTGRES)) {
                throw new ConfigException("store.kind: mapdb or postgres, not '" + kind + "'");
            }
            if (k.equals(POSTGRES) && (url == null || !url.startsWith("jdbc:postgresql://"))) {
                throw new ConfigException("store.url: with store.kind postgres, set jdbc:postgresql://host:5432/database");
            }
            if (poolSize != null && poolSize < 1) {
                throw new ConfigException("store.poolSize: at least 1, not " + poolSize);
            }
            if (electionCheckMillis != null && (electionCheckMillis < 100 || electionCheckMillis > 60_000)) {
                throw new ConfigException("store.electionCheckMillis: between 100 and 60000, not " + electionCheckMillis);
            }
            return k;
        }
    }

    /** The store settings; the embedded default when the file has none. */
    public StoreConfig storeConfig() {
        return store == null ? new StoreConfig(StoreConfig.MAPDB, null, 10) : store;
    }

    /**
     * @param enabled          "auto" (on when DISCORD_BOT_TOKEN is set), "on" or "off"
     * @param guildId          the one server the bot works in; interactions from any other are refused
     * @param supportChannelId where users ask in public; the bot moves each of them to a private thread
     * @param staffChannelId   the agents' channel: one thread per ticket; null for no Discord desk
     * @param agentRoleId      members with this role act as agents in staff threads
     * @param supervisorRoleId members with this role act as supervisors
     * @param apiUrl           Discord's REST API base, https://discord.com/api/v10 unless a proxy stands in front
     * @param mentionRoleOnNewTicket ping the agent role in the staff channel when a ticket opens (off by default)
     */
    public record Discord(String enabled, Long guildId, Long supportChannelId, Long staffChannelId, Long agentRoleId,
                          Long supervisorRoleId, Integer maxAttachmentMb, String apiUrl, Boolean mentionRoleOnNewTicket) {
    }

    /**
     * @param maxMessageChars longer user messages are refused with the limit named
     * @param floodMessages   messages a user may send within {@code floodSeconds} before being slowed down
     * @param retentionDays   transcripts and files older than this are deleted, and conversations idle this long
     *                        with no open ticket are erased; 0 keeps them forever
     */
    public record Safety(Integer maxMessageChars, Integer floodMessages, Integer floodSeconds, Integer retentionDays) {
    }

    /**
     * @param enabled            "auto" (on when TELEGRAM_BOT_TOKEN is set), "on" (fail without a token) or "off"
     * @param apiUrl             the Bot API server: https://api.telegram.org or a self-hosted one
     * @param mode               "polling" (getUpdates) or "webhook" (Telegram posts to our HTTP server)
     * @param staffChatId        the agents' forum supergroup (a topic per ticket), or null for no Telegram desk
     * @param supervisorChatId   where escalations are announced; null means a "Supervisors" topic in the staff group
     * @param retry              how often a failing update is tried before it becomes a dead letter
     * @param newTicketMention   who is mentioned in the staff forum when a ticket opens: "@team" or a list of
     *                           usernames; null (the default) mentions no one
     */
    public record Telegram(String enabled, String apiUrl, String mode, Integer pollTimeoutSeconds, Webhook webhook,
                           Long staffChatId, Long supervisorChatId, Integer maxAttachmentMb, Limits limits, Retry retry,
                           Object newTicketMention) {
        public Telegram(String enabled, String apiUrl, String mode, Integer pollTimeoutSeconds, Webhook webhook,
                        Long staffChatId, Long supervisorChatId, Integer maxAttachmentMb, Limits limits, Retry retry) {
            this(enabled, apiUrl, mode, pollTimeoutSeconds, webhook, staffChatId, supervisorChatId, maxAttachmentMb, limits,
                    retry, null);
        }

        public Telegram(String enabled, String apiUrl, String mode, Integer pollTimeoutSeconds, Webhook webhook,
                        Long staffChatId, Long supervisorChatId, Integer maxAttachmentMb, Limits limits) {
            this(enabled, apiUrl, mode, pollTimeoutSeconds, webhook, staffChatId, supervisorChatId, maxAttachmentMb, limits,
                    null);
        }
    }

    /**
     * @param attempts       tries per update, the first included, before it is set aside as a dead letter
     * @param firstBackoffMs the wait before the second try; it doubles up to {@code maxBackoffMs}
     */
    public record Retry(Integer attempts, Integer firstBackoffMs, Integer maxBackoffMs) {
    }

    /** @param publicUrl the https address Telegram reaches this server at; {@code path} is appended */
    public record Webhook(String publicUrl, String path) {
    }

    /** Each rate with the burst its token bucket may save up (1 = no burst, evenly spaced sends). */
    public record Limits(Double perBotPerSecond, Integer perBotBurst, Double perChatPerSecond, Integer perChatBurst,
                         Double perGroupPerMinute, Integer perGroupBurst) {
    }

    /**
     * @param chatSessionsPerAddress    new web chat sessions one client address may create per
     *                                  {@code chatSessionsWindowMinutes}
     * @param emptyChatSessionMinutes   a web chat session nobody wrote in expires after this
     * @param idleChatSessionDays       a web chat session quiet this long expires (its transcript stays, under
     *                                  safety.retentionDays)
     */
    public record Http(String host, Integer port, Integer chatSessionsPerAddress, Integer chatSessionsWindowMinutes,
                       Integer emptyChatSessionMinutes, Integer idleChatSessionDays) {
        public void check() {
            positive("http.chatSessionsPerAddress", chatSessionsPerAddress);
            positive("http.chatSessionsWindowMinutes", chatSessionsWindowMinutes);
            positive("http.emptyChatSessionMinutes", emptyChatSessionMinutes);
            positive("http.idleChatSessionDays", idleChatSessionDays);
        }

        private static void positive(String key, Integer value) {
            if (value == null || value < 1) {
                throw new ConfigException(key + ": a whole number of at least 1, not " + value);
            }
        }
    }

    public record Data(String dir) {
    }

    /**
     * @param dir             where categories.yaml, intents.yaml, details.yaml and messages/ live
     * @param defaultLanguage the language of a conversation whose first message gives no clue ("ok", a hash)
     * @param workers         threads handling conversations in parallel (one conversation is always in order);
     *                        none given: {@link #WORKERS_PER_CORE} per core
     */
    public record Dialogue(String dir, String defaultLanguage, Integer workers) {
        /**
         * More turns in flight than cores is what lets the embedding model batch the texts of concurrent
         * conversations into one run: on 2 cores, 8 workers made unique questions about 40 % faster than 2
         * (docs/benchmarks.md, turns that need an embedding). Workers mostly wait on the model or the store.
         */
        public static final int WORKERS_PER_CORE = 4;

        /** The worker count, default filled in. */
        public int workerThreads() {
            if (workers == null) {
                return WORKERS_PER_CORE * Runtime.getRuntime().availableProcessors();
            }
            if (workers < 1 || workers > 256) {
                throw new ConfigException("dialogue.workers: between 1 and 256, not " + workers
                        + " (leave it out for " + WORKERS_PER_CORE + " per core)");
            }
            return workers;
        }
    }

    public record Faq(
            String dir,
            Boolean semantic,
            Boolean watch,
            @JsonProperty("embeddingCache") String embeddingCache,
            Fusion fusion,
            Thresholds decision,
            @JsonProperty("decisionLexicalOnly") Thresholds decisionLexicalOnly) {
    }

    public record Fusion(Double denseWeight, Double lexicalWeight, Double lexicalSaturation, Double answerTextWeight,
                         Double phrasingTemperature, Integer candidateDocs) {
    }

    public record Thresholds(Double answerMinScore, Double answerMinMargin, Double suggestMinScore) {
        SearchSettings.DecisionThresholds toSettings() {
            return new SearchSettings.DecisionThresholds(answerMinScore, answerMinMargin, suggestMinScore);
        }
    }

    public Path dataDir() {
        return Path.of(data.dir());
    }

    /**
     * @param agents     who may use the desk API; each token is stored only as its SHA-256
     * @param autoAssign hand queued tickets to agents automatically
     * @param replyAs    "agent" (default): users see who answers; "team": they see {@code teamName} instead, the
     *                   agent's verification code kept
     * @param teamName   per language code ("en", "zh"); defaults to "Support team" / "客服团队"
     */
    public record Desk(java.util.List<AgentEntry> agents, AutoAssign autoAssign, String replyAs,
                       java.util.Map<String, String> teamName) {
        public Desk(java.util.List<AgentEntry> agents, AutoAssign autoAssign) {
            this(agents, autoAssign, null, null);
        }
    }

    /** The team's name per language when replies go out under it ({@code desk.replyAs: team}); empty for "agent". */
    public java.util.Optional<java.util.Map<String, String>> teamVoice() {
        String replyAs = desk == null || desk.replyAs() == null ? "agent" : desk.replyAs();
        if (replyAs.equals("agent")) {
            return java.util.Optional.empty();
        }
        if (!replyAs.equals("team")) {
            throw new ConfigException("desk.replyAs: 'agent' or 'team', not '" + replyAs + "'");
        }
        var names = new java.util.LinkedHashMap<String, String>(java.util.Map.of("en", "Support team", "zh", "客服团队"));
        if (desk.teamName() != null) {
            for (var e : desk.teamName().entrySet()) {
                if (!names.containsKey(e.getKey()) || e.getValue() == null || e.getValue().isBlank() || e.getValue().length() > 40) {
                    throw new ConfigException("desk.teamName." + e.getKey() + ": give 'en' and 'zh', each 1 to 40 characters");
                }
                names.put(e.getKey(), e.getValue().strip());
            }
        }
        return java.util.Optional.of(java.util.Map.copyOf(names));
    }

    /** @param capacity open tickets an agent carries before getting no more automatically */
    public record AutoAssign(Boolean enabled, Integer capacity) {
    }

    /** @param telegramUserId the agent's numeric Telegram user id, for the staff group */
    public record AgentEntry(String name, String role, String tokenSha256, Long telegramUserId) {
    }

    public Path dialogueDir() {
        return Path.of(dialogue.dir());
    }

    public Path faqDir() {
        return Path.of(faq.dir());
    }

    /** Relative cache paths live under the data directory, so one {@code data.dir} moves everything. */
    public Path embeddingCacheDir() {
        Path p = Path.of(faq.embeddingCache());
        return p.isAbsolute() ? p : dataDir().resolve(p);
    }

    public SearchSettings searchSettings() {
        Fusion f = faq.fusion();
        return new SearchSettings(faq.semantic(), f.denseWeight(), f.lexicalWeight(), f.lexicalSaturation(),
                f.answerTextWeight(), f.phrasingTemperature(), f.candidateDocs(), faq.decision().toSettings(),
                faq.decisionLexicalOnly().toSettings());
    }
}
