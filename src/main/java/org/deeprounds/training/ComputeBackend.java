package org.deeprounds.training;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.nd4j.linalg.api.environment.Nd4jEnvironment;
import org.nd4j.linalg.factory.Nd4j;
import org.springframework.stereotype.Service;

/** Describes the ND4J backend this server trains on. The first call loads ND4J's native libraries (seconds). */
@Service
public class ComputeBackend {

    /** One GPU as ND4J sees it. */
    public record Device(String name, long totalMemoryBytes, long freeMemoryBytes) {}

    /** The backend as shown on the administrators' System page. */
    public record Info(
            String backend,
            boolean gpu,
            String blasVendor,
            int cores,
            int ompThreads,
            long blasThreads,
            String dataType,
            List<Device> devices,
            String dl4jVersion) {}

    private volatile Info cached;

    /** Loads ND4J on first use, then answers from memory. */
    public Info describe() {
        var info = cached;
        if (info == null) {
            synchronized (this) {
                if (cached == null) {
                    cached = inspect();
                }
                info = cached;
            }
        }
        return info;
    }

    private static Info inspect() {
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        var backendName = String.valueOf(env.getOrDefault(Nd4jEnvironment.BACKEND_KEY, "unknown"));
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
                backendName.toUpperCase().contains("CUDA"),
                String.valueOf(env.getOrDefault(Nd4jEnvironment.BLAS_VENDOR_KEY, "unknown")),
                (int) asLong(env.get(Nd4jEnvironment.CPU_CORES_KEY)),
                (int) asLong(env.get(Nd4jEnvironment.OMP_THREADS_KEY)),
                asLong(env.get(Nd4jEnvironment.BLAS_THREADS_KEY)),
                Nd4j.dataType().toString(),
                List.copyOf(devices),
                dl4jVersion());
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
