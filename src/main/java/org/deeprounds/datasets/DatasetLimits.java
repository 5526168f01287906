package org.deeprounds.datasets;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on imports ({@code deeprounds.datasets.*}): the upload size, refused while streaming, how much an archive
 * may unpack to (zip-bomb guard), and how many columns a table may have (its summary, with statistics per column, is
 * stored in a bounded column; thousands of columns are also more than a lesson's network can learn from usefully).
 */
@ConfigurationProperties("deeprounds.datasets")
public record DatasetLimits(
        @DefaultValue("200MB") DataSize maxUploadSize,
        @DefaultValue("4GB") DataSize maxUncompressedSize,

        @DefaultValue("" + DatasetLimits.DEFAULT_MAX_COLUMNS)
        int maxColumns) {

    /** Columns a table may have unless configured otherwise. */
    public static final int DEFAULT_MAX_COLUMNS = 2000;
}
