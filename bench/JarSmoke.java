import supportbot.text.TextNormalizer;

/**
 * Checks the shaded jar, not the classes: the shade filters drop ICU4J locale data, and only a run against the
 * jar shows that the traditional-to-simplified transliterator still finds what it needs.
 */
public class JarSmoke {
    public static void main(String[] args) {
        String read = TextNormalizer.reading().normalize("我的帳號被盜了請幫忙處理").text();
        String expected = "我的帐号被盗了请帮忙处理";
        if (!read.equals(expected)) {
            System.err.println("FAIL: traditional text read as '" + read + "', expected '" + expected + "'");
            System.exit(1);
        }
        System.out.println("OK: traditional Chinese is read as simplified in the shaded jar");
    }
}
