package org.deeprounds.datasets;

/** The upload passed the configured size limit; it was refused while streaming. */
public class DatasetTooLargeException extends RuntimeException {

    public DatasetTooLargeException(long limitBytes) {
        super("The file is larger than the limit of " + (limitBytes / (1024 * 1024))
                + " MB (deeprounds.datasets.max-upload-size)");
    }
}
