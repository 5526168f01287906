package org.deeprounds;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Replaces the system clock in every test context (picked up by component scanning of the test classpath), except
 * where {@code deeprounds.test.real-clock=true}: nodes of one installation started as separate processes must agree
 * on the time, since their claims on runs expire by it.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(
        name = "deeprounds.test.real-clock",
        havingValue = "false",
        matchIfMissing = true)
class TestClockConfig {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock();
    }
}
