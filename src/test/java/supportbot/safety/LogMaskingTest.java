package supportbot.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.status.Status;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The shipped logback.xml, loaded into a private logger context, masks what goes through SLF4J. */
class LogMaskingTest {
    private static final Path SHIPPED = Path.of("src/main/resources/logback.xml");
    private static final String RAW = "user {} phone {} card {}";
    private static final Object[] ARGS = {"alice@example.com", "13812345678", "4242 4242 4242 4242"};

    private LoggerContext context;

    @BeforeEach
    void loadShippedConfig() throws Exception {
        load(null);
    }

    /** @param format the LOG_FORMAT the shipped config is loaded with; null for the default */
    private void load(String format) throws Exception {
        if (context != null) {
            context.stop();
        }
        context = new LoggerContext();
        if (format != null) {
            context.putProperty("LOG_FORMAT", format);
        }
        context.setName("log-masking-test");
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(SHIPPED.toFile());
        for (Status s : context.getStatusManager().getCopyOfStatusList()) {
            assertTrue(s.getLevel() < Status.WARN, () -> "logback.xml: " + s);
        }
    }

    @AfterEach
    void stop() {
        List<Status> errors = context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getLevel() >= Status.WARN).toList();
        context.stop();
        assertTrue(errors.isEmpty(), () -> "logback reported: " + errors);
    }

    @Test
    void messagesLoggedThroughSlf4jAreMasked() {
        ByteArrayOutputStream out = captureWithShippedPattern();
        Logger log = context.getLogger("supportbot.Example");

        log.info("user alice@example.com phone 13812345678 card 4242 4242 4242 4242");
        log.warn(RAW, ARGS);

        String written = out.toString(StandardCharsets.UTF_8);
        assertNoRawValues(written);
        String masked = "user a***@example.com phone 138****5678 card **** **** **** 4242";
        assertEquals(2, written.split(Pattern.quote(masked), -1).length - 1, written);
    }

    @Test
    void exceptionMessagesAreMasked() {
        ByteArrayOutputStream out = captureWithShippedPattern();
        Logger log = context.getLogger("supportbot.Example");

        log.error("lookup failed", new IllegalStateException("no account for alice@example.com",
                new RuntimeException("card 4242 4242 4242 4242 declined")));

        String written = out.toString(StandardCharsets.UTF_8);
        assertNoRawValues(written);
        assertTrue(written.contains("IllegalStateException: no account for a***@example.com"), written);
        assertTrue(written.contains("card **** **** **** 4242 declined"), written);
        assertTrue(written.contains("at supportbot.safety.LogMaskingTest"), "stack trace still printed: " + written);
    }

    /** Every appender of the shipped config, with its own encoder, masks message and exception. */
    @Test
    void everyShippedAppenderMasks() {
        List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
        for (ch.qos.logback.classic.Logger logger : context.getLoggerList()) {
            for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
                appenders.add(it.next());
            }
        }
        assertFalse(appenders.isEmpty(), "logback.xml defines no appender");

        ch.qos.logback.classic.Logger logger = context.getLogger("supportbot.Example");
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.ERROR, RAW,
                new IllegalStateException("no account for alice@example.com"), ARGS);
        for (Appender<ILoggingEvent> appender : appenders) {
            assertTrue(appender instanceof OutputStreamAppender, appender.getName() + " is not checked by this test");
            Encoder<ILoggingEvent> encoder = ((OutputStreamAppender<ILoggingEvent>) appender).getEncoder();
            String written = new String(encoder.encode(event), StandardCharsets.UTF_8);
            assertNoRawValues(written);
            assertTrue(written.contains("a***@example.com phone 138****5678 card **** **** **** 4242"), written);
            assertTrue(written.contains("no account for a***@example.com"), written);
        }
    }

    @Test
    void shippedConfigRegistersTheMaskingConverters() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        var doc = factory.newDocumentBuilder().parse(Files.newInputStream(SHIPPED));
        NodeList rules = doc.getElementsByTagName("conversionRule");
        List<String> masked = new ArrayList<>();
        for (int i = 0; i < rules.getLength(); i++) {
            Element rule = (Element) rules.item(i);
            String cls = rule.hasAttribute("class") ? rule.getAttribute("class") : rule.getAttribute("converterClass");
            if (cls.equals(MaskingMessageConverter.class.getName())
                    || cls.equals(MaskingMessageConverter.Throwables.class.getName())
                    || cls.equals(MaskingMessageConverter.ExtendedThrowables.class.getName())) {
                masked.add(rule.getAttribute("conversionWord"));
            }
        }
        assertTrue(masked.containsAll(List.of("msg", "m", "message", "ex", "exception", "throwable",
                        "xEx", "xException", "xThrowable")),
                "masked words: " + masked);

        NodeList patterns = doc.getElementsByTagName("pattern");
        assertTrue(patterns.getLength() > 0);
        for (int i = 0; i < patterns.getLength(); i++) {
            String pattern = patterns.item(i).getTextContent();
            assertTrue(pattern.matches("(?s).*%(msg|m|message)\\b.*"), pattern);
            assertTrue(pattern.matches("(?s).*%(ex|exception|throwable|xEx|xException|xThrowable)\\b.*"),
                    "without %ex logback appends its own unmasked exception converter: " + pattern);
        }
    }

    /** A capturing appender that replaces the console, encoding with the shipped pattern in this context. */
    private ByteArrayOutputStream captureWithShippedPattern() {
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Appender<ILoggingEvent> console = root.getAppender("STDERR");
        assertNotNull(console, "logback.xml no longer has the STDERR appender");
        var shipped = (ch.qos.logback.classic.encoder.PatternLayoutEncoder)
                ((OutputStreamAppender<ILoggingEvent>) console).getEncoder();
        root.detachAppender(console);

        var encoder = new ch.qos.logback.classic.encoder.PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(shipped.getPattern());
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputStreamAppender<ILoggingEvent> capture = new OutputStreamAppender<>();
        capture.setContext(context);
        capture.setName("capture");
        capture.setEncoder(encoder);
        capture.setOutputStream(out);
        capture.start();
        root.addAppender(capture);
        return out;
    }

    @Test
    void textLinesCarryAnIsoTimeWithZoneAndTheConversationAndTicket() {
        ByteArrayOutputStream out = captureWithShippedPattern();
        Logger log = context.getLogger("supportbot.Example");
        context.getMDCAdapter().put(supportbot.logging.LogContext.CONVERSATION, "telegram:3fa91c0b7d2e");
        context.getMDCAdapter().put(supportbot.logging.LogContext.TICKET, "#1001");
        log.info("inside a turn");
        context.getMDCAdapter().clear();
        log.info("outside any turn");

        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertTrue(lines[0].matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2}) INFO .*"), lines[0]);
        assertTrue(lines[0].contains(" conv=telegram:3fa91c0b7d2e ticket=#1001 - inside a turn"), lines[0]);
        assertTrue(lines[1].endsWith("supportbot.Example - outside any turn"), "no empty conv= or ticket=: " + lines[1]);
    }

    /** LOG_FORMAT=json: one object per line that parses, carries the MDC, and is masked like the text. */
    @Test
    void theJsonFormatParsesAndIsMasked() throws Exception {
        load("json");
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Encoder<ILoggingEvent> encoder = ((OutputStreamAppender<ILoggingEvent>) root.getAppender("STDERR")).getEncoder();
        assertTrue(((supportbot.logging.LogFormatEncoder) encoder).isJson(), "LOG_FORMAT=json is not picked up");

        ch.qos.logback.classic.Logger logger = context.getLogger("supportbot.Example");
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.ERROR, RAW,
                new IllegalStateException("no account for alice@example.com"), ARGS);
        event.setMDCPropertyMap(java.util.Map.of("conv", "telegram:3fa91c0b7d2e", "ticket", "#1001"));
        String written = new String(encoder.encode(event), StandardCharsets.UTF_8);

        assertNoRawValues(written);
        assertTrue(written.endsWith("\n") && written.indexOf('\n') == written.length() - 1, "one line: " + written);
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(written);
        assertEquals("ERROR", tree.get("level").asText());
        assertEquals("telegram:3fa91c0b7d2e", tree.get("conv").asText());
        assertEquals("#1001", tree.get("ticket").asText());
        assertEquals("user a***@example.com phone 138****5678 card **** **** **** 4242", tree.get("message").asText());
        assertTrue(tree.get("exception").asText().contains("no account for a***@example.com"), written);
        assertTrue(java.time.OffsetDateTime.parse(tree.get("time").asText()).getOffset() != null, written);
    }

    private static void assertNoRawValues(String written) {
        for (String raw : List.of("alice@example.com", "13812345678", "4242 4242 4242 4242")) {
            assertFalse(written.contains(raw), () -> raw + " leaked into: " + written);
        }
    }
}
