package supportbot.desk;

import com.fasterxml.jackson.core.JsonParser;
import supportbot.config.YamlErrors;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads config/desk.yaml strictly: every key is required except {@code hours.holidays}, and unknown keys are
 * refused, so a typo cannot silently leave a default in force. Every error is an
 * {@link IllegalArgumentException} whose message starts with {@code file[:line]: key '…':}; the line is
 * there when the parser knows it (bad values, unknown keys), not for a key that is missing.
 */
public final class DeskSettingsLoader {
    public static final Path DEFAULT_FILE = Path.of("config", "desk.yaml");

    private final ObjectMapper yaml = new ObjectMapper(
            YAMLFactory.builder().build().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .registerModule(DeskYaml.module());

    public DeskSettings load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": desk config file not found");
        }
        DeskYaml.File raw;
        try {
            raw = yaml.readValue(file.toFile(), DeskYaml.File.class);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof JsonProcessingException syntax && !(syntax instanceof JsonMappingException)) {
                throw new IllegalArgumentException(file + YamlErrors.line(syntax) + ": YAML error: " + syntax.getOriginalMessage(), e);
            }
            if (e.getOriginalMessage().startsWith("No content")) {
                throw new IllegalArgumentException(file + ": the file is empty; see the comments in the shipped config/desk.yaml", e);
            }
            if (e.getPath().isEmpty()) {
                throw new IllegalArgumentException(file + YamlErrors.line(e) + ": expected a mapping with the keys hours, sla, eta, followUp, "
                        + "waitingUser", e);
            }
            throw new IllegalArgumentException(YamlErrors.describe(file, e), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + YamlErrors.line(e) + ": YAML error: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (raw == null) {
            throw new IllegalArgumentException(file + ": the file is empty; see the comments in the shipped config/desk.yaml");
        }
        return new Assembly(file).settings(raw);
    }

    /** Whole-file checks that Jackson cannot make: presence of keys and relations between them. */
    private static final class Assembly {
        private final Path file;

        Assembly(Path file) {
            this.file = file;
        }

        DeskSettings settings(DeskYaml.File raw) {
            ServiceHours hours = hours(required(raw.hours(), "hours"));
            DeskYaml.Sla sla = required(raw.sla(), "sla");
            Map<Integer, SlaPolicy.Targets> targets = new HashMap<>();
            List<DeskYaml.Targets> byPriority = List.of(
                    required(sla.priority1(), "sla.priority1"), required(sla.priority2(), "sla.priority2"),
                    required(sla.priority3(), "sla.priority3"), required(sla.priority4(), "sla.priority4"));
            for (int i = 0; i < byPriority.size(); i++) {
                targets.put(i + 1, targets(byPriority.get(i), "sla.priority" + (i + 1)));
            }
            DeskYaml.Eta eta = required(raw.eta(), "eta");
            int historySize = required(eta.historySize(), "eta.historySize");
            if (historySize < 1) {
                throw error("eta.historySize", "must be at least 1, was " + historySize);
            }
            DeskYaml.FollowUp followUp = required(raw.followUp(), "followUp");
            DeskYaml.WaitingUser waiting = required(raw.waitingUser(), "waitingUser");
            Duration reminder = required(waiting.reminderAfter(), "waitingUser.reminderAfter");
            Duration autoClose = required(waiting.autoCloseAfter(), "waitingUser.autoCloseAfter");
            if (autoClose.compareTo(reminder) <= 0) {
                throw error("waitingUser.autoCloseAfter", "must be longer than waitingUser.reminderAfter ("
                        + reminder.toMinutes() + "m), or the reminder is never sent");
            }
            return new DeskSettings(hours, new SlaPolicy(targets, hours),
                    new EtaEstimator(historySize, required(eta.defaultWait(), "eta.defaultWait")),
                    new DeskSettings.FollowUp(required(followUp.after(), "followUp.after")),
                    new DeskSettings.WaitingUser(reminder, autoClose));
        }

        private ServiceHours hours(DeskYaml.Hours raw) {
            DeskYaml.Weekly w = required(raw.weekly(), "hours.weekly");
            var weekly = new EnumMap<DayOfWeek, List<ServiceHours.Range>>(DayOfWeek.class);
            day(weekly, DayOfWeek.MONDAY, w.mon());
            day(weekly, DayOfWeek.TUESDAY, w.tue());
            day(weekly, DayOfWeek.WEDNESDAY, w.wed());
            day(weekly, DayOfWeek.THURSDAY, w.thu());
            day(weekly, DayOfWeek.FRIDAY, w.fri());
            day(weekly, DayOfWeek.SATURDAY, w.sat());
            day(weekly, DayOfWeek.SUNDAY, w.sun());
            if (weekly.values().stream().allMatch(List::isEmpty)) {
                throw error("hours.weekly", "no day has a range; for a desk that never closes use 00:00-24:00 every day");
            }
            List<LocalDate> holidays = raw.holidays() == null ? List.of() : raw.holidays();
            for (int i = 0; i < holidays.size(); i++) {
                required(holidays.get(i), "hours.holidays[" + i + "]");
            }
            return new ServiceHours(required(raw.zone(), "hours.zone"), weekly, new HashSet<>(holidays));
        }

        private void day(Map<DayOfWeek, List<ServiceHours.Range>> weekly, DayOfWeek day, List<ServiceHours.Range> ranges) {
            String key = "hours.weekly." + day.name().substring(0, 3);
            if (ranges == null) {
                throw error(key, "missing; list the day's ranges, or [] when the desk is closed that day");
            }
            for (int i = 0; i < ranges.size(); i++) {
                required(ranges.get(i), key + "[" + i + "]");
            }
            weekly.put(day, List.copyOf(ranges));
        }

        private SlaPolicy.Targets targets(DeskYaml.Targets raw, String key) {
            return new SlaPolicy.Targets(required(raw.firstResponse(), key + ".firstResponse"),
                    required(raw.nextResponse(), key + ".nextResponse"), required(raw.resolution(), key + ".resolution"),
                    required(raw.businessHoursOnly(), key + ".businessHoursOnly"));
        }

        private <T> T required(T value, String key) {
            if (value == null) {
                throw error(key, "missing; see the comments in the shipped config/desk.yaml");
            }
            return value;
        }

        private IllegalArgumentException error(String key, String problem) {
            return new IllegalArgumentException(file + ": key '" + key + "': " + problem);
        }
    }

}
