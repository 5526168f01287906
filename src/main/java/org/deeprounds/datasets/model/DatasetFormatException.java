package org.deeprounds.datasets.model;

/** The uploaded file is not what it claims to be; the message names the problem and where (entry, line, column). */
public class DatasetFormatException extends RuntimeException {

    public DatasetFormatException(String message) {
        super(message);
    }

    public DatasetFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
