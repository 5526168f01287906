package org.deeprounds.datasets;

import java.util.Locale;

/**
 * How much a user's imported datasets hold on disk, against their quota. Field names are part of the API
 * ({@code GET /api/v1/datasets/usage}).
 *
 * @param usedBytes the folders of the datasets the user imported (shipped samples count for nobody)
 * @param quotaBytes the most they may hold; null where no quota applies (administrators)
 * @param summary in words, e.g. "312 MB of 1 GB used"
 */
public record StorageUsage(long usedBytes, Long quotaBytes, String summary) {

    static StorageUsage of(long usedBytes, Long quotaBytes) {
        return new StorageUsage(
                usedBytes,
                quotaBytes,
                quotaBytes == null
                        ? size(usedBytes) + " used (administrators have no storage quota)"
                        : size(usedBytes) + " of " + size(quotaBytes) + " used");
    }

    /** Room left before the quota; {@link Long#MAX_VALUE} without one. */
    long remaining() {
        return quotaBytes == null ? Long.MAX_VALUE : Math.max(0, quotaBytes - usedBytes);
    }

    private static final double KB = 1024.0;
    private static final double MB = 1024.0 * 1024;

    /**
     * In the units {@code deeprounds.datasets.user-quota} is set in (1 MB = 1024 KB, as Spring reads it): "40 KB",
     * "2.5 MB", "312 MB", "1 GB", "1.02 GB" (two decimals for GB, so 1.02 GB of a 1 GB quota does not read as just full).
     */
    public static String size(long bytes) {
        double mb = bytes / MB;
        if (bytes > 0 && mb < 1) {
            return Math.max(1, Math.round(bytes / KB)) + " KB";
        }
        if (mb >= 1024) {
            return new java.math.BigDecimal(mb / 1024)
                            .setScale(2, java.math.RoundingMode.HALF_UP)
                            .stripTrailingZeros()
                            .toPlainString()
                    + " GB";
        }
        return megabytes(mb, false);
    }

    /**
     * In one unit for comparing sizes in one sentence: megabytes, or kilobytes for a quota under 1 MB; rounded up
     * where the figure must not look smaller than it is ("would bring your datasets to 1,025 MB").
     */
    static String comparable(long bytes, long quotaBytes, boolean roundUp) {
        if (quotaBytes < MB) {
            double kb = bytes / KB;
            return String.format(Locale.ROOT, "%,d", (long) (roundUp ? Math.ceil(kb) : Math.round(kb))) + " KB";
        }
        return megabytes(bytes / MB, roundUp);
    }

    private static String megabytes(double mb, boolean roundUp) {
        if (mb < 10) {
            double tenths = roundUp ? Math.ceil(mb * 10) : Math.round(mb * 10);
            var text = String.format(Locale.ROOT, "%.1f", tenths / 10);
            return (text.endsWith(".0") ? text.substring(0, text.length() - 2) : text) + " MB";
        }
        return String.format(Locale.ROOT, "%,d", (long) (roundUp ? Math.ceil(mb) : Math.round(mb))) + " MB";
    }
}
