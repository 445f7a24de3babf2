package supportbot.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeskSettingsLoaderTest {
    private static final Path SHIPPED = Path.of("config", "desk.yaml");
    private final DeskSettingsLoader loader = new DeskSettingsLoader();

    @TempDir
    Path dir;

    @Test
    void shippedConfigHasTheDocumentedDefaults() {
        DeskSettings s = loader.load(SHIPPED);
        assertEquals(ZoneId.of("Asia/Shanghai"), s.hours().zone());
        for (DayOfWeek day : DayOfWeek.values()) {
            assertEquals(List.of(ServiceHours.Range.parse("09:00-21:00")), s.hours().weekly().get(day), day.toString());
        }
        assertEquals(Set.of(), s.hours().holidays());

        SlaPolicy.Targets urgent = s.sla().targetsFor(1);
        assertEquals(Duration.ofMinutes(15), urgent.firstResponse());
        assertFalse(urgent.businessHoursOnly(), "priority 1 runs around the clock");
        for (int p = 2; p <= 4; p++) {
            assertTrue(s.sla().targetsFor(p).businessHoursOnly(), "priority " + p);
            assertTrue(s.sla().targetsFor(p).firstResponse().compareTo(s.sla().targetsFor(p - 1).firstResponse()) > 0,
                    "a less urgent priority has a longer first-response target: " + p);
        }
        assertEquals(s.hours(), s.sla().hours());
        assertEquals(new EtaEstimator(50, Duration.ofMinutes(20)), s.eta());
        assertEquals(Duration.ofMinutes(30), s.followUp().after());
        assertEquals(Duration.ofDays(1), s.waitingUser().reminderAfter());
        assertEquals(Duration.ofDays(3), s.waitingUser().autoCloseAfter());
    }

    @Test
    void shippedConfigHasACommentAboveEveryKey() throws Exception {
        List<String> lines = Files.readAllLines(SHIPPED);
        Pattern key = Pattern.compile("^\\s*([A-Za-z0-9]+):");
        int keys = 0;
        for (int i = 0; i < lines.size(); i++) {
            var m = key.matcher(lines.get(i));
            if (m.find()) {
                keys++;
                assertTrue(i > 0 && lines.get(i - 1).trim().startsWith("#"), "no comment above line " + (i + 1) + ": " + lines.get(i));
            }
        }
        assertEquals(40, keys, "every key of the schema appears in the shipped file");
    }

    @Test
    void unreadableDurationNamesFileLineAndKey() throws Exception {
        Edited f = edit("    firstResponse: 1h", "    firstResponse: 2 hours");
        var e = assertThrows(IllegalArgumentException.class, () -> loader.load(f.file));
        assertEquals(f.file + ":" + f.line + ": key 'sla.priority2.firstResponse': cannot read '2 hours': use 15m, 2h or 1d", e.getMessage());
    }

    @Test
    void zeroDurationIsRefused() throws Exception {
        Edited f = edit("  after: 30m", "  after: 0m");
        var e = assertThrows(IllegalArgumentException.class, () -> loader.load(f.file));
        assertEquals(f.file + ":" + f.line + ": key 'followUp.after': cannot use '0m': must be longer than zero", e.getMessage());
    }

    @Test
    void unknownKeyListsTheKnownOnes() throws Exception {
        Edited f = edit("    firstResponse: 4h", "    firstRespons: 4h");
        var e = assertThrows(IllegalArgumentException.class, () -> loader.load(f.file));
        assertEquals(f.file + ":" + f.line + ": key 'sla.priority3.firstRespons': unknown key; known keys here: "
                + "businessHoursOnly, firstResponse, nextResponse, resolution", e.getMessage());
    }

    @Test
    void unknownWeekdayIsRefused() throws Exception {
        Edited f = edit("    SUN: [\"09:00-21:00\"]", "    SUNDAY: [\"09:00-21:00\"]");
        var e = assertThrows(IllegalArgumentException.class, () -> loader.load(f.file));
        assertTrue(e.getMessage().startsWith(f.file + ":" + f.line + ": key 'hours.weekly.SUNDAY': unknown key; known keys here: FRI, MON, SAT, SUN, THU, TUE, WED"),
                e.getMessage());
    }

    @Test
    void missingKeyIsNamed() throws Exception {
        Edited f = edit("    nextResponse: 2h", "");
        var e = assertThrows(IllegalArgumentException.class, () -> loader.load(f.file));
        assertEquals(f.file + ": key 'sla.priority2.nextResponse': missing; see the comments in the shipped config/desk.yaml", e.getMessage());
    }

    @Test
    void missingWeekdayIsNamedAndExplainsHowToClose() throws Exception {
        Edited f = edit("    WED: [\"09:00-21:00\"]", "");
        var e = assertThrows(IllegalArgumentException.class, () -> loader.load(f.file));
        assertTrue(e.getMessage().startsWith(f.file + ": key 'hours.weekly.WED': missing; list the day's ranges, or []"), e.getMessage());
    }

    @Test
    void closedDaysAndHolidaysAreRead() throws Exception {
        Path file = write(shipped().replace("    SUN: [\"09:00-21:00\"]", "    SUN: []")
                .replace("    SAT: [\"09:00-21:00\"]", "    SAT: [\"10:00-14:00\", \"22:00-02:00\"]")
                .replace("  holidays: []", "  holidays: [2026-02-16, 2026-02-17]"));
        DeskSettings s = loader.load(file);
        assertEquals(List.of(), s.hours().weekly().get(DayOfWeek.SUNDAY));
        assertEquals(List.of(ServiceHours.Range.parse("10:00-14:00"), ServiceHours.Range.parse("22:00-02:00")),
                s.hours().weekly().get(DayOfWeek.SATURDAY));
        assertEquals(Set.of(LocalDate.parse("2026-02-16"), LocalDate.parse("2026-02-17")), s.hours().holidays());
    }

    @Test
    void holidaysMayBeLeftOut() throws Exception {
        DeskSettings s = loader.load(edit("  holidays: []", "").file);
        assertEquals(Set.of(), s.hours().holidays());
    }

    @Test
    void aDeskThatNeverOpensIsRefused() throws Exception {
        Path file = write(shipped().replace("[\"09:00-21:00\"]", "[]"));
        var e = assertThrows(IllegalArgumentException.class, () -> loader.load(file));
        assertTrue(e.getMessage().startsWith(file + ": key 'hours.weekly': no day has a range"), e.getMessage());
    }

    @Test
    void badRangeNamesTheDayAndItsIndex() throws Exception {
        Edited f = edit("    TUE: [\"09:00-21:00\"]", "    TUE: [\"09:00-12:00\", \"13:00-21:60\"]");
        var e = assertThrows(IllegalArgumentException.class, () -> loader.load(f.file));
        assertTrue(e.getMessage().startsWith(f.file + ":" + f.line + ": key 'hours.weekly.TUE[1]': cannot read '13:00-21:60'"), e.getMessage());
    }

    @Test
    void badZoneIsExplained() throws Exception {
        Edited f = edit("  zone: Asia/Shanghai", "  zone: Asia/Shanghia");
        var e = assertThrows(IllegalArgumentException.class, () -> loader.load(f.file));
        assertEquals(f.file + ":" + f.line + ": key 'hours.zone': unknown time zone 'Asia/Shanghia'; use a region id such as Asia/Shanghai",
                e.getMessage());
    }

    @Test
    void badHolidayNamesItsIndex() throws Exception {
        Edited f = edit("  holidays: []", "  holidays: [2026-02-17, 2026-02-30]");
        var e = assertThrows(IllegalArgumentException.class, () -> loader.load(f.file));
        assertEquals(f.file + ":" + f.line + ": key 'hours.holidays[1]': cannot read '2026-02-30': use a date such as 2026-02-17", e.getMessage());
    }

    @Test
    void flagMustBeABoolean() throws Exception {
        Path file = write(shipped().replace("    businessHoursOnly: false", "    businessHoursOnly: sometimes"));
        var e = assertThrows(IllegalArgumentException.class, () -> loader.load(file));
        assertTrue(e.getMessage().matches(Pattern.quote(file.toString()) + ":\\d+: key 'sla.priority1.businessHoursOnly': expected true or false"),
                e.getMessage());
    }

    @Test
    void historySizeMustBeAPositiveWholeNumber() throws Exception {
        var notANumber = assertThrows(IllegalArgumentException.class, () -> loader.load(edit("  historySize: 50", "  historySize: ten").file));
        assertTrue(notANumber.getMessage().endsWith("key 'eta.historySize': expected a whole number"), notANumber.getMessage());
        Edited zero = edit("  historySize: 50", "  historySize: 0");
        var e = assertThrows(IllegalArgumentException.class, () -> loader.load(zero.file));
        assertEquals(zero.file + ": key 'eta.historySize': must be at least 1, was 0", e.getMessage());
    }

    @Test
    void autoCloseMustComeAfterTheReminder() throws Exception {
        Edited f = edit("  autoCloseAfter: 3d", "  autoCloseAfter: 12h");
        var e = assertThrows(IllegalArgumentException.class, () -> loader.load(f.file));
        assertTrue(e.getMessage().startsWith(f.file + ": key 'waitingUser.autoCloseAfter': must be longer than waitingUser.reminderAfter (1440m)"),
                e.getMessage());
    }

    @Test
    void yamlSyntaxErrorHasALine() throws Exception {
        Edited f = edit("  historySize: 50", "  historySize: \"50");
        var e = assertThrows(IllegalArgumentException.class, () -> loader.load(f.file));
        assertTrue(e.getMessage().startsWith(f.file + ":" + f.line + ": YAML error: while scanning a quoted scalar"), e.getMessage());
    }

    @Test
    void duplicateKeyIsAnError() throws Exception {
        Path file = write(shipped().replace("  after: 30m", "  after: 30m\n  after: 45m"));
        var e = assertThrows(IllegalArgumentException.class, () -> loader.load(file));
        assertTrue(e.getMessage().startsWith(file + ":"), e.getMessage());
        assertTrue(e.getMessage().contains("after"), e.getMessage());
    }

    @Test
    void emptyAndMissingFilesAreExplained() throws Exception {
        Path empty = write("# nothing yet\n");
        var e = assertThrows(IllegalArgumentException.class, () -> loader.load(empty));
        assertEquals(empty + ": the file is empty; see the comments in the shipped config/desk.yaml", e.getMessage());

        Path absent = dir.resolve("absent.yaml");
        e = assertThrows(IllegalArgumentException.class, () -> loader.load(absent));
        assertEquals(absent + ": desk config file not found", e.getMessage());
    }

    @Test
    void aListWhereAMappingBelongsIsAnError() throws Exception {
        Path file = write("- hours\n- sla\n");
        var e = assertThrows(IllegalArgumentException.class, () -> loader.load(file));
        assertTrue(e.getMessage().startsWith(file + ":"), e.getMessage());
    }

    @Test
    void durationNotation() {
        assertEquals(Duration.ofMinutes(15), DurationText.parse("15m"));
        assertEquals(Duration.ofHours(2), DurationText.parse("2h"));
        assertEquals(Duration.ofHours(24), DurationText.parse("1d"));
        assertEquals(Duration.ofMinutes(90), DurationText.parse("1h30m"));
        assertEquals(Duration.ofHours(26).plusMinutes(5), DurationText.parse(" 1D2H5M "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2 hours", "", "h", "1.5h", "30s", "m15", "-1h", "15", "30m1h", "1234567m"})
    void unreadableDurations(String text) {
        var e = assertThrows(IllegalArgumentException.class, () -> DurationText.parse(text));
        assertEquals("cannot read '" + text + "': use 15m, 2h or 1d", e.getMessage());
    }

    private record Edited(Path file, int line) {
    }

    /** The shipped file with one line replaced ("" deletes it); line is 1-based, of the replaced line. */
    private Edited edit(String oldLine, String newLine) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(SHIPPED));
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals(oldLine)) {
                at = i;
                break;
            }
        }
        assertTrue(at >= 0, "the shipped file has no line '" + oldLine + "'");
        if (newLine.isEmpty()) {
            lines.remove(at);
        } else {
            lines.set(at, newLine);
        }
        return new Edited(Files.write(dir.resolve("desk.yaml"), lines), at + 1);
    }

    private static String shipped() throws Exception {
        return Files.readString(SHIPPED);
    }

    private Path write(String text) throws Exception {
        return Files.writeString(dir.resolve("desk.yaml"), text);
    }
}
