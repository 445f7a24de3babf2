package supportbot.dialogue.details;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static supportbot.dialogue.details.DetailFixtures.SHANGHAI;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import supportbot.faq.Lang;

/**
 * Device and app version read from the same sentence, never mixed: the version after "app"/"钱包" is the app's,
 * the one after an OS name is the system's. "-" means not found. Full-width and traditional text read the same.
 */
class DeviceAppVersionTest {

    private static void check(String text, Lang lang, String device, String app) {
        Map<DetailType, DetailValue> found = DetailFixtures.PARSERS.extractAll(text, SHANGHAI, lang);
        assertEquals(device, value(found, DetailType.DEVICE), "device of " + text);
        assertEquals(app, value(found, DetailType.APP_VERSION), "app version of " + text);
    }

    private static String value(Map<DetailType, DetailValue> found, DetailType type) {
        return found.containsKey(type) ? found.get(type).value() : "-";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            红米note12 app版本6.1.0                 | Redmi Note 12 / Android         | 6.1.0
            紅米note12 app版本6.1.0                 | Redmi Note 12 / Android         | 6.1.0
            小米13 安卓14，钱包版本5.3.1              | Xiaomi 13 / Android 14          | 5.3.1
            iPhone 15 iOS 17.2 app是6.0.2          | iPhone 15 / iOS 17.2            | 6.0.2
            苹果手机 系统17.1 App版本 5.9            | iPhone / iOS 17.1               | 5.9
            华为Mate60 鸿蒙4 客户端6.1              | Huawei Mate 60 / HarmonyOS 4    | 6.1
            三星S23 安卓14 app v6.1.0              | Samsung S23 / Android 14        | 6.1.0
            用的iPhone13，app版本号是6.0.1           | iPhone 13 / iOS                 | 6.0.1
            ｉＰｈｏｎｅ １５ ａｐｐ版本６．１．０       | iPhone 15 / iOS                 | 6.1.0
            vivo X100 安卓14 钱包6.1.2              | vivo X100 / Android 14          | 6.1.2
            OPPO Find X7 app 6.0                   | OPPO Find X7 / Android          | 6.0
            一加12 app版本：6.1.0                    | OnePlus 12 / Android            | 6.1.0
            荣耀90 安卓13 app 5.8.3                 | Honor 90 / Android 13           | 5.8.3
            ipad air 钱包版本5.2                     | iPad Air / iPadOS               | 5.2
            小米14 应用版本6.1.0                     | Xiaomi 14 / Android             | 6.1.0
            Pixel 8 安卓14 app版本6.1.0             | Pixel 8 / Android 14            | 6.1.0
            iPhone 12，系统16.5                     | iPhone 12 / iOS 16.5            | -
            iPhone 15 iOS 17.2                     | iPhone 15 / iOS 17.2            | -
            小米13 安卓14                           | Xiaomi 13 / Android 14          | -
            华为P60                                | Huawei P60                      | -
            红米 Note 12 Pro                        | Redmi Note 12 Pro / Android     | -
            三星 Galaxy S23 Ultra                   | Samsung Galaxy S23 Ultra / Android | -
            用的安卓手机，app是最新版6.1.0              | Android                         | 6.1.0
            钱包版本6.0.9 手机是iPhone 14 Pro         | iPhone 14 Pro / iOS             | 6.0.9
            app版本6.1.0，iOS 17                    | iOS 17                          | 6.1.0
            安卓12 App 6.1                          | Android 12                      | 6.1
            鸿蒙4.2 钱包5.9.1                        | HarmonyOS 4.2                   | 5.9.1
            我的手机是小米，钱包版本v6.1.0              | Xiaomi / Android                | 6.1.0
            Windows 11 Chrome 客户端5.0.1            | Windows 11, Chrome              | 5.0.1
            MacBook Pro macOS 14 钱包5.1             | MacBook Pro / macOS 14          | 5.1
            iPhone15 pro max 更新到app 6.1.0 后闪退   | iPhone 15 Pro Max / iOS         | 6.1.0
            转账失败，app版本6.1.0                    | -                               | 6.1.0
            钱包App一打开就闪退                        | -                               | -
            app升级后打不开了                          | -                               | -
            安卓系统版本14                            | Android 14                      | -
            华为mate60 pro 鸿蒙4 app 6.0             | Huawei Mate 60 Pro / HarmonyOS 4 | 6.0
            iPhone 11 ios16.7 钱包 v5.8              | iPhone 11 / iOS 16.7            | 5.8
            三星A54 安卓13 应用6.1.0                  | Samsung A54 / Android 13        | 6.1.0
            小米 13 Ultra 安卓 14 app 6.1.0          | Xiaomi 13 Ultra / Android 14    | 6.1.0
            荣耀 Magic6 app版本6.1                   | Honor Magic 6 / Android         | 6.1
            """)
    void chinese(String text, String device, String app) {
        check(text, Lang.ZH, device, app);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            iOS 17.2, wallet v5.3.1                         | iOS 17.2                     | 5.3.1
            iPhone 15 on iOS 17.2 with app version 6.1.0     | iPhone 15 / iOS 17.2         | 6.1.0
            Samsung S23 Android 14, app 6.1.0                | Samsung S23 / Android 14     | 6.1.0
            Pixel 8, Android 14, wallet version 6.0.2        | Pixel 8 / Android 14         | 6.0.2
            app version 6.1.0 on my iPhone 13                | iPhone 13 / iOS              | 6.1.0
            using the app v5.9 on android 13                 | Android 13                   | 5.9
            iphone 14 pro ios 17 app 6.1                     | iPhone 14 Pro / iOS 17       | 6.1
            Xiaomi 13 Android 14 wallet 6.1.2                | Xiaomi 13 / Android 14       | 6.1.2
            iPad Air iOS 12, app version: 5.2                | iPad Air / iPadOS 12         | 5.2
            Windows 11 Chrome, app 5.0.1                     | Windows 11, Chrome           | 5.0.1
            MacBook Pro macOS 14 wallet v5.1                 | MacBook Pro / macOS 14       | 5.1
            OnePlus 12 android 14 app ver 6.1.0              | OnePlus 12 / Android 14      | 6.1.0
            Huawei Mate 60 HarmonyOS 4, app 6.0              | Huawei Mate 60 / HarmonyOS 4 | 6.0
            Galaxy S24 Ultra, wallet app version 6.1         | Samsung Galaxy S24 Ultra / Android | 6.1
            my phone is a Redmi Note 12, app version 6.1.0   | Redmi Note 12 / Android      | 6.1.0
            vivo X100 app 6.1.2                              | vivo X100 / Android          | 6.1.2
            Pixel 7, the app version is 6.3.1                | Pixel 7 / Android            | 6.3.1
            iphone 12 ios 16.5                               | iPhone 12 / iOS 16.5         | -
            iPhone 15 iOS 17.2                               | iPhone 15 / iOS 17.2         | -
            Samsung S23 Android 14                           | Samsung S23 / Android 14     | -
            Pixel 8                                          | Pixel 8 / Android            | -
            Windows 11 Chrome                                | Windows 11, Chrome           | -
            win10 edge                                       | Windows 10, Edge             | -
            MacBook Pro macOS 14                             | MacBook Pro / macOS 14       | -
            android 14                                       | Android 14                   | -
            ios 17.1.2                                       | iOS 17.1.2                   | -
            the app crashes since version 6.1.0 on iOS 17    | iOS 17                       | 6.1.0
            wallet version 6.1.0                             | -                            | 6.1.0
            app v6.0.3                                       | -                            | 6.0.3
            the app keeps crashing                           | -                            | -
            after updating the app it won't open             | -                            | -
            iPhone 13 mini, iOS 17.4, wallet 6.1             | iPhone 13 mini / iOS 17.4    | 6.1
            Samsung A54 Android 13, app 6.1.0                | Samsung A54 / Android 13     | 6.1.0
            OPPO Reno 10 app version 6.0.1                   | OPPO Reno 10 / Android       | 6.0.1
            iPhone SE iOS 16 app 5.9.0                       | iPhone SE / iOS 16           | 5.9.0
            Honor 90 Android 13 wallet 5.8.3                 | Honor 90 / Android 13        | 5.8.3
            iPhone 15 Pro Max app 6.1.0                      | iPhone 15 Pro Max / iOS      | 6.1.0
            android phone, app version 6.1                   | Android                      | 6.1
            my ipad, wallet v5.2.0                           | iPad / iPadOS                | 5.2.0
            Pixel 7a Android 14 app 6.1                      | Pixel 7a / Android 14        | 6.1
            ｉＰｈｏｎｅ １５ ａｐｐ ６．１．０               | iPhone 15 / iOS              | 6.1.0
            """)
    void english(String text, String device, String app) {
        check(text, Lang.EN, device, app);
    }
}
