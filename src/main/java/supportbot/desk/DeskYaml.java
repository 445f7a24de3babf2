package supportbot.desk;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The shape of config/desk.yaml as Jackson reads it. Every value is nullable here so that a missing key is
 * reported by name afterwards; scalars are converted while parsing, so a bad one is reported with its line.
 */
final class DeskYaml {
    private DeskYaml() {
    }

    record File(Hours hours, Sla sla, Eta eta, FollowUp followUp, WaitingUser waitingUser) {
    }

    record Hours(ZoneId zone, Weekly weekly, List<LocalDate> holidays) {
    }

    record Weekly(@JsonProperty("MON") List<ServiceHours.Range> mon, @JsonProperty("TUE") List<ServiceHours.Range> tue,
                  @JsonProperty("WED") List<ServiceHours.Range> wed, @JsonProperty("THU") List<ServiceHours.Range> thu,
                  @JsonProperty("FRI") List<ServiceHours.Range> fri, @JsonProperty("SAT") List<ServiceHours.Range> sat,
                  @JsonProperty("SUN") List<ServiceHours.Range> sun) {
    }

    record Sla(Targets priority1, Targets priority2, Targets priority3, Targets priority4) {
    }

    record Targets(Duration firstResponse, Duration nextResponse, Duration resolution, Boolean businessHoursOnly) {
    }

    record Eta(Integer historySize, Duration defaultWait) {
    }

    record FollowUp(Duration after) {
    }

    record WaitingUser(Duration reminderAfter, Duration autoCloseAfter) {
    }

    static SimpleModule module() {
        return new SimpleModule("desk-yaml")
                .addDeserializer(Duration.class, new Scalar<>(DeskYaml::duration))
                .addDeserializer(ZoneId.class, new Scalar<>(DeskYaml::zone))
                .addDeserializer(LocalDate.class, new Scalar<>(DeskYaml::date))
                .addDeserializer(ServiceHours.Range.class, new Scalar<>(ServiceHours.Range::parse));
    }

    // Every duration in the file is a wait or a target, for which zero makes no sense.
    private static Duration duration(String text) {
        Duration d = DurationText.parse(text);
        if (d.isZero()) {
            throw new IllegalArgumentException("cannot use '" + text + "': must be longer than zero");
        }
        return d;
    }

    private static ZoneId zone(String text) {
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone '" + text + "'; use a region id such as Asia/Shanghai");
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("cannot read '" + text + "': use a date such as 2026-02-17");
        }
    }

    private interface Parser<T> {
        T parse(String text);
    }

    /** Converts one scalar, turning a refusal into a mapping error at the scalar's line. */
    private static final class Scalar<T> extends JsonDeserializer<T> {
        private final Parser<T> parser;

        Scalar(Parser<T> parser) {
            this.parser = parser;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == null || !p.currentToken().isScalarValue()) {
                throw JsonMappingException.from(p, "expected a single value, not a list or mapping");
            }
            try {
                return parser.parse(p.getValueAsString());
            } catch (IllegalArgumentException e) {
                throw JsonMappingException.from(p, e.getMessage());
            }
        }
    }
}
