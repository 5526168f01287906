package org.deeprounds.base;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An unexpected failure logged under a short reference ("3F9A2C") that the user is shown instead of the exception: the
 * page or API answer says nothing about the code, and whoever reads the log finds the stack trace by the reference.
 */
public final class ErrorReference {

    private static final Logger log = LoggerFactory.getLogger(ErrorReference.class);

    /** Three random bytes, six hex digits: short enough to read out, and a day's failures rarely share one. */
    private static final int BYTES = 3;

    private static final SecureRandom RANDOM = new SecureRandom();

    private ErrorReference() {}

    /** Logs {@code failure} with its stack trace under a fresh reference, and returns the reference. */
    public static String log(String where, Throwable failure) {
        var bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        var reference = HexFormat.of().formatHex(bytes).toUpperCase(Locale.ROOT);
        log.error("Unexpected error (ref {}) in {}", reference, where, failure);
        return reference;
    }
}
