package org.deeprounds.models;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Caps a design must respect before it is queued ({@code deeprounds.training.*}). */
@ConfigurationProperties("deeprounds.training")
public record ModelLimits(
        @DefaultValue("5000000") long maxParameters,
        @DefaultValue("200") int maxEpochs,
        @DefaultValue("1024") int maxBatchSize) {}
