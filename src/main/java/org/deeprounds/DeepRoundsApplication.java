package org.deeprounds;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** DeepRounds: a web lab where clinicians learn deep learning on medical data. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DeepRoundsApplication {

    public static void main(String[] args) {
        SpringApplication.run(DeepRoundsApplication.class, args);
    }
}
