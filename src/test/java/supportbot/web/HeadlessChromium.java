package supportbot.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's chromium driven by its chromedriver, headless, with a throwaway profile and no background traffic. */
final class HeadlessChromium {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /**
     * The zone the browser believes it is in. The chat widget sends it when it opens a session and the bot reads
     * times in it, so it is pinned (to the bot's configured zone) rather than left to the machine running the tests.
     */
    static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Shanghai");

    /** Skips the calling test on a machine without chromium (.ci/run installs it). */
    static ChromeDriver start(Path profileParent, String... extraArguments) throws IOException {
        return start(profileParent, ZONE, extraArguments);
    }

    /** @param zone the browser's time zone (chromium reads TZ) */
    static ChromeDriver start(Path profileParent, java.time.ZoneId zone, String... extraArguments) throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (.ci/run installs them)");
        var options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--user-data-dir=" + Files.createDirectories(profileParent.resolve("profile")));
        options.addArguments(extraArguments);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withEnvironment(java.util.Map.of("TZ", zone.getId())).build();
        return new ChromeDriver(service, options);
    }
}
