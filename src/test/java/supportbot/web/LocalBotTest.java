package supportbot.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh {@link LocalBot} per test, with an HTTP client to talk to it. */
abstract class LocalBotTest {
    @TempDir
    Path dir;

    LocalBot bot;
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() throws Exception {
        bot = new LocalBot(dir);
    }

    @AfterEach
    void stop() {
        bot.close();
    }
}
