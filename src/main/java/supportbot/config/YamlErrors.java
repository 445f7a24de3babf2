package supportbot.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Turns Jackson's errors on an operator's YAML file into "file:line: key 'a.b[2]': what is wrong". */
public final class YamlErrors {
    private YamlErrors() {
    }

    public static String describe(Path file, JsonMappingException e) {
        return file + lineOfKey(file, e) + ": key '" + key(e) + "': " + problem(e);
    }

    /** ":line" where the parser stopped, or "" when it gives none. */
    public static String line(JsonProcessingException e) {
        return e.getLocation() == null || e.getLocation().getLineNr() < 1 ? "" : ":" + e.getLocation().getLineNr();
    }

    public static String key(JsonMappingException e) {
        StringBuilder key = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                key.append(key.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                key.append('[').append(ref.getIndex()).append(']');
            }
        }
        return key.toString();
    }

    public static String problem(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown key; known keys here: " + u.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            if (m.getTargetType() == Boolean.class || m.getTargetType() == boolean.class) {
                return "expected true or false";
            }
            if (m.getTargetType() == Integer.class || m.getTargetType() == int.class) {
                return "expected a whole number";
            }
            if (List.class.isAssignableFrom(m.getTargetType())) {
                return "expected a list such as [\"09:00-21:00\"]";
            }
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null) {
            return "cannot use " + f.getValue() + " here: expected " + f.getTargetType().getSimpleName().toLowerCase();
        }
        return e.getOriginalMessage();
    }

    /**
     * The YAML parser reports where it stopped reading, which can be lines past the offending key (the end
     * of the enclosing record); walk back from there to the line that names the key.
     */
    public static String lineOfKey(Path file, JsonMappingException e) {
        if (e.getLocation() == null || e.getPath().isEmpty()) {
            return line(e);
        }
        String name = e.getPath().get(e.getPath().size() - 1).getFieldName();
        if (name == null) {
            return line(e);
        }
        Pattern keyLine = Pattern.compile("^\\s*" + Pattern.quote(name) + "\\s*:");
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = Math.min(e.getLocation().getLineNr(), lines.size()) - 1; i >= 0; i--) {
                if (keyLine.matcher(lines.get(i)).find()) {
                    return ":" + (i + 1);
                }
            }
        } catch (IOException ignored) {
            // the parser's position will do
        }
        return line(e);
    }
}
