package supportbot.dialogue.details;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone and computer models, operating systems and browsers, as users name them: "iphone 13 pro", "小米13 安卓14",
 * "华为Mate60 鸿蒙4", "Windows 11 Chrome". The value reads "model / OS", plus ", browser" when one is named.
 */
final class DeviceReader {

    record Device(int start, int end, String model, String os, String browser) {
        String value() {
            String base = model == null ? os : os == null ? model : model + " / " + os;
            return base == null ? browser : browser == null ? base : base + ", " + browser;
        }
    }

    private record Brand(Pattern pattern, String name, String impliedOs, boolean takesModel, boolean replyOnly) {
    }

    private record Os(Pattern pattern, String name) {
    }

    // A name that starts (ends) with a Latin letter must not continue a Latin word: "mac" is not in "imacro"
    // or "machine". Chinese names need no boundary: "华为P60", "用小米13".
    private static final String LATIN_START = "(?:(?![a-z0-9])|(?<![a-z0-9]))";
    private static final String LATIN_END = "(?:(?<![a-z])|(?![a-z]))";
    /** Marks the Mac brand, whose model name is the matched word itself (MacBook Air, iMac, Mac mini). */
    private static final String MAC = "Mac";

    // Order matters where names overlap: "苹果电脑" before "苹果", "redmi" before "mi".
    private static final List<Brand> BRANDS = List.of(
            brand("iphone|苹果手机", "iPhone", "iOS", true),
            brand("ipad|苹果平板", "iPad", "iPadOS", true),
            // "苹果14": the fruit does not come with a model number.
            brand("苹果(?=\\s*\\d{1,2}(?![\\d个斤块元]))", "iPhone", "iOS", true),
            brand("macbook(?:\\s*(?:pro|air))?|imac|mac\\s*mini|mac(?!\\s*os)|苹果电脑", MAC, "macOS", false),
            brand("红米|redmi", "Redmi", "Android", true),
            brand("小米|xiaomi", "Xiaomi", "Android", true),
            brand("华为|huawei", "Huawei", null, true),
            brand("荣耀|honor", "Honor", "Android", true),
            brand("三星|samsung", "Samsung", "Android", true),
            brand("galaxy", "Samsung Galaxy", "Android", true),
            brand("pixel|谷歌手机", "Pixel", "Android", true),
            brand("一加|oneplus", "OnePlus", "Android", true),
            brand("oppo", "OPPO", "Android", true),
            brand("vivo", "vivo", "Android", true),
            brand("realme|真我", "realme", "Android", true),
            brand("魅族|meizu", "Meizu", "Android", true),
            brand("mate(?=\\s*\\d)", "Huawei Mate", null, true),
            brand("安卓手机|android\\s*phone", null, "Android", false),
            // "苹果" in a sentence may be the fruit; as the answer to "which phone?" it is an iPhone.
            new Brand(Pattern.compile("苹果"), "iPhone", "iOS", false, true));

    private static final List<Os> SYSTEMS = List.of(
            os("ipados\\s*(\\d+(?:\\.\\d+)*)?", "iPadOS"),
            os("ios\\s*(\\d+(?:\\.\\d+)*)?", "iOS"),
            os("(?:android|安卓)(?:系统)?(?:版本)?\\s*(\\d+(?:\\.\\d+)?)?", "Android"),
            os("(?:harmony\\s*os|harmonyos|鸿蒙)(?:系统)?\\s*(\\d+(?:\\.\\d+)?)?", "HarmonyOS"),
            os("(?:mac\\s*os(?:\\s*x)?)(?:\\s*(?:sequoia|sonoma|ventura|monterey|big\\s*sur|catalina|tahoe))?"
                    + "\\s*(\\d+(?:\\.\\d+)*)?", "macOS"),
            os("windows\\s*(\\d+|xp|vista)?|win\\s*(?=\\d)(\\d+)", "Windows"),
            os("ubuntu|linux", "Linux"));

    private static final Pattern SYSTEM_VERSION = Pattern.compile(
            "(?:系统|版本|(?<![a-z])(?:system|version|os))\\s*(?:版本|是|为|:|：)?\\s*v?(\\d{1,2}(?:\\.\\d+)*)(?![\\d.])");
    private static final Map<String, String> BROWSERS = Map.of(
            "chrome", "Chrome", "谷歌浏览器", "Chrome", "safari", "Safari", "firefox", "Firefox", "火狐", "Firefox",
            "edge", "Edge", "brave", "Brave", "opera", "Opera");
    private static final Pattern BROWSER = Pattern.compile(
            "(?<![a-z0-9])(chrome|safari|firefox|edge|brave|opera)(?![a-z])|(谷歌浏览器|火狐)");

    // Words that may follow a brand as part of the model name.
    private static final Pattern MODEL_WORD = Pattern.compile(
            "\\s*(pro\\+|pro|max|mate|ultra|plus|mini|lite|se|fe|xr|xs|x|air|note|turbo|neo|fold|flip|nova|find|reno|galaxy"
                    + "|[a-z]{1,6}\\d{1,4}[a-z]{0,2}|\\d{1,4}[a-z]{0,2})(?![a-z0-9])");
    private static final Pattern LETTERS_DIGITS = Pattern.compile("([a-z]+)(\\d+)([a-z]*)");
    private static final Pattern OS_WORD = Pattern.compile("\\s*(ios|ipados|android|harmony|win|mac)");
    private static final Map<String, String> WORD_CASE = Map.ofEntries(
            Map.entry("pro", "Pro"), Map.entry("pro+", "Pro+"), Map.entry("max", "Max"), Map.entry("ultra", "Ultra"),
            Map.entry("plus", "Plus"), Map.entry("mini", "mini"), Map.entry("lite", "Lite"), Map.entry("se", "SE"),
            Map.entry("fe", "FE"), Map.entry("xr", "XR"), Map.entry("xs", "XS"), Map.entry("x", "X"),
            Map.entry("air", "Air"), Map.entry("note", "Note"), Map.entry("turbo", "Turbo"), Map.entry("neo", "Neo"),
            Map.entry("fold", "Fold"), Map.entry("flip", "Flip"), Map.entry("nova", "nova"), Map.entry("find", "Find"),
            Map.entry("reno", "Reno"), Map.entry("mate", "Mate"), Map.entry("galaxy", "Galaxy"));

    /**
     * @param lenient a reply to the device question: a browser alone, or a bare "苹果", is then an answer;
     *                inside an arbitrary sentence it is not
     */
    Optional<Device> read(String text, boolean lenient) {
        String lower = AliasIndex.lower(text);
        int start = Integer.MAX_VALUE;
        int end = -1;
        String model = null;
        String impliedOs = null;
        for (Brand b : BRANDS) {
            if (b.replyOnly() && !lenient) {
                continue;
            }
            Matcher m = b.pattern().matcher(lower);
            if (m.find()) {
                int modelEnd = m.end();
                String brandName = MAC.equals(b.name()) ? macName(m.group()) : b.name();
                StringBuilder name = new StringBuilder(brandName == null ? "" : brandName);
                if (b.takesModel()) {
                    List<String> words = modelWords(lower, m.end());
                    for (String w : words) {
                        name.append(' ').append(caseWord(w));
                    }
                    modelEnd = endOfModelWords(lower, m.end(), words.size());
                }
                model = name.length() == 0 ? null : name.toString();
                impliedOs = b.impliedOs();
                start = m.start();
                end = modelEnd;
                break;
            }
        }
        String os = null;
        for (Os o : SYSTEMS) {
            Matcher m = o.pattern().matcher(lower);
            if (m.find()) {
                String version = m.group(1) != null ? m.group(1) : m.groupCount() > 1 ? m.group(2) : null;
                os = o.name() + (version == null ? "" : " " + version.toUpperCase(Locale.ROOT).replace("VISTA", "Vista"));
                start = Math.min(start, m.start());
                end = Math.max(end, m.end());
                break;
            }
        }
        if (model == null && os == null && !lenient) {
            return Optional.empty();
        }
        String browser = null;
        Matcher bm = BROWSER.matcher(lower);
        if (bm.find()) {
            browser = BROWSERS.get(bm.group(1) != null ? bm.group(1) : bm.group(2));
            start = Math.min(start, bm.start());
            end = Math.max(end, bm.end());
        }
        if (model == null && os == null && browser == null) {
            return Optional.empty();
        }
        if (os == null && impliedOs != null) {
            Matcher v = SYSTEM_VERSION.matcher(lower);
            os = impliedOs + (v.find() ? " " + v.group(1) : ""); // "iPhone 12，系统16.5"
        } else if (impliedOs != null && model != null && os.startsWith("iOS") && impliedOs.equals("iPadOS")) {
            os = "iPadOS" + os.substring(3); // iPads ran "iOS" up to 12, and users still call it that
        }
        return Optional.of(new Device(start, end, model, os, browser));
    }

    private static List<String> modelWords(String lower, int from) {
        List<String> words = new ArrayList<>();
        int at = from;
        boolean lastWasNumber = false;
        while (words.size() < 4) {
            if (OS_WORD.matcher(lower).region(at, lower.length()).lookingAt()) {
                break;
            }
            Matcher w = MODEL_WORD.matcher(lower).region(at, lower.length());
            if (!w.lookingAt()) {
                break;
            }
            boolean number = Character.isDigit(w.group(1).charAt(0));
            if (number && lastWasNumber) {
                break; // "iPhone 15 100U": the second number is something else
            }
            words.add(w.group(1));
            lastWasNumber = number;
            at = w.end();
        }
        return words;
    }

    private static int endOfModelWords(String lower, int from, int count) {
        int at = from;
        for (int i = 0; i < count; i++) {
            Matcher w = MODEL_WORD.matcher(lower).region(at, lower.length());
            w.lookingAt();
            at = w.end();
        }
        return at;
    }

    /** "s23" → "S23", "mate60" → "Mate 60", "7a" stays, "pro" → "Pro". */
    private static String caseWord(String w) {
        String known = WORD_CASE.get(w);
        if (known != null) {
            return known;
        }
        Matcher m = LETTERS_DIGITS.matcher(w);
        if (m.matches()) {
            String letters = m.group(1);
            String rest = m.group(2) + m.group(3);
            if (letters.length() >= 3) {
                String word = WORD_CASE.getOrDefault(letters, Character.toUpperCase(letters.charAt(0)) + letters.substring(1));
                return word + " " + rest;
            }
            return letters.toUpperCase(Locale.ROOT) + rest;
        }
        return w;
    }

    private static String macName(String matched) {
        String m = matched.replaceAll("\\s+", " ");
        if (m.startsWith("macbook")) {
            return m.replace("macbook", "MacBook").replace("pro", "Pro").replace("air", "Air");
        }
        return switch (m) {
            case "imac" -> "iMac";
            case "mac mini", "macmini" -> "Mac mini";
            default -> "Mac";
        };
    }

    private static Brand brand(String regex, String name, String impliedOs, boolean takesModel) {
        return new Brand(Pattern.compile(latinBounded(regex)), name, impliedOs, takesModel, false);
    }

    private static Os os(String regex, String name) {
        return new Os(Pattern.compile(latinBounded(regex)), name);
    }

    private static String latinBounded(String regex) {
        return LATIN_START + "(?:" + regex + ")" + LATIN_END;
    }
}
