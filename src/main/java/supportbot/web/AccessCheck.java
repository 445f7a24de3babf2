package supportbot.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import supportbot.desk.Agent;
import supportbot.desk.AgentDirectory;

/** The one access check, run before every route that has an {@link Access} role; handlers read the agent it found. */
final class AccessCheck {
    private static final Logger log = LoggerFactory.getLogger(AccessCheck.class);
    private static final String AGENT_ATTRIBUTE = "supportbot.agent";

    private final AgentDirectory agents;
    private final DeskSessions sessions;
    private final String metricsToken;

    AccessCheck(AgentDirectory agents, DeskSessions sessions, String metricsToken) {
        this.agents = agents;
        this.sessions = sessions;
        this.metricsToken = metricsToken;
    }

    void check(Context ctx) {
        var roles = ctx.routeRoles();
        if (roles.contains(Access.METRICS)) {
            metrics(ctx);
        }
        if (roles.contains(Access.AGENT) || roles.contains(Access.SUPERVISOR)) {
            Agent agent = authenticate(ctx);
            if (roles.contains(Access.SUPERVISOR) && !agent.supervisor()) {
                log.warn("refused {} {} to {} ({}): supervisors only", ctx.method(), ctx.path(), agent.name(), agent.role());
                throw new HttpError(403, ctx.path() + " is for supervisors only");
            }
            ctx.attribute(AGENT_ATTRIBUTE, agent);
        }
    }

    /** The agent the check found; only for routes with the AGENT or SUPERVISOR role. */
    static Agent agent(Context ctx) {
        Agent agent = ctx.attribute(AGENT_ATTRIBUTE);
        if (agent == null) {
            throw new IllegalStateException(ctx.path() + " reads the agent but has no AGENT role");
        }
        return agent;
    }

    private void metrics(Context ctx) {
        if (metricsToken == null) {
            if (!loopback(ctx.ip())) {
                throw new HttpError(403, "/metrics answers only this machine; set METRICS_TOKEN to scrape it from elsewhere");
            }
            return;
        }
        String header = ctx.header("Authorization");
        String given = header != null && header.startsWith("Bearer ") ? header.substring(7).strip() : "";
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), metricsToken.getBytes(StandardCharsets.UTF_8))) {
            throw new HttpError(401, "send 'Authorization: Bearer <METRICS_TOKEN>'");
        }
    }

    private static boolean loopback(String ip) {
        try {
            return java.net.InetAddress.getByName(ip).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /**
     * A bearer token (tools), or the browser's session cookie. With the cookie, a change must also carry the
     * session's CSRF token in a header: another site can make the browser send the cookie, not the header.
     */
    private Agent authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null) {
            String token = header.startsWith("Bearer ") ? header.substring(7).strip() : null;
            return agents.byToken(token).orElseThrow(() -> new HttpError(401,
                    "missing or unknown agent token: send 'Authorization: Bearer <token>'"));
        }
        var session = sessions.find(ctx.cookie(DeskSessions.COOKIE)).orElseThrow(() -> new HttpError(401,
                "missing or unknown agent token: send 'Authorization: Bearer <token>', or sign in at /desk/"));
        if (!ctx.method().name().equals("GET")) {
            String csrf = ctx.header(DeskSessions.CSRF_HEADER);
            if (csrf == null || !MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8),
                    session.csrf().getBytes(StandardCharsets.UTF_8))) {
                log.warn("refused {} {} for {}: missing or wrong CSRF token", ctx.method(), ctx.path(), session.agent());
                throw new HttpError(403, "missing or wrong " + DeskSessions.CSRF_HEADER + " header");
            }
        }
        return agents.byName(session.agent()).orElseThrow(() -> new HttpError(401, "not signed in"));
    }
}
