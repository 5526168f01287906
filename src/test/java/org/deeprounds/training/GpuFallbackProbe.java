package org.deeprounds.training;

import org.nd4j.linalg.factory.Nd4j;
import org.springframework.core.env.StandardEnvironment;

/**
 * Run in a JVM of its own by {@link GpuFallbackTest}: starts the way the application does (the environment post
 * processor, reading {@value GpuSupport#PROBE_PROPERTY} from the system properties), then loads ND4J, does one sum
 * and prints what loaded and what the System page would say about the GPU.
 */
public final class GpuFallbackProbe {

    public static void main(String[] args) {
        new NativeRuntimeSetup().postProcessEnvironment(new StandardEnvironment(), null);
        var info = new ComputeBackend(1).describe();
        double sum = Nd4j.ones(3, 4).sumNumber().doubleValue();
        System.out.println("PROBE backend=" + info.backend() + " gpu=" + info.gpu() + " build=" + info.nativeBuild()
                + " sum=" + sum + " message=" + info.gpuMessage());
    }
}
