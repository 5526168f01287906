package org.deeprounds.accounts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Throttling by network address: {@code maxFailures} failed sign-ins from one address within {@code window} refuse
 * every further sign-in attempt from that address for {@code block}. Properties
 * {@code deeprounds.security.address-throttle.*}. The default allows a class behind one school address its typos;
 * a server reached straight from the internet may lower it.
 */
@ConfigurationProperties("deeprounds.security.address-throttle")
public record AddressThrottlePolicy(
        @DefaultValue("50") int maxFailures,
        @DefaultValue("10m") Duration window,
        @DefaultValue("10m") Duration block) {}
