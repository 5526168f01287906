package org.deeprounds.training;

import java.nio.file.Path;
import org.nd4j.common.config.ND4JClassLoading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the ND4J backend and native build once per JVM, before ND4J loads: CUDA or the CPU ({@link GpuSupport}), and
 * for the CPU the library for this processor, by setting the system properties JavaCPP and DL4J read at load time.
 * Called from start-up ({@link NativeRuntimeSetup}); a later call only reports the first choice, since a loaded
 * native library cannot be swapped.
 */
public final class NativeRuntime {

    private static final Logger log = LoggerFactory.getLogger(NativeRuntime.class);

    private static volatile NativeBuild chosen;
    private static volatile GpuSupport gpuSupport;

    private NativeRuntime() {}

    /**
     * Picks and applies the build for {@code requested} ({@code auto}, {@code avx512}, {@code avx2}, {@code generic}),
     * asking nvidia-smi about the GPU unless the system property {@value GpuSupport#PROBE_PROPERTY} gives its answer.
     */
    public static synchronized NativeBuild prepare(String requested) {
        return prepare(requested, System.getProperty(GpuSupport.PROBE_PROPERTY));
    }

    /**
     * Picks and applies the backend and build. {@code gpuProbe} is nvidia-smi's answer to use instead of asking it
     * (e.g. {@code NVIDIA H200, 9.0}; empty for no GPU), or null to ask it.
     */
    public static synchronized NativeBuild prepare(String requested, String gpuProbe) {
        if (chosen != null) {
            return chosen;
        }
        var cudaRoots = GpuSupport.cudaBackendRoots(ND4JClassLoading.getNd4jClassloader());
        var gpu = GpuSupport.decide(
                gpuProbe == null ? GpuSupport.probe() : GpuSupport.parseFaked(gpuProbe), !cudaRoots.isEmpty());
        if (!gpu.message().isEmpty()) {
            log.warn("{}", gpu.message());
        }
        if (!cudaRoots.isEmpty() && !gpu.useCuda()) {
            GpuSupport.hideCudaBackend(cudaRoots);
        }
        gpuSupport = gpu;
        if (gpu.useCuda()) {
            // No CPU library variant for JavaCPP to look for in the CUDA libraries, as before the CUDA build carried
            // the CPU backend too.
            if (System.getProperty(NativeBuild.EXTENSION_PROPERTY) == null) {
                System.setProperty(NativeBuild.EXTENSION_PROPERTY, NativeBuild.GENERIC.extension());
            }
            log.info(
                    "ND4J backend: CUDA, {}",
                    gpu.gpus().isEmpty()
                            ? "the GPU unknown"
                            : gpu.gpus().stream().map(GpuSupport.Gpu::describe).toList());
            chosen = NativeBuild.GENERIC;
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

    /** What start-up found out about the GPU, or empty before it chose. */
    public static java.util.Optional<GpuSupport> gpuSupport() {
        return java.util.Optional.ofNullable(gpuSupport);
    }
}
