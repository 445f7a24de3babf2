package supportbot.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Ordinary support chat, sent as consecutive messages of one conversation, is never joined into a "phrase":
 * the shipped FAQ texts, the bench queries and the hand-written realistic messages (many made of BIP-39 list
 * words), in order, shuffled, and also cut into pieces of 3 to 8 words as a phone would cut a long paste.
 */
class SplitPhraseNoFalseAlarmTest {
    private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");

    @Test
    void ordinaryConversationsProduceNoAlarm() throws IOException {
        var corpus = new ArrayList<String>();
        corpus.addAll(NoFalseAlarmTest.writtenMessages());
        corpus.addAll(NoFalseAlarmTest.queryTexts());
        corpus.addAll(NoFalseAlarmTest.faqTexts());
        var streams = new ArrayList<List<String>>();
        streams.add(corpus);
        for (long seed = 1; seed <= 5; seed++) {
            var shuffled = new ArrayList<>(corpus);
            Collections.shuffle(shuffled, new Random(seed));
            streams.add(shuffled);
        }
        Random r = new Random(42);
        var pieces = new ArrayList<String>();
        for (String text : corpus) {
            String[] words = text.split("\\s+");
            for (int i = 0; i < words.length; ) {
                int n = 3 + r.nextInt(6);
                pieces.add(String.join(" ", java.util.Arrays.copyOfRange(words, i, Math.min(words.length, i + n))));
                i += n;
            }
            if (!text.contains(" ") && text.length() > 6) { // Chinese without spaces: cut by characters
                for (int i = 0; i < text.length(); i += 6) {
                    pieces.add(text.substring(i, Math.min(text.length(), i + 6)));
                }
            }
        }
        streams.add(pieces);

        long messages = 0;
        long candidates = 0;
        var alarms = new ArrayList<String>();
        var shape = new PartShape(Bip39.loadFromClasspath());
        for (List<String> stream : streams) {
            var watch = new SplitPhraseWatch(SplitPhraseWatch.Settings.defaults());
            for (int i = 0; i < stream.size(); i++) {
                String text = stream.get(i);
                if (SecretDetector.standard().containsSecret(text)) {
                    continue; // not a split phrase; the single-message check owns it
                }
                messages++;
                if (shape.isCandidate(text)) {
                    candidates++;
                }
                // One conversation per 50 messages, messages 10 s apart: all within the join window.
                var found = watch.offer("c" + i / 50, "m" + i, text, T0.plusSeconds(10L * (i % 50)));
                found.ifPresent(f -> alarms.add(String.join(" | ", f.earlier().stream().map(SplitPhraseWatch.Part::text)
                        .toList()) + " | " + text));
            }
        }
        System.out.printf("SplitPhraseNoFalseAlarmTest: %d messages in %d streams, %d shaped like pieces, %d alarms%n",
                messages, streams.size(), candidates, alarms.size());
        assertTrue(messages >= 5000, "messages: " + messages);
        assertEquals(List.of(), alarms);
    }
}
