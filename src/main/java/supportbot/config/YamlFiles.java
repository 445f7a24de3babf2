package supportbot.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;

/** Reads an operator-edited YAML data file; a broken one fails with its file and line. */
public final class YamlFiles {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private YamlFiles() {
    }

    /** @return the document's root, or null for an empty file */
    public static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
            throw new ConfigException(file + line + ": YAML error: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
