package supportbot.dialogue.suite;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the conversation files strictly: an unknown key is an error, because a misspelt expectation would
 * otherwise never be checked and the conversation would pass for the wrong reason.
 */
final class ScriptLoader {
    private static final Set<String> SCRIPT_KEYS = Set.of("id", "lang", "tags", "given", "turns");
    private static final Set<String> STEP_KEYS = Set.of("say", "press", "ticket", "asks", "answers", "not_answers",
            "confidentAnswer",
            "reply_contains", "reply_not_contains", "handoff", "lang", "no_raw_ids", "category", "details");
    private static final Set<String> TICKET_KEYS = Set.of("category", "priority", "details");

    private ScriptLoader() {
    }

    static List<Script> loadAll(Path dir) {
        List<Script> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                all.addAll(load(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> ids = new HashSet<>();
        for (Script s : all) {
            if (!ids.add(s.id())) {
                throw new IllegalArgumentException("duplicate conversation id " + s.id() + " in " + s.file());
            }
        }
        return all;
    }

    static List<Script> load(Path file) {
        List<?> raw;
        try {
            raw = new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), List.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<Script> out = new ArrayList<>();
        for (Object o : raw) {
            Map<String, Object> m = map(o, file + ": a conversation");
            String id = string(m.get("id"), file + ": id");
            String where = file.getFileName() + " " + id;
            unknownKeys(m, SCRIPT_KEYS, where);
            String lang = string(m.get("lang"), where + ": lang");
            if (!Script.LANGS.contains(lang)) {
                throw new IllegalArgumentException(where + ": lang must be one of " + Script.LANGS);
            }
            Set<String> tags = new LinkedHashSet<>();
            if (m.get("tags") instanceof List<?> l) {
                l.forEach(t -> tags.add(String.valueOf(t)));
            }
            Map<String, String> given = stringMap(m.get("given"), where + ": given");
            List<Script.Step> steps = new ArrayList<>();
            if (!(m.get("turns") instanceof List<?> turns) || turns.isEmpty()) {
                throw new IllegalArgumentException(where + ": turns must be a non-empty list");
            }
            int n = 0;
            for (Object t : turns) {
                steps.add(step(map(t, where + " turn " + ++n), where + " turn " + n));
            }
            out.add(new Script(id, file.getFileName().toString(), lang, tags, given, steps));
        }
        return out;
    }

    private static Script.Step step(Map<String, Object> m, String where) {
        unknownKeys(m, STEP_KEYS, where);
        String say = m.containsKey("say") ? string(m.get("say"), where + ": say") : null;
        String press = m.containsKey("press") ? string(m.get("press"), where + ": press") : null;
        if ((say == null) == (press == null)) {
            throw new IllegalArgumentException(where + ": give exactly one of say / press");
        }
        Script.TicketExpect ticket = null;
        Boolean noTicket = null;
        Object t = m.get("ticket");
        if ("none".equals(t)) {
            noTicket = true;
        } else if (t != null) {
            Map<String, Object> tm = map(t, where + ": ticket");
            unknownKeys(tm, TICKET_KEYS, where + ": ticket");
            ticket = new Script.TicketExpect((String) tm.get("category"),
                    tm.get("priority") == null ? null : ((Number) tm.get("priority")).intValue(),
                    stringMap(tm.get("details"), where + ": ticket.details"));
        }
        return new Script.Step(say, press, new Script.Expect(ticket, noTicket, str(m.get("asks")), str(m.get("answers")),
                str(m.get("not_answers")),
                (Boolean) m.get("confidentAnswer"), list(m.get("reply_contains")), list(m.get("reply_not_contains")),
                (Boolean) m.get("handoff"), str(m.get("lang")), (Boolean) m.get("no_raw_ids"), str(m.get("category")),
                m.containsKey("details") ? stringMap(m.get("details"), where + ": details") : null));
    }

    private static void unknownKeys(Map<String, Object> m, Set<String> known, String where) {
        for (String k : m.keySet()) {
            if (!known.contains(k)) {
                throw new IllegalArgumentException(where + ": unknown key '" + k + "' (known: " + known + ")");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o, String where) {
        if (!(o instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(where + " must be a map");
        }
        return (Map<String, Object>) o;
    }

    private static Map<String, String> stringMap(Object o, String where) {
        Map<String, String> out = new LinkedHashMap<>();
        if (o != null) {
            map(o, where).forEach((k, v) -> out.put(k, String.valueOf(v)));
        }
        return out;
    }

    private static String string(Object o, String where) {
        if (o == null || String.valueOf(o).isBlank()) {
            throw new IllegalArgumentException(where + " is missing");
        }
        return String.valueOf(o);
    }

    private static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    private static List<String> list(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(o));
    }
}
