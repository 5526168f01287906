package org.deeprounds.datasets;

import org.deeprounds.datasets.formats.ScanContext;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DataSizeUnit;
import org.springframework.util.unit.DataSize;
import org.springframework.util.unit.DataUnit;

/**
 * Limits on imports ({@code deeprounds.datasets.*}): the upload size, refused while streaming, how much an archive
 * may unpack to (zip-bomb guard), how many columns a table may have (its summary, with statistics per column, is
 * stored in a bounded column; thousands of columns are also more than a lesson's network can learn from usefully),
 * and how much each user's imported datasets may hold on disk ({@code user-quota}; a plain number means megabytes).
 */
@ConfigurationProperties("deeprounds.datasets")
public record DatasetLimits(
        @DefaultValue("200MB") DataSize maxUploadSize,
        @DefaultValue("4GB") DataSize maxUncompressedSize,

        @DefaultValue("" + DatasetLimits.DEFAULT_MAX_COLUMNS)
        int maxColumns,

        @DefaultValue(DatasetLimits.DEFAULT_USER_QUOTA) @DataSizeUnit(DataUnit.MEGABYTES)
        DataSize userQuota) {

    /** Columns a table may have unless configured otherwise. */
    public static final int DEFAULT_MAX_COLUMNS = ScanContext.DEFAULT_MAX_COLUMNS;

    /** What each user's datasets may hold unless configured otherwise. */
    public static final String DEFAULT_USER_QUOTA = "1GB";
}
