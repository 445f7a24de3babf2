package supportbot.dialogue.details;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static supportbot.dialogue.details.DetailFixtures.CONFIG;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetailSettingsLoaderTest {
    private final DetailSettingsLoader loader = new DetailSettingsLoader();

    @TempDir
    Path dir;

    @Test
    void shippedConfigHasTheDocumentedDefaults() {
        DetailSettings s = loader.load(CONFIG);
        assertEquals(ZoneId.of("Asia/Shanghai"), s.defaultZone());
        assertEquals(10, s.descriptionMinChars());
        assertEquals(List.of("ETH", "BSC", "POLYGON", "ARBITRUM", "TRON", "BTC", "SOL"),
                s.chains().stream().map(ChainSpec::id).toList());
        List<String> coins = s.coins().stream().map(CoinSpec::symbol).toList();
        assertTrue(coins.containsAll(List.of("USDT", "USDC", "ETH", "BTC", "TRX", "BNB", "SOL", "POL", "ARB", "DAI")), coins.toString());
        assertTrue(s.coins().stream().filter(c -> c.symbol().equals("USDT")).findFirst().orElseThrow().aliases()
                .containsAll(List.of("u", "泰达币", "tether")));
        assertEquals(List.of("iPhone / iOS", "Android", "iPad", "Windows", "macOS"), s.deviceButtons());
        assertTrue(s.accountPattern().matcher("12345678").matches());
        assertTrue(s.accountPattern().matcher("a.b@example.org").matches());
    }

    @Test
    void shippedConfigDocumentsEveryKey() throws Exception {
        List<String> lines = Files.readAllLines(CONFIG);
        for (String key : List.of("accountPattern", "accountExample", "defaultZone", "descriptionMinChars", "chains", "coins",
                "deviceButtons")) {
            int at = indexOfKey(lines, key);
            assertTrue(at > 0 && lines.get(at - 1).trim().startsWith("#"), "no comment above " + key);
        }
        String text = String.join("\n", lines);
        for (String chainKey : List.of("id", "name", "aliases", "addressPattern", "txHashPattern")) {
            assertTrue(text.contains("#   " + chainKey), "chain key not documented: " + chainKey);
        }
    }

    @Test
    void brokenRegexNamesFileLineAndKey() throws Exception {
        List<String> lines = Files.readAllLines(CONFIG);
        int polygonAddress = -1;
        for (int i = 0, seen = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().startsWith("addressPattern:") && seen++ == 2) {
                polygonAddress = i;
            }
        }
        lines.set(polygonAddress, "    addressPattern: '0x[0-9a-fA-F{40}'");
        Path file = Files.write(dir.resolve("details.yaml"), lines);

        var e = assertThrows(IllegalArgumentException.class, () -> loader.load(file));
        assertTrue(e.getMessage().startsWith(file + ":" + (polygonAddress + 1) + ": key 'chains[2].addressPattern': invalid regex"),
                e.getMessage());
        assertTrue(e.getMessage().contains("0x[0-9a-fA-F{40}"), e.getMessage());
    }

    @Test
    void unknownKeyListsTheKnownOnes() throws Exception {
        Path file = write(shipped().replace("descriptionMinChars: 10", "descriptionMinChars: 10\ndescriptionMaxChars: 99"));
        var e = assertThrows(IllegalArgumentException.class, () -> loader.load(file));
        assertTrue(e.getMessage().matches("(?s)" + java.util.regex.Pattern.quote(file.toString())
                + ":\\d+: key 'descriptionMaxChars': unknown key; known keys here: .*descriptionMinChars.*"), e.getMessage());
    }

    @Test
    void missingKeyIsNamed() throws Exception {
        Path file = write(shipped().replaceFirst("(?m)^    txHashPattern: '0x\\[0-9a-fA-F\\]\\{64\\}'\\n", ""));
        var e = assertThrows(IllegalArgumentException.class, () -> loader.load(file));
        assertEquals(file + ": key 'chains[0].txHashPattern': missing; see the comments in the shipped config/details.yaml",
                e.getMessage());
    }

    @Test
    void unknownZoneIsNamedWithItsLine() throws Exception {
        Path file = write(shipped().replace("defaultZone: Asia/Shanghai", "defaultZone: Asia/Peking"));
        var e = assertThrows(IllegalArgumentException.class, () -> loader.load(file));
        int line = indexOfKey(Files.readAllLines(file), "defaultZone") + 1;
        assertTrue(e.getMessage().startsWith(file + ":" + line + ": key 'defaultZone': unknown time zone 'Asia/Peking'"),
                e.getMessage());
    }

    @Test
    void anAliasCannotNameTwoChains() throws Exception {
        Path file = write(shipped().replace("aliases: [tron, trc20,", "aliases: [tron, erc20, trc20,"));
        var e = assertThrows(IllegalArgumentException.class, () -> loader.load(file));
        assertEquals(file + ": key 'chains[4].aliases': 'erc20' already names chain ETH", e.getMessage());
    }

    @Test
    void theAccountExampleMustBeAValidAnswer() throws Exception {
        Path file = write(shipped().replace("accountExample: 'name@example.com / 12345678'", "accountExample: 'your email'"));
        var e = assertThrows(IllegalArgumentException.class, () -> loader.load(file));
        assertTrue(e.getMessage().startsWith(file + ": key 'accountExample': 'your email' does not match accountPattern"),
                e.getMessage());
    }

    @Test
    void yamlSyntaxErrorNamesTheLine() throws Exception {
        Path file = write("accountPattern: 'a'\nchains: [\n");
        var e = assertThrows(IllegalArgumentException.class, () -> loader.load(file));
        assertTrue(e.getMessage().matches("(?s)" + java.util.regex.Pattern.quote(file.toString()) + ":\\d+: YAML error: .*"),
                e.getMessage());
    }

    @Test
    void missingFileIsNamed() {
        Path file = dir.resolve("nope.yaml");
        var e = assertThrows(IllegalArgumentException.class, () -> loader.load(file));
        assertEquals(file + ": details config file not found", e.getMessage());
    }

    private static String shipped() throws Exception {
        return Files.readString(CONFIG);
    }

    private Path write(String text) throws Exception {
        return Files.writeString(dir.resolve("details.yaml"), text);
    }

    private static int indexOfKey(List<String> lines, String key) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(key + ":")) {
                return i;
            }
        }
        return -1;
    }
}
