package supportbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

/**
 * The agent desk and the supervisor dashboard in headless Chromium, with a user in the chat widget in another
 * tab: from the report to the rating on the dashboard. With SCREENSHOTS_DIR set, it also saves the pictures in
 * the README and docs/operators-guide.md.
 */
class DeskBrowserTest extends ChromiumDeskTest {

    DeskBrowserTest() {
        super("--window-size=1280,900");
    }

    private void signIn(String token) {
        browser.get(bot.url("/desk/"));
        WebElement field = wait.until(d -> d.findElement(By.id("token")));
        wait.until(d -> field.isDisplayed());
        field.clear();
        field.sendKeys(token);
        browser.findElement(By.id("sign-in")).click();
    }

    private void signOut() {
        wait.until(d -> d.findElement(By.id("logout")).isDisplayed());
        browser.findElement(By.id("logout")).click();
        wait.until(d -> d.findElement(By.id("token")).isDisplayed());
    }

    private WebElement button(String label, WebElement in) {
        return wait.until(d -> in.findElements(By.cssSelector(".msg-button")).stream()
                .filter(b -> b.getText().contains(label) && b.isEnabled()).findFirst().orElse(null));
    }

    private WebElement lastBotMessage() {
        var all = browser.findElements(By.cssSelector("#messages .msg-bot"));
        return all.get(all.size() - 1);
    }

    private void screenshot(String name) throws Exception {
        String target = System.getenv("SCREENSHOTS_DIR");
        if (target != null) {
            browser.executeScript("window.scrollTo(0, 0)");
            Files.createDirectories(Path.of(target));
            Files.write(Path.of(target, name), browser.getScreenshotAs(OutputType.BYTES));
        }
    }

    @Test
    void aReportGoesFromTheWidgetToTheDeskAndItsRatingToTheDashboard() throws Exception {
        String desk = browser.getWindowHandle();
        signIn("not-a-token");
        wait.until(d -> !d.findElement(By.id("sign-in-error")).getText().isBlank());
        signIn(LocalBot.ALICE);
        wait.until(d -> d.findElement(By.id("whoami")).getText().contains("alice"));
        assertTrue(browser.findElements(By.cssSelector("#dashboard-link")).stream().noneMatch(WebElement::isDisplayed),
                "no dashboard link for an agent");

        // The user, in another tab, reports a problem and asks for a human.
        browser.switchTo().newWindow(WindowType.TAB);
        String widget = browser.getWindowHandle();
        browser.get(bot.url("/"));
        wait.until(d -> d.findElement(By.id("input"))).sendKeys("the app crashes every time I open the asset page");
        browser.findElement(By.id("send")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#messages .msg-bot")).isEmpty());
        browser.findElement(By.id("input")).sendKeys("I want to talk to a human");
        browser.findElement(By.id("send")).click();
        wait.until(d -> lastBotMessage().getText().contains("#1001"));

        // The ticket appears in the desk without a reload; alice claims and answers.
        browser.switchTo().window(desk);
        WebElement row = wait.until(d -> d.findElements(By.cssSelector("#queue .ticket-row[data-id='1001']")).stream()
                .findFirst().orElse(null));
        String sla = wait.until(d -> { String s = row.findElement(By.cssSelector(".sla")).getText(); return s.matches("(?s).*\\d.*") ? s : null; });
        assertTrue(sla.matches("(?s).*\\d.*"), "an SLA countdown is shown: " + row.getText());
        row.click();
        wait.until(d -> d.findElement(By.id("ticket")).isDisplayed() && d.findElement(By.id("ticket-card")).getText().contains("1001"));
        wait.until(d -> d.findElement(By.id("transcript")).getText().contains("asset page"));
        browser.findElement(By.id("claim")).click();
        wait.until(d -> d.findElement(By.id("ticket-card")).getText().toLowerCase().contains("assigned"));
        browser.findElement(By.id("reply-text")).sendKeys("Hi! Which app version are you on?");
        browser.findElement(By.id("reply-send")).click();
        wait.until(d -> d.findElement(By.id("transcript")).getText().contains("Which app version"));
        screenshot("desk.png");

        // The user sees the agent's reply, with the agent's verification code.
        browser.switchTo().window(widget);
        WebElement reply = wait.until(d -> d.findElements(By.cssSelector("#messages .msg-agent")).stream()
                .filter(m -> m.getText().contains("Which app version")).findFirst().orElse(null));
        assertTrue(reply.getText().contains("alice ("), reply.getText());

        // Resolved; the user rates five stars.
        browser.switchTo().window(desk);
        wait.until(d -> d.findElement(By.id("resolve")).isEnabled() && d.findElement(By.id("resolve")).isDisplayed());
        browser.findElement(By.id("resolve")).click();
        try {
            wait.until(d -> d.findElement(By.id("ticket-card")).getText().toLowerCase().contains("resolved"));
        } catch (RuntimeException e) {
            throw new AssertionError("card: " + browser.findElement(By.id("ticket-card")).getText() + " / error: "
                    + browser.findElement(By.id("action-error")).getText(), e);
        }
        browser.switchTo().window(widget);
        wait.until(d -> lastBotMessage().getText().contains("How was our service"));
        button("★★★★★", lastBotMessage()).click();
        // Five stars: no "which part could have been better", straight to the optional comment.
        wait.until(d -> lastBotMessage().getText().contains("Anything else"));
        assertFalse(lastBotMessage().getText().contains("Which part"), lastBotMessage().getText());
        browser.findElement(By.id("input")).sendKeys("Quick and kind, thanks");
        browser.findElement(By.id("send")).click();
        wait.until(d -> lastBotMessage().getText().contains("Thank you for your feedback"));
        screenshot("widget.png");

        // An agent cannot open the dashboard; the supervisor sees the rating there.
        browser.switchTo().window(desk);
        browser.get(bot.url("/desk/dashboard.html"));
        wait.until(d -> d.findElement(By.id("forbidden")).isDisplayed());
        browser.get(bot.url("/desk/"));
        signOut();
        signIn(LocalBot.SUE);
        wait.until(d -> d.findElement(By.id("dashboard-link")).isDisplayed());
        browser.get(bot.url("/desk/dashboard.html"));
        wait.until(d -> d.findElement(By.id("tile-csat")).getText().contains("5"));
        assertTrue(browser.findElement(By.id("agents")).getText().contains("alice"));
        assertTrue(browser.findElement(By.id("chart-tickets")).isDisplayed());
        screenshot("dashboard.png");
    }

    @Test
    void theDeskWorksOnAPhoneSizedScreenWithoutSideways() {
        browser.manage().window().setSize(new Dimension(375, 812));
        signIn(LocalBot.ALICE);
        wait.until(d -> d.findElement(By.id("whoami")).isDisplayed());
        Object scroll = browser.executeScript("return document.documentElement.scrollWidth");
        assertTrue(((Number) scroll).intValue() <= 376, "no horizontal scrolling: " + scroll);
        List<String> unlabelled = new ArrayList<>();
        for (WebElement input : browser.findElements(By.cssSelector("input, select, textarea"))) {
            String id = input.getAttribute("id");
            boolean labelled = input.getAttribute("aria-label") != null
                    || !browser.findElements(By.cssSelector("label[for='" + id + "']")).isEmpty()
                    || "hidden".equals(input.getAttribute("type"));
            if (!labelled) {
                unlabelled.add(id);
            }
        }
        assertEquals(List.of(), unlabelled, "every field has a label");
    }
}
