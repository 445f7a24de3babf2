package supportbot.web;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A browser test's world: the bot on localhost and one headless Chromium, both new for each test and thrown away
 * after it, so no test sees another's tickets, cookies or storage.
 */
abstract class ChromiumDeskTest {
    @TempDir
    protected Path dir;
    protected LocalBot bot;
    protected ChromeDriver browser;
    protected WebDriverWait wait;
    private final String[] browserArguments;

    /** @param browserArguments chromium's, such as the window size and the language the desk should pick */
    protected ChromiumDeskTest(String... browserArguments) {
        this.browserArguments = browserArguments;
    }

    @BeforeEach
    void startBotAndBrowser() throws Exception {
        browser = HeadlessChromium.start(dir, browserArguments);
        bot = new LocalBot(dir);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void stopBotAndBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (bot != null) {
            bot.close();
        }
    }
}
