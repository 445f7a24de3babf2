package supportbot.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import supportbot.channel.webchat.WebChat;
import supportbot.faq.FaqService;

/** The embedded HTTP server. Thin: routes read like a table and every rule lives elsewhere. */
public final class WebServer {
    private static final Logger log = LoggerFactory.getLogger(WebServer.class);

    private WebServer() {
    }

    public static Javalin start(String host, int port, FaqService faq, WebChat chat) {
        var faqApi = new FaqApi(faq);
        var chatApi = new WebChatApi(chat);
        return Javalin.create(cfg -> {
            cfg.jsonMapper(new JavalinJackson(new ObjectMapper(), false));
            cfg.staticFiles.add("/web", Location.CLASSPATH);
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = WebChat.MAX_ATTACHMENT_BYTES + 64 * 1024;
            cfg.routes.get("/api/faq/search", faqApi::search);
            cfg.routes.post("/api/chat/sessions", chatApi::createSession);
            cfg.routes.post("/api/chat/sessions/{id}/messages", chatApi::postMessage);
            cfg.routes.post("/api/chat/sessions/{id}/attachments", chatApi::postAttachment);
            cfg.routes.get("/api/chat/sessions/{id}/messages", chatApi::getMessages);
            cfg.routes.get("/health", ctx -> ctx.json(Map.of("status", "ok", "faqTopics", faq.catalog().size())));
            cfg.routes.exception(Exception.class, WebServer::internalError);
            cfg.routes.error(404, "application/json", ctx -> {
                if (ctx.result() == null) {
                    ctx.json(Map.of("error", "not found: " + ctx.path()));
                }
            });
        }).start(host, port);
    }

    private static void internalError(Exception e, Context ctx) {
        log.error("{} {} failed", ctx.method(), ctx.path(), e);
        ctx.status(500).json(Map.of("error", "internal error; the details are in the server log"));
    }
}
