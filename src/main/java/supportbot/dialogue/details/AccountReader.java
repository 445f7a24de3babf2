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

    /** Only emails: a bare number in a sentence is as likely an amount or an order id as a user id. */
    Optional<Found> find(String text) {
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            String email = m.group().replaceAll("[.]+$", "");
            if (account.matcher(email).matches()) {
                return Optional.of(new Found(m.start(), m.end(), value(email)));
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
