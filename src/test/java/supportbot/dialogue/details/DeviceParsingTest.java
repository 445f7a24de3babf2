package supportbot.dialogue.details;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static supportbot.dialogue.details.DetailFixtures.SETTINGS;
import static supportbot.dialogue.details.DetailFixtures.assertHint;
import static supportbot.dialogue.details.DetailFixtures.assertOk;
import static supportbot.dialogue.details.DetailFixtures.parse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceParsingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            iPhone 15 iOS 17.2       | iPhone 15 / iOS 17.2
            iphone 13 pro            | iPhone 13 Pro / iOS
            iPhone15 Pro Max         | iPhone 15 Pro Max / iOS
            iPhone                   | iPhone / iOS
            苹果手机                  | iPhone / iOS
            苹果                      | iPhone / iOS
            小米13 安卓14              | Xiaomi 13 / Android 14
            小米                      | Xiaomi / Android
            红米 Note 12 Pro           | Redmi Note 12 Pro / Android
            华为Mate60 鸿蒙4           | Huawei Mate 60 / HarmonyOS 4
            华为P60                   | Huawei P60
            Samsung S23 Android 14   | Samsung S23 / Android 14
            三星 Galaxy S23 Ultra     | Samsung Galaxy S23 Ultra / Android
            Pixel 8                  | Pixel 8 / Android
            vivo X100                | vivo X100 / Android
            Windows 11 Chrome        | Windows 11, Chrome
            win10 edge               | Windows 10, Edge
            mac                      | Mac / macOS
            MacBook Pro macOS 14     | MacBook Pro / macOS 14
            ipad                     | iPad / iPadOS
            iPad Air iOS 12          | iPad Air / iPadOS 12
            安卓                      | Android
            用的安卓手机               | Android
            Chrome浏览器              | Chrome
            iPhone 12，系统16.5        | iPhone 12 / iOS 16.5
            macOS Sonoma 14.1        | macOS 14.1
            """)
    void normalizesModelAndSystem(String text, String expected) {
        DetailValue v = assertOk(parse(DetailType.DEVICE, text));
        assertEquals(expected, v.value());
        assertEquals(DetailType.DEVICE, v.type());
    }

    @Test
    void everyConfiguredButtonIsAValidAnswer() {
        for (String button : SETTINGS.deviceButtons()) {
            assertOk(parse(DetailType.DEVICE, button));
        }
        assertEquals("iPhone / iOS", assertOk(parse(DetailType.DEVICE, "iPhone / iOS")).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"不知道", "my phone", "手机", "", "the usual one", "machine"})
    void unrecognisableDevicesGetExamples(String text) {
        assertHint(HintKeys.DEVICE_INVALID, parse(DetailType.DEVICE, text));
    }
}
