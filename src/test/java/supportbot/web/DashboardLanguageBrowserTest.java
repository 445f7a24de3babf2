package supportbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The supervisor dashboard in the agent's one desk language, switchable there too and remembered for the desk. */
class DashboardLanguageBrowserTest extends ChromiumDeskTest {
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final String PAGE_TEXT = "const c = document.getElementById('dashboard-view').cloneNode(true);"
            + " c.querySelectorAll('.lang-toggle').forEach(b => b.remove()); return c.textContent;";


    DashboardLanguageBrowserTest() {
        super("--window-size=1280,900", "--lang=en-US");
    }

    @Test
    void theDashboardFollowsTheDeskLanguageAndSwitches() {
        bot.committer.submit(tx -> tx.voteFaq("pin", false)).join();
        browser.get(bot.url("/desk/"));
        browser.executeScript("localStorage.setItem('desk.lang', 'zh')");
        browser.navigate().refresh();
        WebElement field = wait.until(d -> d.findElement(By.id("token")));
        wait.until(d -> field.isDisplayed());
        field.sendKeys(LocalBot.SUE);
        browser.findElement(By.id("sign-in")).click();
        wait.until(d -> d.findElement(By.id("whoami")).getText().contains("sue"));

        browser.get(bot.url("/desk/dashboard.html"));
        WebElement view = wait.until(d -> d.findElement(By.id("dashboard-view")));
        wait.until(d -> view.isDisplayed() && !d.findElement(By.cssSelector("#tile-tickets .big")).getText().isEmpty());
        assertEquals("主管仪表板", browser.findElement(By.cssSelector(".topbar h1")).getText());
        assertEquals("客服", browser.findElement(By.cssSelector("#agents thead th")).getText());
        String zh = (String) browser.executeScript(PAGE_TEXT);
        for (String english : new String[] {" / ", "Supervisor dashboard", "Tickets", "median", "Agents", "Refresh"}) {
            assertFalse(zh.contains(english), "one language only, found '" + english + "': " + zh);
        }
        assertEquals("zh-CN", browser.executeScript("return document.documentElement.lang"));

        WebElement toggle = browser.findElement(By.id("dash-lang"));
        assertEquals("English", toggle.getText(), "the way back is named in English");
        toggle.click();
        wait.until(d -> d.findElement(By.cssSelector(".topbar h1")).getText().equals("Supervisor dashboard"));
        wait.until(d -> !d.findElement(By.cssSelector("#tile-tickets .sub")).getText().isEmpty());
        String en = (String) browser.executeScript(PAGE_TEXT);
        assertFalse(HAN.matcher(en).find(), "no Chinese on an English dashboard: " + en);
        assertEquals("en", browser.executeScript("return localStorage.getItem('desk.lang')"), "the desk follows");
        WebElement unhelpful = browser.findElement(By.cssSelector("#unhelpful li"));
        assertEquals(true, unhelpful.getText().startsWith("How do I reset my PIN code?"), "the question, not the id: "
                + unhelpful.getText());
    }
}
