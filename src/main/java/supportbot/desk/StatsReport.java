package supportbot.desk;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The desk's numbers (seed article §5: response time, resolution, satisfaction). Durations are minutes;
 * a value is null when nothing was measured yet.
 *
 * @param deflectionRate FAQ answers marked "this solved it" / (those + tickets opened): how much the FAQ
 *                       took off the humans
 * @param escalationRate tickets escalated (by an agent, a complaint or a breached SLA) / tickets
 */
public record StatsReport(
        @JsonProperty("tickets") long tickets,
        @JsonProperty("open_tickets") long openTickets,
        @JsonProperty("first_response_median_min") Double firstResponseMedianMinutes,
        @JsonProperty("first_response_p90_min") Double firstResponseP90Minutes,
        @JsonProperty("resolution_median_min") Double resolutionMedianMinutes,
        @JsonProperty("deflection_rate") Double deflectionRate,
        @JsonProperty("escalation_rate") Double escalationRate,
        @JsonProperty("sla_breaches") long slaBreaches,
        @JsonProperty("rated_tickets") long ratedTickets,
        @JsonProperty("csat_average") Double csatAverage,
        @JsonProperty("csat_satisfied_share") Double csatSatisfiedShare,
        @JsonProperty("faq_helpful_votes") long faqHelpfulVotes,
        @JsonProperty("faq_unhelpful_votes") long faqUnhelpfulVotes) {

    public String toText() {
        return String.format(java.util.Locale.ROOT, """
                tickets                 %d (%d open)
                first response          median %s, p90 %s
                resolution              median %s
                deflection rate         %s   (FAQ "solved it" / (that + tickets))
                escalation rate         %s
                SLA breaches            %d
                satisfaction (CSAT)     %s average over %d ratings, %s gave 4-5 stars
                FAQ votes               %d helpful, %d not helpful
                """, tickets, openTickets, minutes(firstResponseMedianMinutes), minutes(firstResponseP90Minutes),
                minutes(resolutionMedianMinutes), percent(deflectionRate), percent(escalationRate), slaBreaches,
                csatAverage == null ? "-" : String.format(java.util.Locale.ROOT, "%.2f★", csatAverage), ratedTickets,
                percent(csatSatisfiedShare), faqHelpfulVotes, faqUnhelpfulVotes);
    }

    private static String minutes(Double m) {
        return m == null ? "-" : String.format(java.util.Locale.ROOT, "%.1f min", m);
    }

    private static String percent(Double r) {
        return r == null ? "-" : String.format(java.util.Locale.ROOT, "%.1f %%", 100 * r);
    }
}
