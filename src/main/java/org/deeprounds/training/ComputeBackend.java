package org.deeprounds.training;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.nd4j.linalg.api.environment.Nd4jEnvironment;
import org.nd4j.linalg.factory.Nd4j;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The ND4J backend this server trains on. The first call loads ND4J's native libraries (seconds) and sets its thread
 * counts so that the configured number of concurrent jobs shares the cores without oversubscribing them.
 */
@Service
public class ComputeBackend {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ComputeBackend.class);

    /** One GPU as ND4J sees it. */
    public record Device(String name, long totalMemoryBytes, long freeMemoryBytes) {}

    /**
     * The backend as shown on the administrators' System page. {@code gpuMessage} says why a GPU is not used where
     * one is there, or was expected (see {@link GpuSupport}); empty where there is nothing to say.
     */
    public record Info(
            String backend,
            boolean gpu,
            String blasVendor,
            int cores,
            int ompThreads,
            long blasThreads,
            String dataType,
            List<Device> devices,
            String dl4jVersion,
            String nativeBuild,
            String gpuMessage) {}

    private final int concurrentJobs;
    private volatile Info cached;

    @Autowired
    public ComputeBackend(TrainingSettings settings) {
        this(settings.maxConcurrentJobs());
    }

    ComputeBackend(int concurrentJobs) {
        this.concurrentJobs = Math.max(1, concurrentJobs);
    }

    /** Loads ND4J on first use, then answers from memory. */
    public Info describe() {
        var info = cached;
        if (info == null) {
            synchronized (this) {
                if (cached == null) {
                    var build = NativeRuntime.chosen().orElseGet(() -> NativeRuntime.prepare("auto"));
                    cached = inspect(build, concurrentJobs);
                }
                info = cached;
            }
        }
        return info;
    }

    private static Info inspect(NativeBuild build, int concurrentJobs) {
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        var backendName = String.valueOf(env.getOrDefault(Nd4jEnvironment.BACKEND_KEY, "unknown"));
        boolean gpu = backendName.toUpperCase().contains("CUDA");
        if (!gpu) {
            shareCores(build, concurrentJobs);
            env = Nd4j.getExecutioner().getEnvironmentInformation();
            log.info(
                    "ND4J loaded: {} build, {} thread(s) per job for {} concurrent job(s), OpenBLAS {} thread(s)",
                    build.label(),
                    env.get(Nd4jEnvironment.OMP_THREADS_KEY),
                    concurrentJobs,
                    env.get(Nd4jEnvironment.BLAS_THREADS_KEY));
        }
        var devices = new ArrayList<Device>();
        if (env.get(Nd4jEnvironment.CUDA_DEVICE_INFORMATION_KEY) instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> device) {
                    devices.add(new Device(
                            String.valueOf(device.get(Nd4jEnvironment.CUDA_DEVICE_NAME_KEY)),
                            asLong(device.get(Nd4jEnvironment.CUDA_TOTAL_MEMORY_KEY)),
                            asLong(device.get(Nd4jEnvironment.CUDA_FREE_MEMORY_KEY))));
                }
            }
        }
        return new Info(
                backendName,
                gpu,
                String.valueOf(env.getOrDefault(Nd4jEnvironment.BLAS_VENDOR_KEY, "unknown")),
                (int) asLong(env.get(Nd4jEnvironment.CPU_CORES_KEY)),
                (int) asLong(env.get(Nd4jEnvironment.OMP_THREADS_KEY)),
                asLong(env.get(Nd4jEnvironment.BLAS_THREADS_KEY)),
                Nd4j.dataType().toString(),
                List.copyOf(devices),
                dl4jVersion(),
                gpu ? "CUDA" : build.label(),
                NativeRuntime.gpuSupport().map(GpuSupport::message).orElse(""));
    }

    /**
     * Each job gets an equal share of the cores for ND4J's own threads. With oneDNN the convolutions run in oneDNN and
     * OpenBLAS is left one thread: two thread pools spinning against each other on a small machine halved the speed
     * (docs/benchmarks.md). The generic build still does its convolutions through OpenBLAS, so it keeps the share.
     */
    private static void shareCores(NativeBuild build, int concurrentJobs) {
        int share = Math.max(1, Runtime.getRuntime().availableProcessors() / concurrentJobs);
        Nd4j.getEnvironment().setMaxThreads(share);
        Nd4j.factory().blas().setMaxThreads(build.usesOneDnn() ? 1 : share);
    }

    private static long asLong(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return value == null ? 0 : Long.parseLong(value.toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Read from the nd4j-api jar's Maven metadata, since the jar's manifest carries no version. */
    static String dl4jVersion() {
        try (InputStream in = Nd4j.class.getResourceAsStream("/META-INF/maven/org.nd4j/nd4j-api/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            var props = new Properties();
            props.load(in);
            return props.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
