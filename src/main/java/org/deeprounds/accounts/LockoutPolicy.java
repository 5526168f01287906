package org.deeprounds.accounts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Brute-force protection: {@code maxFailures} failed sign-ins for one account within {@code window} lock it for
 * {@code duration}. Properties {@code deeprounds.security.lockout.*}.
 */
@ConfigurationProperties("deeprounds.security.lockout")
public record LockoutPolicy(
        @DefaultValue("5") int maxFailures,
        @DefaultValue("15m") Duration window,
        @DefaultValue("15m") Duration duration) {}
