package supportbot.dialogue.details;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ACCOUNT: a registered email or user id, as the configured pattern defines them. */
final class AccountReader {
    record Found(int start, int end, DetailValue value) {
    }

    // Users write "我的邮箱是a@b.com" or "email: a@b.com", so a reply is also searched word by word; Han
    // characters and Chinese punctuation separate words here just as spaces do.
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,，;；:：。、!！?？()（）<>《》\"'“”‘’\\p{IsHan}]+");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    // A number in a sentence is a user id only when the user names it one: "user id 40012873", "用户ID 20931784",
    // "账号：88213405". Matched against lower-cased, not yet normalised text, so traditional forms are listed too.
    private static final Pattern LABELLED_ID = Pattern.compile("(?<![a-z])(?:user\\s*id|uid|account\\s*(?:id|number|no\\.?|#)?"
            + "|(?:用户|用戶|账号|帳號|賬號|账户|帳戶|賬戶|会员|會員)\\s*(?:id|号|號|编号|編號)?)"
            + "\\s*(?:是|为|為|:|：|#|=|is(?![a-z]))?\\s*(\\d{6,12})(?!\\d)");

    private final Pattern account;
    private final String example;

    AccountReader(DetailSettings settings) {
        this.account = settings.accountPattern();
        this.example = settings.accountExample();
    }

    ParseResult parse(String text) {
        Set<String> found = new LinkedHashSet<>();
        for (String word : SEPARATORS.split(text)) {
            String w = word.replaceAll("[.]+$", "");
            if (!w.isEmpty() && account.matcher(w).matches()) {
                found.add(normalize(w));
            }
        }
        if (found.size() == 1) {
            return ParseResult.ok(value(found.iterator().next()));
        }
        String whole = text.strip();
        if (found.isEmpty() && account.matcher(whole).matches()) {
            return ParseResult.ok(value(whole)); // an operator's pattern may allow characters that split words
        }
        return ParseResult.hint(HintKeys.ACCOUNT_INVALID, Map.of("example", example));
    }

    /**
     * Emails, and numbers the user calls their id: a bare number in a sentence is as likely an amount or an order
     * id as a user id.
     */
    Optional<Found> find(String text) {
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            String email = m.group().replaceAll("[.]+$", "");
            if (account.matcher(email).matches()) {
                return Optional.of(new Found(m.start(), m.end(), value(email)));
            }
        }
        Matcher id = LABELLED_ID.matcher(AliasIndex.lower(text));
        while (id.find()) {
            if (account.matcher(id.group(1)).matches()) {
                return Optional.of(new Found(id.start(1), id.end(1), value(id.group(1))));
            }
        }
        return Optional.empty();
    }

    private static DetailValue value(String account) {
        String v = normalize(account);
        return new DetailValue(DetailType.ACCOUNT, v, v);
    }

    /** Email providers ignore case; support tools look accounts up in lower case. */
    private static String normalize(String account) {
        return account.contains("@") ? account.toLowerCase(Locale.ROOT) : account;
    }
}
