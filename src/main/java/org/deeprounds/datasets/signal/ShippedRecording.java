package org.deeprounds.datasets.signal;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The one real ECG that ships with DeepRounds: 5 minutes (19:35 to 24:35) of lead MLII of MIT-BIH Arrhythmia Database record
 * 208, a recording with many PVCs, so that trainees can run a detector or a trained network on a real heart after
 * learning on synthetic beats. This copy has no beat annotations; beats come from {@link RPeaks}. The files are
 * {@code sample-datasets/mitbih-208-excerpt/208.hea} and {@code 208.dat} on the classpath (see the README there).
 */
public final class ShippedRecording {

    /** The classpath folder of the record's files. */
    public static final String FOLDER = "sample-datasets/mitbih-208-excerpt/";

    public static final String RECORD = "208";

    public static final double SAMPLING_FREQUENCY = 360;

    /** 5 minutes at 360 Hz. */
    public static final int SAMPLES = 108_000;

    public static final String LEAD = "MLII";

    public static final String PROVENANCE =
            "MIT-BIH Arrhythmia Database record 208, 5 minutes (19:35 to 24:35), lead MLII,"
                    + " 360 Hz, as distributed in SciPy's scipy.misc.electrocardiogram() sample; stored unchanged as a WFDB"
                    + " record (format 212, 200 units per mV, zero 1024). This copy carries no beat annotations.";

    public static final String LICENCE = "Open Data Commons Attribution License v1.0 (ODC-By 1.0), as on PhysioNet;"
            + " SciPy's copy is distributed under SciPy's BSD-3-Clause licence.";

    public static final String CITATION = "Moody GB, Mark RG. The impact of the MIT-BIH Arrhythmia Database."
            + " IEEE Eng in Med and Biol 20(3):45-50 (May-June 2001). Goldberger AL, et al. PhysioBank,"
            + " PhysioToolkit, and PhysioNet: components of a new research resource for complex physiologic signals."
            + " Circulation 101(23):e215-e220 (2000).";

    private ShippedRecording() {}

    /** Reads the record from the classpath. */
    public static WfdbSignals load() throws IOException {
        WfdbHeader header;
        try (var in = open(RECORD + ".hea")) {
            header = WfdbHeader.read(RECORD + ".hea", in);
        }
        return WfdbSignals.read(header, ShippedRecording::open, SAMPLES);
    }

    private static InputStream open(String fileName) throws IOException {
        var in = ShippedRecording.class.getClassLoader().getResourceAsStream(FOLDER + fileName);
        if (in == null) {
            throw new FileNotFoundException(FOLDER + fileName + " is not on the classpath; the build copies"
                    + " sample-datasets/ into the jar");
        }
        return in;
    }
}
