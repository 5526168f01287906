package org.deeprounds.base;

import java.util.Locale;

/** Byte counts as people read them. */
public final class ByteSize {

    private static final String[] UNITS = {"bytes", "KiB", "MiB", "GiB", "TiB"};

    private ByteSize() {}

    /** In the largest binary unit that keeps the number at or above 1, e.g. "1.5 MiB". */
    public static String format(long bytes) {
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }
}
