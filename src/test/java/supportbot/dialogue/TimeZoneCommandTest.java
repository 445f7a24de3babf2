package supportbot.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** /tz per conversation: common spellings work, anything else is refused in the user's language and changes nothing. */
class TimeZoneCommandTest {
    @Test
    void aConversationStartsInTheConfiguredZone() {
        var h = new EngineHarness().say("hello");
        assertEquals(EngineHarness.DATA.details().defaultZone().getId(), h.state.zone());
    }

    @Test
    void commonFormsAreAccepted() {
        var h = new EngineHarness();
        assertEquals("UTC+08:00", h.say("/tz UTC+8").state.zone());
        assertTrue(h.reply().contains("UTC+08:00"), h.reply());
        assertEquals("GMT-05:00", h.say("/tz GMT-5").state.zone());
        assertEquals("Europe/Berlin", h.say("/tz europe/berlin").state.zone());
        assertEquals("Asia/Shanghai", h.say("/tz 北京时间").state.zone());
    }

    @Test
    void anUnknownZoneIsRefusedInBothLanguagesAndTheZoneStays() {
        var en = new EngineHarness().say("/tz Europe/Berlin");
        en.say("/tz Mars/Olympus");
        assertEquals("Europe/Berlin", en.state.zone());
        assertTrue(en.reply().contains("Mars/Olympus") && en.reply().contains("not changed"), en.reply());

        var zh = new EngineHarness().say("/lang zh").say("/tz 火星时间");
        assertEquals(EngineHarness.DATA.details().defaultZone().getId(), zh.state.zone());
        assertTrue(zh.reply().contains("「火星时间」") && zh.reply().contains("没有更改"), zh.reply());
    }

    @Test
    void tzAloneTellsTheCurrentZone() {
        var h = new EngineHarness().say("/tz Asia/Tokyo").say("/tz");
        assertEquals("Asia/Tokyo", h.state.zone());
        assertTrue(h.reply().contains("Asia/Tokyo"), h.reply());
    }

    @Test
    void aTimeIsReadInTheUsersZone() {
        var h = new EngineHarness().say("/tz Europe/Berlin");
        h.say("my USDT transfer failed yesterday at 15:00");
        String time = h.value(supportbot.dialogue.details.DetailType.TIME);
        assertTrue(time != null && time.contains("15:00+01:00"), "Berlin in November is UTC+1: " + time + " / " + h.reply());
    }
}
