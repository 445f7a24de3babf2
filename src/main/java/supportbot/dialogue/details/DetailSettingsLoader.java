package supportbot.dialogue.details;

import com.fasterxml.jackson.core.JsonParser;
import supportbot.config.YamlErrors;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Reads {@code config/details.yaml}. Regexes and the zone are converted while Jackson parses, so that a bad
 * one is reported with the line it is on; checks that need the whole file (missing keys, duplicate aliases)
 * run afterwards and name the key. Every error is an {@link IllegalArgumentException} whose message starts
 * with {@code file[:line]: key '…':}.
 */
public final class DetailSettingsLoader {

    private final ObjectMapper yaml = new ObjectMapper(
            YAMLFactory.builder().build().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .registerModule(new SimpleModule()
                    .addDeserializer(Pattern.class, new RegexDeserializer())
                    .addDeserializer(ZoneId.class, new ZoneDeserializer()));

    public DetailSettings load(Path yamlFile) {
        if (!Files.isRegularFile(yamlFile)) {
            throw new IllegalArgumentException(yamlFile + ": details config file not found");
        }
        SettingsYaml raw;
        try {
            raw = yaml.readValue(yamlFile.toFile(), SettingsYaml.class);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof JsonProcessingException syntax && !(syntax instanceof JsonMappingException)) {
                throw new IllegalArgumentException(yamlFile + YamlErrors.line(syntax) + ": YAML error: " + syntax.getOriginalMessage(), e);
            }
            throw new IllegalArgumentException(YamlErrors.describe(yamlFile, e), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(yamlFile + YamlErrors.line(e) + ": YAML error: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(yamlFile + ": cannot read: " + e.getMessage(), e);
        }
        if (raw == null) {
            throw new IllegalArgumentException(yamlFile + ": the file is empty; see the comments in the shipped config/details.yaml");
        }
        return new Validation(yamlFile).toSettings(raw);
    }

    // The YAML schema, kept apart from the public records so that a missing key can be reported by name.
    record SettingsYaml(Pattern accountPattern, String accountExample, ZoneId defaultZone, Integer descriptionMinChars,
                        List<ChainYaml> chains, List<CoinYaml> coins, List<String> deviceButtons) {
    }

    record ChainYaml(String id, String name, List<String> aliases, Pattern addressPattern, Pattern txHashPattern) {
    }

    record CoinYaml(String symbol, List<String> aliases) {
    }

    /** Whole-file checks; each failure names the key. */
    private static final class Validation {
        private final Path file;

        Validation(Path file) {
            this.file = file;
        }

        DetailSettings toSettings(SettingsYaml raw) {
            Pattern account = required(raw.accountPattern(), "accountPattern");
            String example = requiredText(raw.accountExample(), "accountExample");
            for (String one : example.split(" / ")) {
                if (!account.matcher(one.trim()).matches()) {
                    throw error("accountExample", "'" + one.trim() + "' does not match accountPattern; each example must be a valid answer");
                }
            }
            ZoneId zone = required(raw.defaultZone(), "defaultZone");
            int minChars = required(raw.descriptionMinChars(), "descriptionMinChars");
            if (minChars < 1) {
                throw error("descriptionMinChars", "must be at least 1, was " + minChars);
            }
            List<ChainSpec> chains = chains(required(raw.chains(), "chains"));
            List<CoinSpec> coins = coins(required(raw.coins(), "coins"));
            List<String> buttons = required(raw.deviceButtons(), "deviceButtons");
            for (int i = 0; i < buttons.size(); i++) {
                requiredText(buttons.get(i), "deviceButtons[" + i + "]");
            }
            return new DetailSettings(account, example, zone, minChars, chains, coins, buttons);
        }

        private List<ChainSpec> chains(List<ChainYaml> raw) {
            if (raw.isEmpty()) {
                throw error("chains", "list at least one chain");
            }
            List<ChainSpec> out = new ArrayList<>();
            Map<String, String> aliasOwner = new HashMap<>();
            for (int i = 0; i < raw.size(); i++) {
                String at = "chains[" + i + "]";
                ChainYaml c = required(raw.get(i), at);
                String id = requiredText(c.id(), at + ".id");
                if (!id.equals(id.toUpperCase(Locale.ROOT))) {
                    throw error(at + ".id", "'" + id + "' must be upper case");
                }
                String name = requiredText(c.name(), at + ".name");
                List<String> aliases = aliases(required(c.aliases(), at + ".aliases"), at + ".aliases");
                for (String alias : withIdAndName(aliases, id, name)) {
                    String previous = aliasOwner.putIfAbsent(alias, id);
                    if (previous != null && !previous.equals(id)) {
                        throw error(at + ".aliases", "'" + alias + "' already names chain " + previous);
                    }
                }
                if (out.stream().anyMatch(o -> o.id().equals(id))) {
                    throw error(at + ".id", "duplicate chain id " + id);
                }
                out.add(new ChainSpec(id, name, aliases, required(c.addressPattern(), at + ".addressPattern"),
                        required(c.txHashPattern(), at + ".txHashPattern")));
            }
            return out;
        }

        private List<CoinSpec> coins(List<CoinYaml> raw) {
            List<CoinSpec> out = new ArrayList<>();
            Map<String, String> aliasOwner = new HashMap<>();
            for (int i = 0; i < raw.size(); i++) {
                String at = "coins[" + i + "]";
                CoinYaml c = required(raw.get(i), at);
                String symbol = requiredText(c.symbol(), at + ".symbol");
                if (!symbol.matches("[A-Z0-9]{2,12}")) {
                    throw error(at + ".symbol", "'" + symbol + "' must be 2 to 12 upper-case letters or digits");
                }
                List<String> aliases = aliases(c.aliases() == null ? List.of() : c.aliases(), at + ".aliases");
                for (String alias : withIdAndName(aliases, symbol, symbol)) {
                    String previous = aliasOwner.putIfAbsent(alias, symbol);
                    if (previous != null && !previous.equals(symbol)) {
                        throw error(at + ".aliases", "'" + alias + "' already names coin " + previous);
                    }
                }
                out.add(new CoinSpec(symbol, aliases));
            }
            return out;
        }

        private List<String> aliases(List<String> raw, String key) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < raw.size(); i++) {
                out.add(requiredText(raw.get(i), key + "[" + i + "]").toLowerCase(Locale.ROOT));
            }
            return out;
        }

        private static List<String> withIdAndName(List<String> aliases, String id, String name) {
            var all = new LinkedHashSet<>(aliases);
            all.add(id.toLowerCase(Locale.ROOT));
            all.add(name.toLowerCase(Locale.ROOT));
            return List.copyOf(all);
        }

        private <T> T required(T value, String key) {
            if (value == null) {
                throw error(key, "missing; see the comments in the shipped config/details.yaml");
            }
            return value;
        }

        private String requiredText(String value, String key) {
            if (required(value, key).isBlank()) {
                throw error(key, "must not be empty");
            }
            return value.trim();
        }

        private IllegalArgumentException error(String key, String problem) {
            return new IllegalArgumentException(file + ": key '" + key + "': " + problem);
        }
    }

    private static final class RegexDeserializer extends JsonDeserializer<Pattern> {
        @Override
        public Pattern deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            if (text == null) {
                throw JsonMappingException.from(p, "expected a regex in quotes");
            }
            try {
                return Pattern.compile(text);
            } catch (PatternSyntaxException e) {
                throw JsonMappingException.from(p, "invalid regex '" + text + "': " + e.getDescription()
                        + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
            }
        }
    }

    private static final class ZoneDeserializer extends JsonDeserializer<ZoneId> {
        @Override
        public ZoneId deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            try {
                return ZoneId.of(text == null ? "" : text.trim());
            } catch (DateTimeException e) {
                throw JsonMappingException.from(p, "unknown time zone '" + text + "'; use a region id such as Asia/Shanghai");
            }
        }
    }

}
