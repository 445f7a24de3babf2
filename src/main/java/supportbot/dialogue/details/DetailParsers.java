package supportbot.dialogue.details;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import supportbot.faq.Lang;
import supportbot.faq.LanguageDetector;
import supportbot.text.TextNormalizer;

/**
 * Reads the details of a support case out of chat messages, in Chinese or English as users type them. Stateless
 * and thread-safe: one instance serves every conversation.
 */
public final class DetailParsers {
    private static final TextNormalizer READING = TextNormalizer.reading();
    private final DetailSettings settings;
    private final ChainFormats formats;
    private final AliasIndex aliases;
    private final AccountReader accounts;
    private final DescriptionReader descriptions;
    private final TimeReader times;
    private final DeviceReader devices = new DeviceReader();
    private final AppVersionReader appVersions = new AppVersionReader();
    private final TxHashReader hashes;
    private final AddressReader addresses;
    private final ChainCoinReader chainsAndCoins;
    private final AmountReader amounts;

    public DetailParsers(DetailSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.formats = new ChainFormats(settings.chains());
        this.aliases = new AliasIndex(settings);
        this.accounts = new AccountReader(settings);
        this.descriptions = new DescriptionReader(settings.descriptionMinChars());
        this.times = new TimeReader(Objects.requireNonNull(clock, "clock"));
        this.hashes = new TxHashReader(formats);
        this.addresses = new AddressReader(formats);
        this.chainsAndCoins = new ChainCoinReader(aliases, formats, settings.coins());
        this.amounts = new AmountReader(aliases);
    }

    /**
     * Parses a reply given for one detail.
     *
     * @param zone        the user's time zone; null means the configured default
     * @param attachments attachments on the message; SCREENSHOT needs at least one
     * @param known       details collected so far: ADDRESS and TX_HASH are checked against a known CHAIN, and a
     *                    bare AMOUNT takes the known COIN as its unit
     */
    public ParseResult parse(DetailType type, String text, int attachments, ZoneId zone, Lang lang,
                             Map<DetailType, DetailValue> known) {
        Objects.requireNonNull(type, "type");
        String raw = text == null ? "" : text;
        // Addresses, hashes and accounts are kept exactly as written; everything else reads full-width digits,
        // traditional characters and invisible characters the way the user meant them.
        String t = keepsRaw(type) ? raw : READING.normalize(raw).text();
        ZoneId z = zone == null ? settings.defaultZone() : zone;
        Lang l = lang == null ? LanguageDetector.detect(t) : lang;
        Map<DetailType, DetailValue> k = known == null ? Map.of() : known;
        return switch (type) {
            case ACCOUNT -> accounts.parse(t);
            case DESCRIPTION -> descriptions.parse(t);
            case TIME -> times.parse(t, z, l);
            case DEVICE -> devices.read(withoutAppVersion(t), true)
                    .map(d -> ParseResult.ok(new DetailValue(DetailType.DEVICE, d.value(), d.value())))
                    .orElseGet(() -> ParseResult.hint(HintKeys.DEVICE_INVALID));
            case APP_VERSION -> appVersions.parse(t);
            case TX_HASH -> hashes.parse(t, knownChain(k).orElse(null));
            case CHAIN -> chainsAndCoins.parseChain(t, l == Lang.ZH);
            case COIN -> chainsAndCoins.parseCoin(t, l == Lang.ZH);
            case AMOUNT -> amounts.parse(t, k, l == Lang.ZH);
            case ADDRESS -> addresses.parse(t, knownChain(k).orElse(null));
            case SCREENSHOT -> screenshot(attachments, l);
        };
    }

    /**
     * Everything recognisable in a free-text message, e.g. the first message of a conversation. Only confident
     * readings: an ordinary sentence yields an empty map. Never DESCRIPTION or SCREENSHOT.
     */
    public Map<DetailType, DetailValue> extractAll(String text, ZoneId zone, Lang lang) {
        Map<DetailType, DetailValue> out = new EnumMap<>(DetailType.class);
        if (text == null || text.isBlank()) {
            return Collections.unmodifiableMap(out);
        }
        ZoneId z = zone == null ? settings.defaultZone() : zone;
        Lang l = lang == null ? LanguageDetector.detect(text) : lang;
        // Each reader sees the text with earlier findings blanked out: hex digits are not amounts, an email's
        // domain is not a chain name, the "15" of "iPhone 15" is not a clock time.
        Masked masked = new Masked(text);

        accounts.find(text).ifPresent(a -> {
            out.put(DetailType.ACCOUNT, a.value());
            masked.blank(a.start(), a.end());
        });
        Optional<TxHashReader.Found> hash = hashes.find(masked.text());
        hash.ifPresent(h -> masked.blank(h.start(), h.end()));
        Optional<AddressReader.Found> address = addresses.find(masked.text());
        address.ifPresent(a -> masked.blank(a.start(), a.end()));
        for (Text.Token token : Text.alnumRuns(masked.text())) {
            if (token.text().length() >= 20) {
                masked.blank(token.start(), token.end()); // an id or a broken hash: never a source of other details
            }
        }

        // From here on the readers see normalised text ("３０００ＴＲＸ" is 3000 TRX); positions below refer to it.
        Masked reading = new Masked(READING.normalize(masked.text()).text());
        Optional<AppVersionReader.Found> appVersion = appVersions.find(reading.text());
        appVersion.ifPresent(v -> {
            out.put(DetailType.APP_VERSION, AppVersionReader.value(v.version()));
            reading.blank(v.start(), v.end());
        });

        Optional<AmountReader.Found> amount = amounts.findWithUnit(reading.text(), false)
                .or(() -> amounts.findCoinFirst(reading.text()));
        List<AliasIndex.Mention> mentions = aliases.scan(reading.text(), false);
        Mentions m = Mentions.of(mentions);
        amount.ifPresent(a -> out.put(DetailType.AMOUNT, a.value()));
        Optional<String> coin = amount.map(AmountReader.Found::unit).filter(this::isCoin)
                .or(() -> m.oneCoin() ? Optional.of(m.coins().get(0)) : Optional.empty());
        coin.ifPresent(c -> out.put(DetailType.COIN, ChainCoinReader.coinValue(c)));

        // Several chains named ("sent on trc20 but the exchange only takes erc20"): the pasted hash tells which one
        // the funds actually went over, when only one named chain fits its format; the address comes second, because
        // on a wrong network it is the destination's ("用bep20发到了T…这个trc20地址 hash 0x…" went over BSC).
        Optional<ChainSpec> chain = m.oneChain() ? formats.byId(m.chains().get(0))
                : m.chains().isEmpty() ? chainsAndCoins.inferFromAddressOrHash(text)
                : hash.map(h -> h.family().stream().filter(c -> m.chains().contains(c.id())).toList())
                        .filter(named -> named.size() == 1).map(named -> named.get(0))
                        .or(() -> chainsAndCoins.inferFromAddressOrHash(text).filter(c -> m.chains().contains(c.id())));
        chain.ifPresent(c -> out.put(DetailType.CHAIN, ChainCoinReader.chainValue(c)));

        hash.ifPresent(h -> {
            String normalized = chain.flatMap(c -> TxHashReader.forChain(h.hash(), c)).orElse(h.hash());
            List<ChainSpec> family = chain.filter(c -> c.isTxHash(normalized)).map(List::of).orElse(h.family());
            out.put(DetailType.TX_HASH, TxHashReader.value(normalized, family));
        });
        address.ifPresent(a -> {
            List<ChainSpec> family = chain.filter(c -> a.family().contains(c)).map(List::of).orElse(a.family());
            out.put(DetailType.ADDRESS, AddressReader.value(a.address(), family));
        });

        amount.ifPresent(a -> reading.blank(a.start(), a.end()));
        mentions.forEach(x -> reading.blank(x.start(), x.end()));
        devices.read(reading.text(), false).ifPresent(d -> {
            out.put(DetailType.DEVICE, new DetailValue(DetailType.DEVICE, d.value(), d.value()));
            reading.blank(d.start(), d.end());
        });
        times.find(reading.text(), z, l).ifPresent(f -> out.put(DetailType.TIME, f.value()));
        return Collections.unmodifiableMap(out);
    }

    /**
     * The details a correction carries, merged with what is known so that only the corrected part changes: a day
     * keeps the known hour, an hour the known day, a bare number the known coin ("不对，是500" → 500 USDT).
     */
    public Map<DetailType, DetailValue> correction(String text, ZoneId zone, Lang lang, Map<DetailType, DetailValue> known) {
        String part = Corrections.correctedPart(READING.normalize(text == null ? "" : text).text());
        ZoneId z = zone == null ? settings.defaultZone() : zone;
        Lang l = lang == null ? LanguageDetector.detect(part) : lang;
        Map<DetailType, DetailValue> k = known == null ? Map.of() : known;
        Map<DetailType, DetailValue> out = new EnumMap<>(DetailType.class);
        out.putAll(extractAll(part, z, l));
        DetailValue knownTime = k.get(DetailType.TIME);
        if (knownTime != null) {
            times.correct(part, knownTime, z, l).ifPresent(v -> out.put(DetailType.TIME, v));
        }
        if (knownTime != null && !out.containsKey(DetailType.TIME) && !k.containsKey(DetailType.AMOUNT)) {
            // "actually it was more like 11": with no amount to correct, a lone small number is the hour.
            java.util.regex.Matcher lone = LONE_HOUR.matcher(part);
            if (lone.matches() && out.isEmpty()) {
                times.correctHour(Integer.parseInt(lone.group(1)), knownTime, z, l)
                        .ifPresent(v -> out.put(DetailType.TIME, v));
            }
        }
        boolean hasNumber = part.chars().anyMatch(Character::isDigit) || part.matches(".*[零一二两三四五六七八九十百千万].*");
        if (out.isEmpty() && hasNumber && (k.containsKey(DetailType.AMOUNT) || k.containsKey(DetailType.COIN))) {
            Map<DetailType, DetailValue> withCoin = new EnumMap<>(DetailType.class);
            withCoin.putAll(k);
            if (!withCoin.containsKey(DetailType.COIN) && k.get(DetailType.AMOUNT) != null) {
                String[] amount = k.get(DetailType.AMOUNT).value().split(" ");
                if (amount.length == 2) {
                    withCoin.put(DetailType.COIN, ChainCoinReader.coinValue(amount[1]));
                }
            }
            ParseResult amount = amounts.parse(part, withCoin, l == Lang.ZH);
            if (amount.ok()) {
                out.put(DetailType.AMOUNT, amount.value());
            }
        }
        if (out.containsKey(DetailType.CHAIN) && out.containsKey(DetailType.COIN) && !out.containsKey(DetailType.AMOUNT)
                && k.containsKey(DetailType.COIN)) {
            out.remove(DetailType.COIN); // "不是波场，是以太坊" corrects the network; the USDT sent stays USDT
        }
        DetailValue knownAmount = k.get(DetailType.AMOUNT);
        DetailValue oldCoin = k.get(DetailType.COIN);
        if (out.containsKey(DetailType.COIN) && !out.containsKey(DetailType.AMOUNT) && knownAmount != null && oldCoin != null) {
            // "币种说错了 是usdt" after "100个usdc": the 100 were USDT all along, not USDC.
            String[] amount = knownAmount.value().split(" ");
            String coin = out.get(DetailType.COIN).value();
            if (amount.length == 2 && amount[1].equals(oldCoin.value()) && !coin.equals(amount[1])) {
                String v = amount[0] + " " + coin;
                out.put(DetailType.AMOUNT, new DetailValue(DetailType.AMOUNT, v, v));
            }
        }
        if (out.containsKey(DetailType.AMOUNT) && !out.containsKey(DetailType.COIN)) {
            DetailValue knownCoin = k.get(DetailType.COIN);
            String[] amount = out.get(DetailType.AMOUNT).value().split(" ");
            if (knownCoin != null && amount.length == 2 && !amount[1].equals(knownCoin.value()) && isCoin(amount[1])) {
                out.put(DetailType.COIN, ChainCoinReader.coinValue(amount[1]));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** One number up to 23 and no other digit: "more like 11", "it was 9 actually". */
    private static final java.util.regex.Pattern LONE_HOUR = java.util.regex.Pattern.compile("[^\\d]*?(?<![\\w.:])(\\d{1,2})(?![\\w.:])[^\\d]*");

    private static boolean keepsRaw(DetailType type) {
        return type == DetailType.ADDRESS || type == DetailType.TX_HASH || type == DetailType.ACCOUNT
                || type == DetailType.DESCRIPTION;
    }

    /** "红米note12 app版本6.1.0": the app's version is not the phone's system version. */
    private String withoutAppVersion(String text) {
        return appVersions.find(text).map(v -> {
            Masked m = new Masked(text);
            m.blank(v.start(), v.end());
            return m.text();
        }).orElse(text);
    }

    private boolean isCoin(String symbol) {
        return settings.coins().stream().anyMatch(c -> c.symbol().equals(symbol));
    }

    private Optional<ChainSpec> knownChain(Map<DetailType, DetailValue> known) {
        DetailValue chain = known.get(DetailType.CHAIN);
        return chain == null ? Optional.empty() : formats.byId(chain.value().toUpperCase(Locale.ROOT));
    }

    private static ParseResult screenshot(int attachments, Lang lang) {
        if (attachments < 1) {
            return ParseResult.hint(HintKeys.SCREENSHOT_MISSING);
        }
        String value = attachments + (attachments == 1 ? " attachment" : " attachments");
        String display = lang == Lang.ZH ? attachments + " 个附件" : value;
        return ParseResult.ok(new DetailValue(DetailType.SCREENSHOT, value, display));
    }
}
