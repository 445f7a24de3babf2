package supportbot.cli.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/** One GET with a bounded wait, read as JSON, with the server's clock from its Date header. */
final class HttpProbe {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param localMidpoint our clock halfway through the request, to compare with {@code serverDate}
     */
    record Reply(int status, JsonNode body, Optional<Instant> serverDate, Instant localMidpoint) {
    }

    private final HttpClient client;
    private final Duration timeout;
    private final java.time.Clock clock;

    HttpProbe(Duration timeout, java.time.Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Reply get(URI uri, Map<String, String> headers) throws IOException {
        var request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        headers.forEach(request::header);
        long before = clock.millis();
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        Instant midpoint = Instant.ofEpochMilli((before + clock.millis()) / 2);
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            body = MissingNode.getInstance(); // a proxy's HTML error page: the status tells enough
        }
        return new Reply(response.statusCode(), body == null ? MissingNode.getInstance() : body,
                response.headers().firstValue("Date").flatMap(HttpProbe::httpDate), midpoint);
    }

    private static Optional<Instant> httpDate(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** "connection refused", "timed out": the exception's gist, for a one-line report. */
    static String why(IOException e) {
        String type = e.getClass().getSimpleName();
        String message = e.getMessage();
        if (e instanceof java.net.http.HttpConnectTimeoutException || e instanceof java.net.http.HttpTimeoutException) {
            return "timed out";
        }
        if (e instanceof java.net.ConnectException) {
            return "connection refused or no route";
        }
        return message == null || message.isBlank() ? type : type + ": " + message;
    }
}
