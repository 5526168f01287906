package org.deeprounds.training;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.nd4j.common.config.ND4JClassLoading;

/**
 * Whether this server's NVIDIA GPUs can run DL4J's CUDA build, decided at start-up before ND4J loads. DL4J
 * 1.0.0-M2.1's CUDA kernels are compiled for compute capability 3.7 up to 8.6 and carry no PTX that the driver could
 * compile for a newer GPU, so on Hopper (9.0: H100, H200) and later every operation would fail. There the CUDA backend
 * is hidden from ND4J and it loads the CPU backend, which the CUDA build carries as well: runs train on the CPU
 * instead of failing.
 *
 * <p>The probe is {@code nvidia-smi}, which ships with the driver (no CUDA library needs to load to ask it), or, for
 * tests and odd hosts, its output given in {@value #PROBE_PROPERTY}.
 *
 * @param gpus the GPUs the probe found; empty where there is none or nvidia-smi could not tell
 * @param supported every GPU found can run DL4J's CUDA kernels (false when none was found)
 * @param useCuda whether ND4J may load its CUDA backend: the CUDA build, and no GPU known to be unable to run it
 * @param message what an administrator should know, for the System page and the log; empty when nothing
 */
public record GpuSupport(List<Gpu> gpus, boolean supported, boolean useCuda, String message) {

    /** The probe's output to use instead of running nvidia-smi, e.g. {@code NVIDIA H200, 9.0}; GPUs split by ';'. */
    public static final String PROBE_PROPERTY = "deeprounds.training.gpu-probe";

    /** The query: one line per GPU, {@code <name>, <major>.<minor>}, e.g. {@code NVIDIA H200, 9.0}. */
    static final List<String> NVIDIA_SMI =
            List.of("nvidia-smi", "--query-gpu=name,compute_cap", "--format=csv,noheader");

    /** The oldest GPU DL4J's CUDA kernels were compiled for. */
    static final Capability OLDEST_SUPPORTED = new Capability(3, 7);

    /**
     * The newest architecture they were compiled for (8.6). A GPU runs code compiled for an older minor version of
     * its own major version, so any 8.x runs it; 9.0 and later would need the PTX this build lacks.
     */
    static final int NEWEST_SUPPORTED_MAJOR = 8;

    /** The range as told to administrators. */
    static final String SUPPORTED_RANGE = OLDEST_SUPPORTED + " to " + NEWEST_SUPPORTED_MAJOR + ".x";

    /** nvidia-smi answers in a fraction of a second; a wedged driver can make it hang. */
    static final long PROBE_TIMEOUT_SECONDS = 15;

    /** Where a backend registers itself with ND4J (a Java service file). */
    static final String BACKEND_SERVICE = "META-INF/services/org.nd4j.linalg.factory.Nd4jBackend";

    /** The package of ND4J's CUDA backend (nd4j-cuda-11.6's {@code JCublasBackend}). */
    static final String CUDA_BACKEND_PACKAGE = "org.nd4j.linalg.jcublas.";

    private static final Pattern CAPABILITY = Pattern.compile("(\\d+)\\.(\\d+)");

    public GpuSupport {
        gpus = List.copyOf(gpus);
    }

    /** A compute capability, e.g. 8.6. */
    public record Capability(int major, int minor) implements Comparable<Capability> {
        @Override
        public int compareTo(Capability other) {
            return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
        }

        @Override
        public String toString() {
            return major + "." + minor;
        }
    }

    /** One GPU as nvidia-smi names it. */
    public record Gpu(String name, Capability capability) {

        /** Whether DL4J's CUDA kernels run on it. */
        public boolean runsCudaBuild() {
            return capability.compareTo(OLDEST_SUPPORTED) >= 0 && capability.major() <= NEWEST_SUPPORTED_MAJOR;
        }

        String describe() {
            return "GPU " + name + " (compute capability " + capability + ")";
        }
    }

    /** What the probe told: the GPUs (none where there is none), or why it could not tell. */
    sealed interface Probe {
        record Found(List<Gpu> gpus) implements Probe {
            public Found {
                gpus = List.copyOf(gpus);
            }
        }

        record Unreadable(String reason) implements Probe {}
    }

    /**
     * Reads nvidia-smi's answer to {@link #NVIDIA_SMI}: one line per GPU, {@code <name>, <major>.<minor>}. No line
     * means no GPU. A line that is not of that form (an old driver's "[N/A]", an error text) makes the whole answer
     * unreadable: a decision about the GPUs must not rest on some of them.
     */
    static Probe parse(String output) {
        var gpus = new ArrayList<Gpu>();
        for (var line :
                output.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            int comma = line.lastIndexOf(',');
            var capability = comma < 0
                    ? null
                    : CAPABILITY.matcher(line.substring(comma + 1).strip());
            if (capability == null
                    || !capability.matches()
                    || line.substring(0, comma).isBlank()) {
                return new Probe.Unreadable("unexpected nvidia-smi output '" + line + "'");
            }
            gpus.add(new Gpu(
                    line.substring(0, comma).strip(),
                    new Capability(Integer.parseInt(capability.group(1)), Integer.parseInt(capability.group(2)))));
        }
        return new Probe.Found(gpus);
    }

    /** The faked probe of {@value #PROBE_PROPERTY}: nvidia-smi's lines, separated by ';' or line breaks. */
    static Probe parseFaked(String value) {
        return parse(value.replace(';', '\n'));
    }

    /** Asks nvidia-smi; never throws. */
    static Probe probe() {
        Process process;
        try {
            process = new ProcessBuilder(NVIDIA_SMI).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Probe.Unreadable("nvidia-smi not found");
        }
        try (InputStream out = process.getInputStream()) {
            if (!process.waitFor(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Probe.Unreadable("nvidia-smi did not answer within " + PROBE_TIMEOUT_SECONDS + " s");
            }
            var output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() == 0) {
                return parse(output);
            }
            if (output.contains("No devices were found")) {
                return new Probe.Found(List.of());
            }
            var first = output.lines().findFirst().orElse("").strip();
            return new Probe.Unreadable(
                    "nvidia-smi exited with " + process.exitValue() + (first.isEmpty() ? "" : ": " + first));
        } catch (IOException e) {
            return new Probe.Unreadable("nvidia-smi: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return new Probe.Unreadable("interrupted while asking nvidia-smi");
        }
    }

    /**
     * The decision. On the CUDA build ({@code cudaBundled}) CUDA is kept unless a GPU is known to be unable to run it
     * or there is none; where nvidia-smi cannot tell, ND4J is left to try (it falls back to the CPU itself when it
     * finds no device). The CPU build trains on the CPU anyway and only says so where a GPU is there.
     */
    static GpuSupport decide(Probe probe, boolean cudaBundled) {
        return switch (probe) {
            case Probe.Unreadable(var reason) ->
                cudaBundled
                        ? new GpuSupport(
                                List.of(),
                                false,
                                true,
                                "Could not read the GPU's compute capability (" + reason
                                        + "): ND4J tries the GPU and falls back to the CPU only if it finds none.")
                        : new GpuSupport(List.of(), false, false, "");
            case Probe.Found(var gpus)
            when gpus.isEmpty() ->
                new GpuSupport(List.of(), false, false, cudaBundled ? "No NVIDIA GPU found: training on the CPU." : "");
            case Probe.Found(var gpus) -> {
                var unsupported =
                        gpus.stream().filter(gpu -> !gpu.runsCudaBuild()).findFirst();
                if (unsupported.isPresent()) {
                    var gpu = unsupported.get();
                    var why = gpu.capability().compareTo(OLDEST_SUPPORTED) < 0 ? " is older than" : " is newer than";
                    var others = gpus.stream().anyMatch(Gpu::runsCudaBuild)
                            ? " To train on the other GPUs, give this server only those (e.g. docker run --gpus"
                                    + " device=N)."
                            : "";
                    yield new GpuSupport(
                            gpus,
                            false,
                            false,
                            gpu.describe() + why + " this DL4J build supports (" + SUPPORTED_RANGE
                                    + "): training on the CPU." + others);
                }
                yield cudaBundled
                        ? new GpuSupport(gpus, true, true, "")
                        : new GpuSupport(
                                gpus,
                                true,
                                false,
                                gpus.getFirst().describe()
                                        + " found, but this is the CPU build: training on the CPU. The CUDA build"
                                        + " (mvn -Dcuda) would train on it.");
            }
        };
    }

    /**
     * The class-path roots (jars, folders) whose ND4J backend service names the CUDA backend: where the CUDA build
     * registers it. Empty on the CPU build.
     */
    static List<String> cudaBackendRoots(ClassLoader loader) {
        var roots = new ArrayList<String>();
        try {
            for (var url : Collections.list(loader.getResources(BACKEND_SERVICE))) {
                try (var in = url.openStream()) {
                    var providers = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    if (providers
                            .lines()
                            .map(line -> line.replaceFirst("#.*", "").strip())
                            .anyMatch(line -> line.startsWith(CUDA_BACKEND_PACKAGE))) {
                        var location = url.toString();
                        roots.add(location.substring(0, location.length() - BACKEND_SERVICE.length()));
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read ND4J's backend registrations", e);
        }
        return List.copyOf(roots);
    }

    /**
     * Makes ND4J find only its CPU backend: ND4J looks its backends (and their compressors) up as Java services through
     * its own class loader, so that loader is wrapped in one that leaves out the service files of the CUDA jar. The
     * CUDA classes stay on the class path but nothing loads them, and no CUDA library is touched.
     */
    static void hideCudaBackend(List<String> cudaRoots) {
        ND4JClassLoading.setNd4jClassloader(
                new WithoutCudaServices(ND4JClassLoading.getNd4jClassloader(), List.copyOf(cudaRoots)));
    }

    /** Delegates everything to its parent but leaves the CUDA jar's service files out of resource look-ups. */
    static final class WithoutCudaServices extends ClassLoader {

        private final List<String> hiddenRoots;

        WithoutCudaServices(ClassLoader parent, List<String> hiddenRoots) {
            super(parent);
            this.hiddenRoots = hiddenRoots;
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            var urls = Collections.list(super.getResources(name));
            if (name.startsWith("META-INF/services/")) {
                urls.removeIf(url -> hiddenRoots.stream().anyMatch(url.toString()::startsWith));
            }
            return Collections.enumeration(urls);
        }
    }
}
