package supportbot.dialogue;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time zone as people write it after /tz or as a browser reports it: region ids in any case
 * ("asia/shanghai"), a city alone ("Berlin"), offsets ("UTC+8", "GMT-5", "+05:30") and the Chinese names
 * users actually type ("北京时间"). Offsets keep their UTC/GMT spelling so the user recognises what they typed.
 */
public final class ZoneInput {
    /** "UTC+8", "gmt -5", "UTC+05:30", "+8", "utc": the offset part is optional for UTC and GMT alone. */
    private static final Pattern OFFSET = Pattern.compile(
            "(?i)(utc|gmt)?\\s*([+-])\\s*(\\d{1,2})(?:[:：]?(\\d{2}))?|(utc|gmt|z)");
    /** Names in Chinese (and a few English ones) that are not zone ids; the large cities users write. */
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("北京时间", "Asia/Shanghai"), Map.entry("北京", "Asia/Shanghai"), Map.entry("中国", "Asia/Shanghai"),
            Map.entry("中国时间", "Asia/Shanghai"), Map.entry("上海", "Asia/Shanghai"),
            Map.entry("china", "Asia/Shanghai"), Map.entry("beijing", "Asia/Shanghai"),
            Map.entry("香港", "Asia/Hong_Kong"), Map.entry("香港时间", "Asia/Hong_Kong"),
            Map.entry("台北", "Asia/Taipei"), Map.entry("台湾", "Asia/Taipei"), Map.entry("台灣", "Asia/Taipei"),
            Map.entry("澳门", "Asia/Macau"), Map.entry("新加坡", "Asia/Singapore"), Map.entry("东京", "Asia/Tokyo"),
            Map.entry("日本", "Asia/Tokyo"), Map.entry("首尔", "Asia/Seoul"), Map.entry("韩国", "Asia/Seoul"),
            Map.entry("迪拜", "Asia/Dubai"), Map.entry("伦敦", "Europe/London"), Map.entry("英国", "Europe/London"),
            Map.entry("柏林", "Europe/Berlin"), Map.entry("巴黎", "Europe/Paris"), Map.entry("莫斯科", "Europe/Moscow"),
            Map.entry("纽约", "America/New_York"), Map.entry("洛杉矶", "America/Los_Angeles"),
            Map.entry("悉尼", "Australia/Sydney"), Map.entry("格林尼治时间", "UTC"));
    private static final Pattern CHINESE_OFFSET = Pattern.compile("([东東西])([一二三四五六七八九十]{1,3})区");

    private ZoneInput() {
    }

    /** @return the zone, or empty when the text names none (the caller tells the user and changes nothing) */
    public static Optional<ZoneId> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.strip();
        String known = NAMES.get(s.toLowerCase(Locale.ROOT));
        if (known != null) {
            return Optional.of(ZoneId.of(known));
        }
        Optional<ZoneId> district = chineseOffset(s);
        if (district.isPresent()) {
            return district;
        }
        Matcher m = OFFSET.matcher(s);
        if (m.matches()) {
            return offset(m);
        }
        return region(s);
    }

    /** "东八区", "西五区": the offset as Chinese users name it. */
    private static Optional<ZoneId> chineseOffset(String s) {
        Matcher m = CHINESE_OFFSET.matcher(s);
        if (!m.matches()) {
            return Optional.empty();
        }
        int hours = chineseNumber(m.group(2));
        boolean east = !m.group(1).equals("西");
        return hours < 1 || hours > 12 ? Optional.empty() : Optional.of(ZoneOffset.ofHours(east ? hours : -hours))
                .map(o -> ZoneId.ofOffset("UTC", o));
    }

    private static int chineseNumber(String s) {
        String digits = "一二三四五六七八九";
        if (s.equals("十")) {
            return 10;
        }
        if (s.startsWith("十")) {
            return 10 + digits.indexOf(s.charAt(1)) + 1;
        }
        return s.length() == 1 ? digits.indexOf(s.charAt(0)) + 1 : -1;
    }

    private static Optional<ZoneId> offset(Matcher m) {
        if (m.group(5) != null) {
            return Optional.of(ZoneId.of("UTC"));
        }
        String prefix = m.group(1) == null ? "UTC" : m.group(1).toUpperCase(Locale.ROOT);
        int hours = Integer.parseInt(m.group(3));
        int minutes = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        int sign = m.group(2).equals("-") ? -1 : 1;
        try {
            ZoneOffset offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
            return Optional.of(ZoneId.ofOffset(prefix, offset));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** "Asia/Shanghai" in any case, or a city alone ("new york" → America/New_York). */
    private static Optional<ZoneId> region(String s) {
        String wanted = s.replace(' ', '_');
        for (String id : ZoneId.getAvailableZoneIds()) {
            if (id.equalsIgnoreCase(wanted)) {
                return Optional.of(ZoneId.of(id));
            }
        }
        if (!wanted.matches("[A-Za-z_]{3,}")) {
            return Optional.empty();
        }
        return ZoneId.getAvailableZoneIds().stream().filter(id -> id.contains("/") && !id.startsWith("Etc/")
                        && !id.startsWith("SystemV/"))
                .filter(id -> id.substring(id.lastIndexOf('/') + 1).equalsIgnoreCase(wanted)).sorted().findFirst()
                .map(ZoneId::of);
    }
}
