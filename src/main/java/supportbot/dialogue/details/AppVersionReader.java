package supportbot.dialogue.details;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * APP_VERSION: the version of our app, kept apart from the phone's system version. In a sentence only a version
 * that is clearly the app's counts ("app版本6.1.0", "wallet v5.3.1", "钱包 5.3"); a version right after an OS
 * name ("iOS 17.2", "安卓14") belongs to the device.
 */
final class AppVersionReader {
    record Found(int start, int end, String version) {
    }

    private static final String VERSION = "v?(\\d{1,3}(?:\\.\\d{1,4}){1,3})(?![\\d.])";
    /** "app版本6.1.0", "App version: 6.1", "钱包v5.3.1", "客户端 5.2", "wallet v5.3.1", "app 6.1.0". */
    private static final Pattern NAMED = Pattern.compile("(?<![a-z])(?:app|wallet|钱包|客户端|应用|软件)\\s*"
            + "(?:的)?\\s*(?:版本号?|version|ver\\.?)?\\s*(?:是|为|:|：|=|is)?\\s*(?:最新的?版?本?)?\\s*" + VERSION);
    /** "版本6.1.0" / "version 6.1" without naming the app: only when no OS name precedes it closely. */
    private static final Pattern BARE = Pattern.compile("(?<![a-z])(?:版本号?|version|ver\\.?)\\s*(?:是|为|:|：|is)?\\s*"
            + VERSION);
    /** "更新到6.2.1之后", "updated to 6.2.1": the version the app was updated to, unless a system was named. */
    private static final Pattern UPDATED = Pattern.compile("(?:更新|升级|升級|(?<![a-z])(?:updated?|upgraded?)(?:\\s+(?:the\\s+)?(?:app|wallet))?)\\s*"
            + "(?:了|到|至|成|to)?\\s*(?:了|到)?\\s*(?:最新的?)?\\s*(?:版本?|version)?\\s*" + VERSION);
    private static final Pattern OS_NAMED = Pattern.compile(
            "ios|ipados|android|安卓|鸿蒙|harmony|windows|macos|系统|系統|firmware|固件|phone|手机|手機");
    private static final Pattern OS_BEFORE = Pattern.compile(
            "(?:ios|ipados|android|安卓|鸿蒙|harmony\\s*os|harmonyos|windows|macos|系统)\\s*(?:的)?\\s*$");
    /** A reply to "which app version?": the version alone ("6.1.0", "v5.3"). */
    private static final Pattern REPLY = Pattern.compile("^\\s*(?:(?:app|wallet|钱包)\\s*)?(?:版本号?|version)?\\s*"
            + "(?:是|为|:|：|is)?\\s*" + VERSION + "\\s*(?:版本?)?\\s*[.。!！]?\\s*$");

    Optional<Found> find(String text) {
        String lower = AliasIndex.lower(text);
        Matcher m = NAMED.matcher(lower);
        if (m.find()) {
            return Optional.of(new Found(m.start(), m.end(), m.group(1)));
        }
        Matcher b = BARE.matcher(lower);
        while (b.find()) {
            if (!OS_BEFORE.matcher(lower.substring(Math.max(0, b.start() - 12), b.start())).find()) {
                return Optional.of(new Found(b.start(), b.end(), b.group(1)));
            }
        }
        Matcher u = UPDATED.matcher(lower);
        while (u.find()) {
            if (!OS_NAMED.matcher(lower.substring(Math.max(0, u.start() - 12), u.start())).find()) {
                return Optional.of(new Found(u.start(), u.end(), u.group(1)));
            }
        }
        return Optional.empty();
    }

    ParseResult parse(String text) {
        Optional<Found> found = find(text);
        if (found.isEmpty()) {
            Matcher reply = REPLY.matcher(AliasIndex.lower(text));
            if (reply.matches()) {
                found = Optional.of(new Found(0, text.length(), reply.group(1)));
            }
        }
        return found.map(f -> ParseResult.ok(value(f.version())))
                .orElseGet(() -> ParseResult.hint(HintKeys.APP_VERSION_INVALID));
    }

    static DetailValue value(String version) {
        return new DetailValue(DetailType.APP_VERSION, version, version);
    }
}
