package supportbot.desk;

import supportbot.ticket.Ticket;
import supportbot.ticket.TicketEvent;
import supportbot.ticket.Tier;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What supervisors see on the dashboard: the desk's numbers overall, per day and per agent, and what the FAQ
 * is missing. Computed from the tickets on request; days are calendar days in the desk's time zone.
 */
public final class DeskDashboard {
    private DeskDashboard() {
    }

    public record Day(String date, int opened, int resolved, int escalations, int breaches, int ratings, Double csat,
                      Double firstResponseMedianMin, Double resolutionMedianMin) {
    }

    public record AgentRow(String name, String role, int assigned, int resolved, Double firstResponseMedianMin, int ratings,
                           Double csat) {
    }

    public record FaqVotes(String faqId, long unhelpful) {
    }

    public record Dashboard(Map<String, Object> summary, List<Day> days, List<AgentRow> agents,
                            @JsonProperty("knowledgeGaps") List<KnowledgeGaps.Gap> knowledgeGaps,
                            @JsonProperty("unhelpfulFaq") List<FaqVotes> unhelpfulFaq) {
    }

    public static Dashboard compute(List<Ticket> tickets, Map<String, long[]> votes, List<String> gaps,
                                    java.util.Collection<Agent> agents, int days, ZoneId zone, Instant now) {
        var report = DeskStats.compute(tickets, votes.values().stream().mapToLong(v -> v[0]).sum(),
                votes.values().stream().mapToLong(v -> v[1]).sum());
        var summary = new LinkedHashMap<String, Object>(new com.fasterxml.jackson.databind.ObjectMapper()
                .convertValue(report, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {
                }));
        summary.put("resolution_p90_min", DeskStats.percentile(resolutionMinutes(tickets), 0.9));

        LocalDate today = now.atZone(zone).toLocalDate();
        var perDay = new ArrayList<Day>();
        for (int i = days - 1; i >= 0; i--) {
            LocalDate date = today.minusDays(i);
            perDay.add(day(tickets, date, zone));
        }

        var rows = new ArrayList<AgentRow>();
        for (Agent a : agents.stream().sorted(Comparator.comparing(Agent::name)).toList()) {
            var mine = tickets.stream().filter(t -> a.name().equals(t.assignee())
                    || t.events().stream().anyMatch(e -> e.actor().equals(a.name()))).toList();
            var firsts = new ArrayList<Double>();
            int resolved = 0;
            int ratings = 0;
            double stars = 0;
            for (Ticket t : mine) {
                first(t, TicketEvent.Type.REPLY).filter(e -> e.actor().equals(a.name()))
                        .ifPresent(e -> firsts.add(minutes(t.openedAt(), e.at())));
                if (t.events().stream().anyMatch(e -> e.type() == TicketEvent.Type.RESOLVED && e.actor().equals(a.name()))) {
                    resolved++;
                    if (t.rating() != null) {
                        ratings++;
                        stars += t.rating().stars();
                    }
                }
            }
            rows.add(new AgentRow(a.name(), a.role().name().toLowerCase(java.util.Locale.ROOT), mine.size(), resolved,
                    DeskStats.percentile(firsts, 0.5), ratings, ratings == 0 ? null : stars / ratings));
        }
        var unhelpful = KnowledgeGaps.unhelpfulTopics(votes).stream()
                .map(e -> new FaqVotes(e.getKey(), e.getValue())).toList();
        return new Dashboard(summary, perDay, rows, KnowledgeGaps.group(gaps), unhelpful);
    }

    private static Day day(List<Ticket> tickets, LocalDate date, ZoneId zone) {
        int opened = 0;
        int resolved = 0;
        int escalations = 0;
        int breaches = 0;
        int ratings = 0;
        double stars = 0;
        var firsts = new ArrayList<Double>();
        var resolutions = new ArrayList<Double>();
        for (Ticket t : tickets) {
            if (on(t.openedAt(), date, zone)) {
                opened++;
                first(t, TicketEvent.Type.REPLY).ifPresent(e -> firsts.add(minutes(t.openedAt(), e.at())));
            }
            for (TicketEvent e : t.events()) {
                if (!on(e.at(), date, zone)) {
                    continue;
                }
                switch (e.type()) {
                    case RESOLVED -> {
                        resolved++;
                        resolutions.add(minutes(t.openedAt(), e.at()));
                    }
                    case SLA_BREACH -> breaches++;
                    default -> {
                    }
                }
            }
            if (DeskStats.escalatedAt(t).filter(at -> on(at, date, zone)).isPresent()) {
                escalations++;
            }
            if (t.rating() != null && on(t.rating().at(), date, zone)) {
                ratings++;
                stars += t.rating().stars();
            }
        }
        return new Day(date.toString(), opened, resolved, escalations, breaches, ratings, ratings == 0 ? null : stars / ratings,
                DeskStats.percentile(firsts, 0.5), DeskStats.percentile(resolutions, 0.5));
    }

    private static List<Double> resolutionMinutes(List<Ticket> tickets) {
        var out = new ArrayList<Double>();
        for (Ticket t : tickets) {
            first(t, TicketEvent.Type.RESOLVED).ifPresent(e -> out.add(minutes(t.openedAt(), e.at())));
        }
        return out;
    }

    private static Optional<TicketEvent> first(Ticket t, TicketEvent.Type type) {
        return t.events().stream().filter(e -> e.type() == type).findFirst();
    }

    private static boolean on(Instant at, LocalDate date, ZoneId zone) {
        return at != null && at.atZone(zone).toLocalDate().equals(date);
    }

    private static double minutes(Instant from, Instant to) {
        return Duration.between(from, to).toSeconds() / 60.0;
    }

    /** One row per ticket, for spreadsheets. */
    public static String csv(List<Ticket> tickets) {
        var sb = new StringBuilder("ticket,status,tier,category,priority,language,channel,assignee,opened_at,"
                + "first_response_min,resolved_at,rating,escalated,sla_breaches\r\n");
        for (Ticket t : tickets) {
            var firstReply = first(t, TicketEvent.Type.REPLY);
            var resolved = first(t, TicketEvent.Type.RESOLVED);
            sb.append(t.number()).append(',').append(t.status().label()).append(',')
                    .append(t.tier().name().toLowerCase(java.util.Locale.ROOT)).append(',')
                    .append(cell(t.draft().categoryId())).append(',').append(t.draft().priority()).append(',')
                    .append(t.draft().lang().code()).append(',').append(cell(t.draft().channel())).append(',')
                    .append(cell(t.assignee())).append(',').append(t.openedAt()).append(',')
                    .append(firstReply.map(e -> String.format(java.util.Locale.ROOT, "%.1f", minutes(t.openedAt(), e.at())))
                            .orElse("")).append(',')
                    .append(resolved.map(e -> e.at().toString()).orElse("")).append(',')
                    .append(t.rating() == null ? "" : String.valueOf(t.rating().stars())).append(',')
                    .append(t.tier() == Tier.SUPERVISOR).append(',')
                    .append(t.events().stream().filter(e -> e.type() == TicketEvent.Type.SLA_BREACH).count()).append("\r\n");
        }
        return sb.toString();
    }

    /** Quotes what needs it, and defuses cells a spreadsheet would run as a formula. */
    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value.matches("^[=+\\-@].*") ? "'" + value : value;
        return v.matches(".*[\",\r\n].*") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
