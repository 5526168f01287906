package org.deeprounds.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The ND4J CPU library this server loads. The jar carries three: oneDNN builds for AVX-512 and AVX2 processors, and
 * the generic x86-64 build that runs on any 64-bit processor. Picked at start-up from the processor's flags, before
 * ND4J loads, so one jar runs fast on a new server and safely on an old one.
 */
public enum NativeBuild {
    ONEDNN_AVX512("-onednn-avx512", "oneDNN, AVX-512"),
    ONEDNN_AVX2("-onednn-avx2", "oneDNN, AVX2"),
    GENERIC("", "generic x86-64");

    /** JavaCPP's switch between the builds of one native library. */
    static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";

    /** DL4J creates no oneDNN layer helper unless this is {@code false}. */
    static final String HELPERS_DISABLED_PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";

    private final String extension;
    private final String label;

    NativeBuild(String extension, String label) {
        this.extension = extension;
        this.label = label;
    }

    /** The JavaCPP platform extension, e.g. {@code -onednn-avx512}; empty for the generic build. */
    public String extension() {
        return extension;
    }

    /** As shown on the System page. */
    public String label() {
        return label;
    }

    public boolean usesOneDnn() {
        return this != GENERIC;
    }

    /** Whether this build's native library is on the class path (the CUDA build and old jars carry only one). */
    boolean bundled() {
        var resource = "org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64" + extension + "/libnd4jcpu.so";
        return NativeBuild.class.getClassLoader().getResource(resource) != null;
    }

    /**
     * The fastest bundled build this processor can run: AVX-512 needs the foundation and the byte/word, double/quad
     * and vector-length extensions the build was compiled for.
     */
    static NativeBuild fastestFor(Set<String> cpuFlags, Predicate<NativeBuild> bundled) {
        if (cpuFlags.containsAll(Set.of("avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"))
                && bundled.test(ONEDNN_AVX512)) {
            return ONEDNN_AVX512;
        }
        if (cpuFlags.containsAll(Set.of("avx2", "fma")) && bundled.test(ONEDNN_AVX2)) {
            return ONEDNN_AVX2;
        }
        return GENERIC;
    }

    /**
     * The build asked for in configuration ({@code auto}, {@code avx512}, {@code avx2} or {@code generic}): {@code
     * auto} picks by processor; a named build the processor cannot run is refused rather than crashing later.
     */
    static NativeBuild choose(String requested, Set<String> cpuFlags, Predicate<NativeBuild> bundled) {
        var fastest = fastestFor(cpuFlags, bundled);
        var wanted = switch (requested == null ? "auto" : requested.trim().toLowerCase(Locale.ROOT)) {
            case "", "auto" -> fastest;
            case "avx512" -> ONEDNN_AVX512;
            case "avx2" -> ONEDNN_AVX2;
            case "generic" -> GENERIC;
            default ->
                throw new IllegalArgumentException("deeprounds.training.native-build: '" + requested
                        + "' is not one of auto, avx512, avx2, generic");
        };
        if (wanted.ordinal() < fastest.ordinal()) {
            throw new IllegalArgumentException("deeprounds.training.native-build: '" + requested + "' (" + wanted.label
                    + ") cannot run here; this processor and jar allow at most " + fastest.label);
        }
        return wanted;
    }

    /** The processor's feature flags, from the first "flags" line of /proc/cpuinfo; empty where there is none. */
    static Set<String> cpuFlags(Path cpuinfo) {
        try (var lines = Files.lines(cpuinfo)) {
            return lines.filter(line -> line.startsWith("flags"))
                    .findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1))
                    .map(flags -> Arrays.stream(flags.trim().split("\\s+")).collect(Collectors.toSet()))
                    .orElse(Set.of());
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
    }
}
