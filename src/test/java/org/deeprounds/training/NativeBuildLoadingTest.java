package org.deeprounds.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Each bundled build really loads and trains, in a JVM of its own (a loaded native library cannot be swapped): the
 * generic one is what an old processor gets, so this is the fallback path running for real.
 */
class NativeBuildLoadingTest {

    @Test
    void the_generic_fallback_loads_and_learns_without_onednn_helpers() throws Exception {
        var out = probe("generic");
        assertThat(out).contains("build=GENERIC", "label=generic x86-64", "extension= ", "helpers=[-, -, -, -, -, -]");
    }

    @Test
    void the_fastest_build_for_this_processor_loads_with_onednn_helpers() throws Exception {
        var expected = NativeBuild.fastestFor(NativeBuild.cpuFlags(Path.of("/proc/cpuinfo")), NativeBuild::bundled);
        var out = probe("auto");
        assertThat(out).contains("build=" + expected.name(), "extension=" + expected.extension() + " ");
        if (expected.usesOneDnn()) {
            assertThat(out).contains("MKLDNNConvHelper");
        }
    }

    private static String probe(String build) throws Exception {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(List.of(
                        java, "-cp", System.getProperty("java.class.path"), NativeBuildProbe.class.getName(), build))
                .redirectErrorStream(true)
                .start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines()
                .filter(line -> line.startsWith("PROBE "))
                .findFirst()
                .orElse(output);
    }
}
