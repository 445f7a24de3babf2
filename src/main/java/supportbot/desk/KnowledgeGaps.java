package supportbot.desk;

import supportbot.ticket.Ticket;
import supportbot.ticket.TicketEvent;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Groups the questions the FAQ could not answer, so an editor sees the most asked first. */
public final class KnowledgeGaps {
    private KnowledgeGaps() {
    }

    /** @param example the first wording seen of this question */
    public record Gap(String example, int count) {
    }

    public static List<Gap> group(List<String> questions) {
        var groups = new LinkedHashMap<String, Gap>();
        for (String q : questions) {
            groups.merge(normalize(q), new Gap(q.strip(), 1), (a, b) -> new Gap(a.example(), a.count() + 1));
        }
        return groups.values().stream().sorted(Comparator.comparingInt(Gap::count).reversed()).toList();
    }

    /** Case, punctuation and spacing do not make a different question. */
    static String normalize(String q) {
        return q.toLowerCase(Locale.ROOT).replaceAll("[\\p{P}\\p{S}\\s]+", "");
    }

    /** FAQ answers agents sent through agent assist, by topic id, most used first: usage the bot's own count misses. */
    public static List<Map.Entry<String, Long>> assistUsage(java.util.Collection<Ticket> tickets) {
        var counts = new java.util.HashMap<String, Long>();
        tickets.forEach(t -> t.events().stream().filter(e -> e.type() == TicketEvent.Type.ASSIST && e.text() != null)
                .forEach(e -> counts.merge(e.text(), 1L, Long::sum)));
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).toList();
    }

    /** FAQ topics users said did not help, most first. */
    public static List<Map.Entry<String, Long>> unhelpfulTopics(Map<String, long[]> votes) {
        return votes.entrySet().stream().filter(e -> e.getValue()[1] > 0)
                .map(e -> Map.entry(e.getKey(), e.getValue()[1]))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).toList();
    }
}
