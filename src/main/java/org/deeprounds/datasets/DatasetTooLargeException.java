package org.deeprounds.datasets;

/** The upload passed the configured size limit, or the uploader's storage quota; nothing was stored. */
public class DatasetTooLargeException extends RuntimeException {

    public DatasetTooLargeException(long limitBytes) {
        super("The file is larger than the limit of " + (limitBytes / (1024 * 1024))
                + " MB (deeprounds.datasets.max-upload-size)");
    }

    protected DatasetTooLargeException(String message) {
        super(message);
    }
}
