package org.deeprounds.datasets.signal;

import java.util.Optional;

/**
 * The standard WFDB annotation codes (PhysioNet's table, as MIT-BIH and most ECG databases use them): the number stored
 * in the file, the one-character mnemonic clinicians and papers use ("N", "V"), what it means, and whether it marks a
 * heartbeat. Only beats become training windows; rhythm changes, noise and artefacts are kept but flagged, because
 * they say which stretches of signal to trust.
 */
public enum AnnotationCode {
    NORMAL(1, "N", "Normal beat", true),
    LBBB(2, "L", "Left bundle branch block beat", true),
    RBBB(3, "R", "Right bundle branch block beat", true),
    ABERRANT(4, "a", "Aberrated atrial premature beat", true),
    PVC(5, "V", "Premature ventricular contraction", true),
    FUSION(6, "F", "Fusion of ventricular and normal beat", true),
    NODAL_PREMATURE(7, "J", "Nodal (junctional) premature beat", true),
    ATRIAL_PREMATURE(8, "A", "Atrial premature beat", true),
    SUPRAVENTRICULAR_PREMATURE(9, "S", "Premature or ectopic supraventricular beat", true),
    VENTRICULAR_ESCAPE(10, "E", "Ventricular escape beat", true),
    NODAL_ESCAPE(11, "j", "Nodal (junctional) escape beat", true),
    PACED(12, "/", "Paced beat", true),
    UNCLASSIFIABLE(13, "Q", "Unclassifiable beat", true),
    NOISE(14, "~", "Change in signal quality", false),
    ARTEFACT(16, "|", "Isolated QRS-like artefact", false),
    ST_CHANGE(18, "s", "ST segment change", false),
    T_CHANGE(19, "T", "T-wave change", false),
    SYSTOLE(20, "*", "Systole", false),
    DIASTOLE(21, "D", "Diastole", false),
    NOTE(22, "\"", "Comment", false),
    MEASUREMENT(23, "=", "Measurement", false),
    P_WAVE(24, "p", "P-wave peak", false),
    BUNDLE_BRANCH_BLOCK(25, "B", "Bundle branch block beat (left or right unspecified)", true),
    PACER_SPIKE(26, "^", "Non-conducted pacer spike", false),
    T_WAVE(27, "t", "T-wave peak", false),
    RHYTHM(28, "+", "Rhythm change (the new rhythm is in the note, e.g. \"(AFIB\")", false),
    U_WAVE(29, "u", "U-wave peak", false),
    LEARNING(30, "?", "Beat not yet classified (learning)", true),
    FLUTTER_WAVE(31, "!", "Ventricular flutter wave", true),
    FLUTTER_START(32, "[", "Start of ventricular flutter or fibrillation", false),
    FLUTTER_END(33, "]", "End of ventricular flutter or fibrillation", false),
    ATRIAL_ESCAPE(34, "e", "Atrial escape beat", true),
    SUPRAVENTRICULAR_ESCAPE(35, "n", "Supraventricular escape beat", true),
    LINK(36, "@", "Link to external data", false),
    BLOCKED_P(37, "x", "Non-conducted P wave (blocked atrial premature beat)", false),
    PACED_FUSION(38, "f", "Fusion of paced and normal beat", true),
    WAVE_ONSET(39, "(", "Waveform onset", false),
    WAVE_END(40, ")", "Waveform end", false),
    R_ON_T(41, "r", "R-on-T premature ventricular contraction", true);

    /** Codes 1 to this are annotations; above it come the format's own markers (SKIP, NUM, SUB, CHN, AUX). */
    public static final int MAX_CODE = 49;

    private static final AnnotationCode[] BY_CODE = new AnnotationCode[MAX_CODE + 1];

    static {
        for (var code : values()) {
            BY_CODE[code.code] = code;
        }
    }

    private final int code;
    private final String mnemonic;
    private final String meaning;
    private final boolean beat;

    AnnotationCode(int code, String mnemonic, String meaning, boolean beat) {
        this.code = code;
        this.mnemonic = mnemonic;
        this.meaning = meaning;
        this.beat = beat;
    }

    /** The code for a stored number; empty for numbers the standard leaves unassigned (0, 15, 17, 42-49). */
    public static Optional<AnnotationCode> of(int code) {
        return code >= 0 && code <= MAX_CODE ? Optional.ofNullable(BY_CODE[code]) : Optional.empty();
    }

    /** The code with this mnemonic, e.g. "V". */
    public static Optional<AnnotationCode> ofMnemonic(String mnemonic) {
        for (var code : values()) {
            if (code.mnemonic.equals(mnemonic)) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }

    public int code() {
        return code;
    }

    public String mnemonic() {
        return mnemonic;
    }

    public String meaning() {
        return meaning;
    }

    /** Whether it marks a heartbeat (a QRS complex), as opposed to a rhythm change, noise or a wave. */
    public boolean isBeat() {
        return beat;
    }
}
