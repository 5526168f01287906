package org.deeprounds.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GPU decision through the real start-up path, each in a JVM of its own (ND4J loads once per JVM), with the GPU
 * faked through {@value GpuSupport#PROBE_PROPERTY}. The CUDA build is stood in for by its registration with ND4J
 * ({@link GpuSupportTest#fakeCudaRegistration}): this machine has no CUDA, and the registered class is absent, so ND4J
 * starts only where start-up hid the registration.
 */
class GpuFallbackTest {

    @Test
    void a_gpu_newer_than_the_cuda_build_trains_on_the_cpu_and_the_system_page_says_why(@TempDir Path dir)
            throws Exception {
        var run = probe(
                "NVIDIA H200, 9.0", GpuSupportTest.fakeCudaRegistration(dir).getPath());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.line())
                .contains("backend=CPU", "gpu=false", "sum=12.0")
                .endsWith("message=GPU NVIDIA H200 (compute capability 9.0) is newer than this DL4J build supports"
                        + " (3.7 to 8.x): training on the CPU.");
        assertThat(run.output()).doesNotContain("jcublas");
    }

    @Test
    void a_supported_gpu_leaves_the_cuda_backend_to_nd4j(@TempDir Path dir) throws Exception {
        // The decision keeps CUDA, so ND4J goes for the registered CUDA backend, which this machine lacks.
        var run = probe(
                "NVIDIA GeForce RTX 3090, 8.6",
                GpuSupportTest.fakeCudaRegistration(dir).getPath());

        assertThat(run.exitCode()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("ND4J backend: CUDA", "org.nd4j.linalg.jcublas.JCublasBackend");
    }

    @Test
    void the_cpu_build_without_a_gpu_shows_nothing() throws Exception {
        var run = probe("", null);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.line()).contains("backend=CPU", "gpu=false", "sum=12.0").endsWith("message=");
    }

    private record Run(int exitCode, String output) {
        String line() {
            return output.lines()
                    .filter(line -> line.startsWith("PROBE "))
                    .findFirst()
                    .orElse(output);
        }
    }

    private static Run probe(String gpuProbe, String extraClassPath) throws Exception {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var classPath = System.getProperty("java.class.path")
                + (extraClassPath == null ? "" : File.pathSeparator + extraClassPath);
        var command = new ArrayList<>(List.of(
                java,
                "-D" + GpuSupport.PROBE_PROPERTY + "=" + gpuProbe,
                "-cp",
                classPath,
                GpuFallbackProbe.class.getName()));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(output).isTrue();
        return new Run(process.exitValue(), output);
    }
}
