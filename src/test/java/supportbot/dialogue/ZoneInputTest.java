package supportbot.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ZoneInputTest {
    private static String parsed(String text) {
        return ZoneInput.parse(text).map(ZoneId::getId).orElse("none");
    }

    @Test
    void regionIdsInAnyCaseAndCitiesAlone() {
        assertEquals("Asia/Shanghai", parsed("Asia/Shanghai"));
        assertEquals("Asia/Shanghai", parsed("  asia/shanghai "));
        assertEquals("Europe/Berlin", parsed("Berlin"));
        assertEquals("America/New_York", parsed("new york"));
    }

    @Test
    void offsetsAsPeopleWriteThem() {
        assertEquals("UTC+08:00", parsed("UTC+8"));
        assertEquals("UTC+08:00", parsed("utc +8"));
        assertEquals("GMT-05:00", parsed("GMT-5"));
        assertEquals("UTC+05:30", parsed("UTC+05:30"));
        assertEquals("UTC-03:00", parsed("-3"));
        assertEquals("UTC", parsed("utc"));
    }

    @Test
    void chineseNames() {
        assertEquals("Asia/Shanghai", parsed("北京时间"));
        assertEquals("Asia/Tokyo", parsed("东京"));
        assertEquals("UTC+08:00", parsed("东八区"));
        assertEquals("UTC-05:00", parsed("西五区"));
    }

    @Test
    void nonsenseIsNoZone() {
        for (String bad : new String[] {"", "   ", "Mars/Olympus", "UTC+25", "明天", "hello world", "东十五区", "+8:99"}) {
            assertEquals(Optional.empty(), ZoneInput.parse(bad), bad);
        }
        assertEquals(Optional.empty(), ZoneInput.parse(null));
    }
}
