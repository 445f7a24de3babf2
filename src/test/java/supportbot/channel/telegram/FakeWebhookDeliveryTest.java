package supportbot.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The fake's Telegram-like webhook delivery: retried until 2xx, each chat in order, a cap on open POSTs. */
class FakeWebhookDeliveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void failedPostsAreRetriedInOrderPerChatWithAtMostTheAllowedConnectionsOpen() throws Exception {
        var open = new AtomicInteger();
        var mostOpen = new AtomicInteger();
        var failuresLeft = new ConcurrentHashMap<String, Integer>(Map.of("c1-m2", 2, "c2-m1", 1));
        var taken = new CopyOnWriteArrayList<String>();
        var secrets = new CopyOnWriteArrayList<String>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newFixedThreadPool(16));
        receiver.createContext("/hook", exchange -> {
            mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
            try {
                secrets.add(exchange.getRequestHeaders().getFirst("X-Telegram-Bot-Api-Secret-Token"));
                String text = JSON.readTree(exchange.getRequestBody()).at("/message/text").asText();
                Thread.sleep(30);
                boolean fail = failuresLeft.computeIfPresent(text, (k, n) -> n - 1) != null
                        && failuresLeft.get(text) >= 0;
                if (!fail) {
                    taken.add(text);
                }
                exchange.sendResponseHeaders(fail ? 502 : 200, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                open.decrementAndGet();
                exchange.close();
            }
        });
        receiver.start();
        try (var fake = FakeBotApi.start(TelegramTestBot.TOKEN)) {
            var http = HttpClient.newHttpClient();
            String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            var set = http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/bot" + TelegramTestBot.TOKEN
                    + "/setWebhook?url=" + hook + "&secret_token=abc_123")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, set.statusCode(), set.body());
            fake.deliverWebhooksLikeTelegram(2);
            for (int m = 1; m <= 4; m++) {
                for (long chat = 1; chat <= 5; chat++) {
                    fake.userText(chat, "c" + chat + "-m" + m);
                }
            }
            fake.awaitCondition(() -> fake.webhookBacklog() == 0, Duration.ofSeconds(30), "every update taken");
            assertEquals(20, taken.size(), "each update taken once: " + taken);
            for (long chat = 1; chat <= 5; chat++) {
                var mine = new ArrayList<String>();
                for (String t : taken) {
                    if (t.startsWith("c" + chat + "-")) {
                        mine.add(t);
                    }
                }
                assertEquals(List.of("c" + chat + "-m1", "c" + chat + "-m2", "c" + chat + "-m3", "c" + chat + "-m4"), mine,
                        "a chat's updates arrive in order, a failed one holding back the rest");
            }
            assertEquals(3, fake.webhookFailedPosts());
            assertTrue(mostOpen.get() <= 2, "at most max_connections POSTs at once, saw " + mostOpen.get());
            assertEquals(2, mostOpen.get(), "and both connections were used");
            assertTrue(secrets.stream().allMatch("abc_123"::equals), "every POST carries the secret");
        } finally {
            receiver.stop(0);
        }
    }
}
