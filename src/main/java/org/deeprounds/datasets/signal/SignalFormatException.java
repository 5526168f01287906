package org.deeprounds.datasets.signal;

import java.io.IOException;

/**
 * A signal file that cannot be read as what it claims to be. Checked, like the zip reader's refusals, so a scanner
 * passes it on to the import, which answers it as a format error; the message names the file, the place (line, frame
 * or byte offset) and what is wrong.
 */
public final class SignalFormatException extends IOException {

    public SignalFormatException(String message) {
        super(message);
    }
}
