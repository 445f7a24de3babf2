package supportbot.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (URI too long, headers too large, unparsable HTTP) as the API's JSON error body
 * instead of an HTML page, with Jetty's details left out.
 */
final class JsonErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        String text = switch (code) {
            case 400 -> "bad request: the HTTP request could not be read";
            case 404 -> "not found";
            case 413 -> "body is too large";
            case 414 -> "URI is too long";
            case 431 -> "request headers are too large";
            default -> "request refused (" + code + ")";
        };
        String body = "{\"error\":\"" + text + "\"}";
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
