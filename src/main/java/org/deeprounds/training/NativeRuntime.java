package org.deeprounds.training;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the ND4J native build once per JVM, before ND4J loads, by setting the system properties JavaCPP and DL4J
 * read at load time. Called from start-up ({@link NativeRuntimeSetup}); a later call only reports the first choice,
 * since a loaded native library cannot be swapped.
 */
public final class NativeRuntime {

    private static final Logger log = LoggerFactory.getLogger(NativeRuntime.class);

    private static volatile NativeBuild chosen;

    private NativeRuntime() {}

    /** Picks and applies the build for {@code requested} ({@code auto}, {@code avx512}, {@code avx2}, {@code generic}). */
    public static synchronized NativeBuild prepare(String requested) {
        if (chosen != null) {
            return chosen;
        }
        var build = NativeBuild.choose(requested, NativeBuild.cpuFlags(Path.of("/proc/cpuinfo")), NativeBuild::bundled);
        if (System.getProperty(NativeBuild.EXTENSION_PROPERTY) == null) {
            System.setProperty(NativeBuild.EXTENSION_PROPERTY, build.extension());
        }
        if (build.usesOneDnn() && System.getProperty(NativeBuild.HELPERS_DISABLED_PROPERTY) == null) {
            System.setProperty(NativeBuild.HELPERS_DISABLED_PROPERTY, "false");
        }
        log.info("ND4J CPU build: {} (requested '{}')", build.label(), requested == null ? "auto" : requested);
        chosen = build;
        return build;
    }

    /** The build chosen in this JVM, or empty before start-up chose one. */
    public static java.util.Optional<NativeBuild> chosen() {
        return java.util.Optional.ofNullable(chosen);
    }
}
