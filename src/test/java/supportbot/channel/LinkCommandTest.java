package supportbot.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.desk.StoreLinkCodes;
import supportbot.dialogue.ContactKey;
import supportbot.dialogue.DialogueEngine;
import supportbot.dialogue.EngineHarness;
import supportbot.dialogue.Inbound;
import supportbot.dialogue.details.DetailParsers;
import supportbot.faq.Lang;
import supportbot.store.ContactLink;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;

/**
 * /link and /link CODE through the inbox over a real store, across two channels, in English and Chinese: the code
 * is committed with its turn, works once, for ten minutes (the message times are the clock), and survives a restart.
 */
class LinkCommandTest {
    private static final Pattern CODE = Pattern.compile("[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}");
    private static final Instant T0 = EngineHarness.NOW;
    private static final String TG = ContactKey.of("telegram", "111", "telegram:111");
    private static final String WEB = ContactKey.of("web", null, "web:w1");
    private static final String DC = ContactKey.of("discord", "333", "discord:333");

    @TempDir
    Path dataDir;

    private final List<Bot> open = new ArrayList<>();
    private int messageId;

    private record Bot(Store store, GroupCommitter committer, Inbox inbox) {
        void close() {
            inbox.close();
            committer.close();
            store.close();
        }
    }

    private Bot start() {
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        var store = Store.open(dataDir);
        var committer = new GroupCommitter(store);
        var engine = new DialogueEngine(EngineHarness.DATA, new EngineHarness.StubFaq(),
                new DetailParsers(EngineHarness.DATA.details(), clock), new EngineHarness.Tickets(), clock, Lang.EN,
                supportbot.dialogue.StaffDirectory.NONE, new StoreLinkCodes(store));
        var bot = new Bot(store, committer, new Inbox(store, committer, engine, EngineHarness.DATA.messages(), 2, Set.of()));
        open.add(bot);
        return bot;
    }

    @AfterEach
    void closeAll() {
        open.forEach(Bot::close);
    }

    /** Sends and returns the bot's last reply in that conversation. */
    private String say(Bot bot, Inbound in) {
        bot.inbox().submit(in).join();
        var lines = bot.store().transcript(in.conversationKey(), 0);
        return lines.get(lines.size() - 1).text();
    }

    private Inbound telegram(String text, Instant at) {
        return Inbound.text("telegram", "telegram:111", "111", text, "m" + messageId++, at);
    }

    private Inbound web(String text, Instant at) {
        return Inbound.text("web", "web:w1", null, text, "m" + messageId++, at);
    }

    private Inbound discord(String text, Instant at) {
        return Inbound.text("discord", "discord:333", "333", text, "m" + messageId++, at);
    }

    private static String codeIn(String reply) {
        var m = CODE.matcher(reply);
        assertTrue(m.find(), reply);
        return m.group();
    }

    private static String person(Bot bot, String contact) {
        return bot.store().contactLink(contact).map(ContactLink::person).orElse(null);
    }

    @Test
    void inEnglishACodeFromTelegramLinksTheWebChatOnceOnly() {
        Bot bot = start();
        String offer = say(bot, telegram("/link", T0));
        String code = codeIn(offer);
        assertTrue(offer.contains("10 minutes"), offer);
        assertTrue(bot.store().contactLinks().isEmpty(), "a code alone links nothing");

        String done = say(bot, web("/link " + code.toLowerCase(), T0.plusSeconds(120)));
        assertTrue(done.startsWith("✅ Linked") && done.contains("Telegram"), done);
        assertEquals(person(bot, TG), person(bot, WEB));
        assertTrue(person(bot, TG) != null);
        assertEquals("user", bot.store().contactLink(WEB).orElseThrow().linkedBy());

        String again = say(bot, discord("/link " + code, T0.plusSeconds(130)));
        assertTrue(again.contains("wrong, used or expired") && again.contains("代码不正确"), again);
        assertTrue(bot.store().contactLink(DC).isEmpty(), "a used code links nobody else");
    }

    @Test
    void inChineseAnExpiredCodeChangesNothingAndAFreshOneWorks() {
        Bot bot = start();
        say(bot, telegram("/lang zh", T0));
        String offer = say(bot, telegram("/link", T0));
        assertTrue(offer.contains("关联代码") && offer.contains("10 分钟") && offer.contains("。"), offer);
        String code = codeIn(offer);

        say(bot, discord("/lang zh", T0));
        String late = say(bot, discord("/link " + code, T0.plus(java.time.Duration.ofMinutes(10))));
        assertTrue(late.startsWith("❌ 代码不正确") && late.contains("This code is wrong"), late);
        assertTrue(bot.store().contactLinks().isEmpty());

        String fresh = codeIn(say(bot, telegram("/link", T0.plus(java.time.Duration.ofMinutes(11)))));
        assertNotEquals(code, fresh);
        String done = say(bot, discord("/link " + fresh, T0.plus(java.time.Duration.ofMinutes(12))));
        assertTrue(done.startsWith("✅ 已关联") && done.contains("Telegram") && done.contains("："), done);
        assertEquals(person(bot, TG), person(bot, DC));
    }

    @Test
    void wrongOwnAndPublicCodesAreRefusedWithoutChanges() {
        Bot bot = start();
        assertTrue(say(bot, web("/link HELLO", T0)).contains("wrong, used or expired"));
        assertTrue(say(bot, web("/link ABCD-EFGH", T0)).contains("wrong, used or expired"));
        String code = codeIn(say(bot, web("/link", T0)));
        assertTrue(say(bot, web("/link " + code, T0)).contains("same account"));
        String inGroup = say(bot, telegram("/link", T0).inPublic());
        assertTrue(inGroup.contains("private chat") && !CODE.matcher(inGroup).find(), inGroup);
        assertTrue(bot.store().contactLinks().isEmpty());
        // The web visitor's own code is still good for their other account.
        assertTrue(say(bot, telegram("/link " + code, T0.plusSeconds(5))).startsWith("✅ Linked"));
        assertTrue(say(bot, discord("/link " + code, T0.plusSeconds(6))).contains("wrong, used or expired"));
    }

    /**
     * Two accounts send the same code at the same moment, on two worker threads: exactly one is linked, and a
     * reply saying "Linked" is only ever committed for the one that was. The other turn is refused whole (its
     * message is not acknowledged), and its redelivery hears that the code is used.
     */
    @Test
    void theSameCodeSentFromTwoAccountsAtOnceLinksOnlyOne() throws Exception {
        Bot bot = start();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 12; round++) {
                String owner = "r" + round;
                String code = codeIn(say(bot, Inbound.text("telegram", "telegram:" + owner, owner, "/link", "m" + messageId++, T0)));
                var web = Inbound.text("web", "web:race" + round, null, "/link " + code, "m" + messageId++, T0.plusSeconds(1));
                var dc = Inbound.text("discord", "discord:race" + round, "race" + round, "/link " + code, "m" + messageId++,
                        T0.plusSeconds(1));
                var go = new java.util.concurrent.CountDownLatch(1);
                var sent = new ArrayList<java.util.concurrent.Future<java.util.concurrent.CompletableFuture<Inbox.Outcome>>>();
                for (Inbound in : List.of(web, dc)) {
                    sent.add(pool.submit(() -> {
                        go.await();
                        return bot.inbox().submit(in);
                    }));
                }
                go.countDown();
                int refused = 0;
                for (int i = 0; i < 2; i++) {
                    try {
                        sent.get(i).get().join();
                    } catch (java.util.concurrent.CompletionException e) {
                        assertTrue(e.getCause() instanceof Store.LinkCodeGone, String.valueOf(e.getCause()));
                        refused++;
                        bot.inbox().submit(List.of(web, dc).get(i)).join(); // the platform delivers it again
                    }
                }
                assertTrue(refused <= 1);
                String ownerPerson = person(bot, ContactKey.of("telegram", owner, "telegram:" + owner));
                int linked = 0;
                for (Inbound in : List.of(web, dc)) {
                    String contact = ContactKey.of(in.channel(), in.userId(), in.conversationKey());
                    boolean isLinked = ownerPerson != null && ownerPerson.equals(person(bot, contact));
                    var lines = bot.store().transcript(in.conversationKey(), 0);
                    String reply = lines.get(lines.size() - 1).text();
                    assertEquals(isLinked, reply.startsWith("✅ Linked"), round + " " + in.channel() + ": " + reply);
                    assertEquals(!isLinked, reply.contains("wrong, used or expired"), reply);
                    linked += isLinked ? 1 : 0;
                }
                assertEquals(1, linked, "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCodeSurvivesARestartAndForgetUndoesTheLink() {
        Bot first = start();
        String code = codeIn(say(first, telegram("/link", T0)));
        first.close();
        open.remove(first);

        Bot second = start();
        assertTrue(say(second, web("/link " + code, T0.plusSeconds(300))).startsWith("✅ Linked"));
        assertEquals(person(second, TG), person(second, WEB));
        String export = new String(supportbot.safety.DataExport.of(second.store(), "web:w1", T0.plusSeconds(300)),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(export.contains("\"platform\" : \"telegram\"") && export.contains("\"linkedBy\" : \"you\""), export);
        assertFalse(export.contains("111"), "no other account's id in the export");
        say(second, web("/forget", T0.plusSeconds(301)));
        second.inbox().submit(Inbound.button("web", "web:w1", null, "forget:yes", "m" + messageId++, T0.plusSeconds(302)))
                .join();
        assertFalse(second.store().contactLink(WEB).isPresent());
        assertTrue(second.store().contactLinks().isEmpty(), "Telegram alone is no person");
    }
}
