package supportbot.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads the embedded defaults, then lays the operator's YAML file over them key by key. The operator's file
 * is first read on its own, strictly, so an unknown key or a wrong type is reported with its line.
 */
public final class ConfigLoader {
    public static final Path DEFAULT_FILE = Path.of("config", "application.yaml");
    private static final String DEFAULTS_RESOURCE = "/default-config.yaml";

    private final ObjectMapper yaml = new ObjectMapper(
            YAMLFactory.builder().build().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // Jackson would otherwise truncate 1.5 to 1 for a whole-number key and hide the operator's mistake.
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    /** Defaults only: what {@code run} uses on a machine with no config file. */
    public AppConfig defaults() {
        return toConfig(defaultTree(), "built-in defaults");
    }

    /**
     * @param file the operator's file; when it is {@link #DEFAULT_FILE} and absent, defaults apply. A file named
     *             explicitly must exist.
     */
    public AppConfig load(Path file) {
        if (!Files.exists(file)) {
            if (file.equals(DEFAULT_FILE)) {
                return defaults();
            }
            throw new ConfigException(file + ": config file not found");
        }
        JsonNode overrides;
        try {
            overrides = yaml.readTree(file.toFile());
            if (overrides != null && !overrides.isNull() && !overrides.isMissingNode()) {
                yaml.readValue(file.toFile(), AppConfig.class); // strict pass, for line-accurate errors
            }
        } catch (JsonMappingException e) {
            throw new ConfigException(YamlErrors.describe(file, e), e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + YamlErrors.line(e) + ": YAML error: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
        ObjectNode merged = defaultTree();
        if (overrides != null && overrides.isObject()) {
            merge(merged, (ObjectNode) overrides);
        } else if (overrides != null && !overrides.isNull() && !overrides.isMissingNode()) {
            throw new ConfigException(file + ": expected a mapping of keys (http, data, dialogue, faq)");
        }
        return toConfig(merged, file.toString());
    }

    private AppConfig toConfig(JsonNode tree, String source) {
        try {
            return yaml.treeToValue(tree, AppConfig.class);
        } catch (JsonProcessingException e) {
            throw new ConfigException(source + ": " + e.getOriginalMessage(), e);
        }
    }

    private ObjectNode defaultTree() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("built-in " + DEFAULTS_RESOURCE + " is missing from the jar");
            }
            return (ObjectNode) yaml.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("built-in defaults are unreadable", e);
        }
    }

    private static void merge(ObjectNode base, ObjectNode overrides) {
        overrides.fields().forEachRemaining(field -> {
            JsonNode existing = base.get(field.getKey());
            if (existing instanceof ObjectNode baseChild && field.getValue() instanceof ObjectNode overrideChild) {
                merge(baseChild, overrideChild);
            } else if (!field.getValue().isNull()) {
                base.set(field.getKey(), field.getValue());
            }
        });
    }

}
