package supportbot.web;

import io.javalin.security.RouteRole;

/** Who may call a route. Routes without a role are open to anyone; each role is checked once, before the handler. */
enum Access implements RouteRole {
    /** A desk agent: bearer token, or the browser session cookie (plus the CSRF header on changes). */
    AGENT,
    /** A desk agent with the supervisor role. */
    SUPERVISOR,
    /** The metrics scraper: METRICS_TOKEN as a bearer token, or any loopback client when no token is set. */
    METRICS
}
