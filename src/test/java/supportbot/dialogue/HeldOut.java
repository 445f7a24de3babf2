package supportbot.dialogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The labelled messages of src/test/resources/intents/heldout.tsv, which config/intents.yaml never contains. */
record HeldOut(Intent intent, String text) {
    static final Path FILE = Path.of("src/test/resources/intents/heldout.tsv");

    static List<HeldOut> load() {
        try {
            var out = new ArrayList<HeldOut>();
            for (String line : Files.readAllLines(FILE)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                out.add(new HeldOut(Intent.fromKey(parts[0]).orElseThrow(() -> new IllegalArgumentException(line)), parts[1]));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Share of messages classified as labelled; prints the misses so a drop can be read, not guessed. */
    static double accuracy(List<HeldOut> messages, Function<String, Optional<Intent>> classifier, String label) {
        int right = 0;
        var misses = new StringBuilder();
        for (HeldOut m : messages) {
            Optional<Intent> got = classifier.apply(m.text());
            if (got.equals(Optional.of(m.intent()))) {
                right++;
            } else {
                misses.append("  ").append(m.intent()).append(" <- ").append(got.map(Enum::name).orElse("-"))
                        .append(": ").append(m.text()).append('\n');
            }
        }
        double accuracy = (double) right / messages.size();
        System.out.printf("%s: %d/%d = %.3f%n%s", label, right, messages.size(), accuracy, misses);
        return accuracy;
    }
}
