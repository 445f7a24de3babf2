package supportbot.safety;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %msg} with personal data masked by {@link PiiMasker}. logback.xml registers it for the words
 * {@code msg}, {@code m} and {@code message}, so every pattern that prints the message masks it.
 */
public class MaskingMessageConverter extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return PiiMasker.mask(super.convert(event));
    }

    /**
     * {@code %ex} with personal data masked: exception messages quote user input ("no account for
     * alice@example.com"). logback.xml registers it for the throwable words and puts {@code %ex} in every
     * pattern, because a pattern without one gets logback's unmasked converter appended.
     */
    public static class Throwables extends ThrowableProxyConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return PiiMasker.mask(super.convert(event));
        }
    }

    /** {@code %xEx} (the exception with packaging data) masked like {@link Throwables}. */
    public static class ExtendedThrowables extends ExtendedThrowableProxyConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return PiiMasker.mask(super.convert(event));
        }
    }
}
