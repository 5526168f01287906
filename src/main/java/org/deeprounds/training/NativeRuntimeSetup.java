package org.deeprounds.training;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Applies {@code deeprounds.training.native-build} (and {@value GpuSupport#PROBE_PROPERTY}, where set) as soon as
 * configuration is read and before any bean can load ND4J. Registered in {@code META-INF/spring.factories}.
 */
public class NativeRuntimeSetup implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "deeprounds.training.native-build";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        NativeRuntime.prepare(
                environment.getProperty(PROPERTY, "auto"), environment.getProperty(GpuSupport.PROBE_PROPERTY));
    }

    /** After the configuration files and environment variables are in the environment. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
