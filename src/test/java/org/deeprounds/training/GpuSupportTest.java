package org.deeprounds.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.deeprounds.training.GpuSupport.Capability;
import org.deeprounds.training.GpuSupport.Gpu;
import org.deeprounds.training.GpuSupport.Probe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** nvidia-smi's answer read as it prints it, and the CUDA-or-CPU decision made from it, without loading ND4J. */
class GpuSupportTest {

    private static final Gpu H200 = new Gpu("NVIDIA H200", new Capability(9, 0));
    private static final Gpu RTX_3090 = new Gpu("NVIDIA GeForce RTX 3090", new Capability(8, 6));

    @Test
    void the_probe_asks_nvidia_smi_for_name_and_compute_capability_without_a_header() {
        assertThat(GpuSupport.NVIDIA_SMI)
                .containsExactly("nvidia-smi", "--query-gpu=name,compute_cap", "--format=csv,noheader");
    }

    @Test
    void one_line_per_gpu_is_read_as_name_and_capability() {
        assertThat(GpuSupport.parse("NVIDIA H200, 9.0\n")).isEqualTo(new Probe.Found(List.of(H200)));
    }

    @Test
    void several_gpus_are_read_in_order() {
        var output = "NVIDIA A100-SXM4-80GB, 8.0\nNVIDIA A100-SXM4-80GB, 8.0\nTesla K80, 3.7\n";

        assertThat(GpuSupport.parse(output))
                .isEqualTo(new Probe.Found(List.of(
                        new Gpu("NVIDIA A100-SXM4-80GB", new Capability(8, 0)),
                        new Gpu("NVIDIA A100-SXM4-80GB", new Capability(8, 0)),
                        new Gpu("Tesla K80", new Capability(3, 7)))));
    }

    @Test
    void blank_lines_and_windows_line_ends_are_tolerated_and_no_line_means_no_gpu() {
        assertThat(GpuSupport.parse("\r\nNVIDIA H200, 9.0\r\n\r\n")).isEqualTo(new Probe.Found(List.of(H200)));
        assertThat(GpuSupport.parse("")).isEqualTo(new Probe.Found(List.of()));
    }

    @Test
    void a_line_that_is_not_name_comma_capability_makes_the_whole_answer_unreadable() {
        // An old driver that does not know the field, a GPU it cannot report, a missing comma, a missing name.
        for (var output : List.of(
                "Field \"compute_cap\" is not a valid field to query.",
                "NVIDIA A100-SXM4-80GB, 8.0\nNVIDIA H200, [N/A]",
                "NVIDIA H200 9.0",
                ", 9.0",
                "NVIDIA H200, 9")) {
            assertThat(GpuSupport.parse(output)).as(output).isInstanceOf(Probe.Unreadable.class);
        }
        assertThat(((Probe.Unreadable) GpuSupport.parse("NVIDIA H200, [N/A]")).reason())
                .isEqualTo("unexpected nvidia-smi output 'NVIDIA H200, [N/A]'");
    }

    @Test
    void a_faked_probe_separates_gpus_by_semicolons() {
        assertThat(GpuSupport.parseFaked("NVIDIA H200, 9.0;NVIDIA GeForce RTX 3090, 8.6"))
                .isEqualTo(new Probe.Found(List.of(H200, RTX_3090)));
        assertThat(GpuSupport.parseFaked("")).isEqualTo(new Probe.Found(List.of()));
    }

    @Test
    void the_cuda_kernels_run_from_compute_capability_3_7_through_every_8_x() {
        assertThat(gpu(3, 5).runsCudaBuild()).isFalse();
        assertThat(gpu(3, 7).runsCudaBuild()).isTrue();
        assertThat(gpu(7, 5).runsCudaBuild()).isTrue();
        assertThat(gpu(8, 6).runsCudaBuild()).isTrue();
        assertThat(gpu(8, 9).runsCudaBuild()).isTrue();
        assertThat(gpu(9, 0).runsCudaBuild()).isFalse();
        assertThat(gpu(12, 0).runsCudaBuild()).isFalse();
    }

    @Test
    void a_gpu_newer_than_the_cuda_build_sends_training_to_the_cpu_and_says_why() {
        var outcome = GpuSupport.decide(GpuSupport.parse("NVIDIA H200, 9.0\n"), true);

        assertThat(outcome.useCuda()).isFalse();
        assertThat(outcome.supported()).isFalse();
        assertThat(outcome.gpus()).containsExactly(H200);
        assertThat(outcome.message())
                .isEqualTo("GPU NVIDIA H200 (compute capability 9.0) is newer than this DL4J build supports"
                        + " (3.7 to 8.x): training on the CPU.");
    }

    @Test
    void a_gpu_older_than_the_cuda_build_sends_training_to_the_cpu_too() {
        var outcome = GpuSupport.decide(GpuSupport.parse("Tesla K20Xm, 3.5\n"), true);

        assertThat(outcome.useCuda()).isFalse();
        assertThat(outcome.message())
                .isEqualTo("GPU Tesla K20Xm (compute capability 3.5) is older than this DL4J build supports"
                        + " (3.7 to 8.x): training on the CPU.");
    }

    @Test
    void a_supported_gpu_keeps_cuda_and_needs_no_message() {
        var outcome = GpuSupport.decide(GpuSupport.parse("NVIDIA GeForce RTX 3090, 8.6\n"), true);

        assertThat(outcome.useCuda()).isTrue();
        assertThat(outcome.supported()).isTrue();
        assertThat(outcome.gpus()).containsExactly(RTX_3090);
        assertThat(outcome.message()).isEmpty();
    }

    @Test
    void one_unsupported_gpu_among_several_sends_training_to_the_cpu_and_says_how_to_use_the_others() {
        // CUDA numbers the fastest GPU first, so the one ND4J starts on may well be the one it cannot run on.
        var outcome = GpuSupport.decide(GpuSupport.parse("NVIDIA GeForce RTX 3090, 8.6\nNVIDIA H200, 9.0\n"), true);

        assertThat(outcome.useCuda()).isFalse();
        assertThat(outcome.gpus()).containsExactly(RTX_3090, H200);
        assertThat(outcome.message())
                .startsWith("GPU NVIDIA H200 (compute capability 9.0) is newer than this DL4J build supports")
                .contains("give this server only those");
    }

    @Test
    void the_cuda_build_without_a_gpu_trains_on_the_cpu_and_says_so() {
        var outcome = GpuSupport.decide(new Probe.Found(List.of()), true);

        assertThat(outcome.useCuda()).isFalse();
        assertThat(outcome.message()).isEqualTo("No NVIDIA GPU found: training on the CPU.");
    }

    @Test
    void the_cuda_build_lets_nd4j_try_where_nvidia_smi_cannot_tell_and_says_so() {
        var outcome = GpuSupport.decide(new Probe.Unreadable("nvidia-smi not found"), true);

        assertThat(outcome.useCuda()).isTrue();
        assertThat(outcome.message()).startsWith("Could not read the GPU's compute capability (nvidia-smi not found)");
    }

    @Test
    void the_cpu_build_without_a_gpu_changes_nothing_and_says_nothing() {
        for (var probe : List.of(new Probe.Found(List.of()), new Probe.Unreadable("nvidia-smi not found"))) {
            var outcome = GpuSupport.decide(probe, false);

            assertThat(outcome.useCuda()).isFalse();
            assertThat(outcome.gpus()).isEmpty();
            assertThat(outcome.message()).isEmpty();
        }
    }

    @Test
    void the_cpu_build_on_a_supported_gpu_points_to_the_cuda_build() {
        var outcome = GpuSupport.decide(GpuSupport.parse("NVIDIA GeForce RTX 3090, 8.6\n"), false);

        assertThat(outcome.useCuda()).isFalse();
        assertThat(outcome.supported()).isTrue();
        assertThat(outcome.message())
                .startsWith("GPU NVIDIA GeForce RTX 3090 (compute capability 8.6) found, but this is the CPU build")
                .contains("mvn -Dcuda");
    }

    @Test
    void the_cuda_registration_is_found_and_hidden_while_the_cpu_one_stays(@TempDir Path dir) throws Exception {
        var fakeCudaJar = fakeCudaRegistration(dir);
        try (var loader = new URLClassLoader(new URL[] {fakeCudaJar}, getClass().getClassLoader())) {
            var roots = GpuSupport.cudaBackendRoots(loader);
            assertThat(roots).containsExactly(fakeCudaJar.toString());

            var hiding = new GpuSupport.WithoutCudaServices(loader, roots);
            var seen = Collections.list(loader.getResources(GpuSupport.BACKEND_SERVICE)).stream()
                    .map(URL::toString)
                    .toList();
            var left = Collections.list(hiding.getResources(GpuSupport.BACKEND_SERVICE)).stream()
                    .map(URL::toString)
                    .toList();

            assertThat(seen).anyMatch(url -> url.startsWith(fakeCudaJar.toString()));
            assertThat(left).noneMatch(url -> url.startsWith(fakeCudaJar.toString()));
            assertThat(left).hasSize(seen.size() - 1).anyMatch(url -> url.contains("nd4j-native"));
            assertThat(GpuSupport.cudaBackendRoots(hiding)).isEmpty();
            assertThat(hiding.loadClass(GpuSupport.class.getName())).isSameAs(GpuSupport.class);
        }
    }

    /**
     * A class-path folder holding what the CUDA build's nd4j-cuda jar registers with ND4J. The class it names is not
     * there, so ND4J fails to start unless the registration is hidden.
     */
    static URL fakeCudaRegistration(Path dir) throws IOException {
        var service = dir.resolve(GpuSupport.BACKEND_SERVICE);
        Files.createDirectories(service.getParent());
        Files.writeString(
                service,
                "# the CUDA backend, as nd4j-cuda-11.6 registers it\norg.nd4j.linalg.jcublas.JCublasBackend\n");
        return dir.toUri().toURL();
    }

    private static Gpu gpu(int major, int minor) {
        return new Gpu("GPU", new Capability(major, minor));
    }
}
