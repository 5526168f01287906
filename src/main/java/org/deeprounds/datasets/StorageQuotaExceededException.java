package org.deeprounds.datasets;

/**
 * An import would take the uploader's datasets past their storage quota ({@code deeprounds.datasets.user-quota}).
 * Refused before the dataset is added; the API answers 413.
 */
public class StorageQuotaExceededException extends DatasetTooLargeException {

    StorageQuotaExceededException(String message) {
        super(message);
    }
}
