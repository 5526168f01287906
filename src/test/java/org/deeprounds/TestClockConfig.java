package org.deeprounds;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** Replaces the system clock in every test context (picked up by component scanning of the test classpath). */
@Configuration(proxyBeanMethods = false)
class TestClockConfig {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock();
    }
}
