package org.deeprounds.training;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the server shares its compute ({@code deeprounds.training.*}): concurrent jobs, queued jobs per trainee, wall
 * time per job, the early-stopping patience, and how often a running job writes a checkpoint to resume from.
 */
@ConfigurationProperties("deeprounds.training")
public record TrainingSettings(
        @DefaultValue("1") int maxConcurrentJobs,
        @DefaultValue("3") int maxQueuedPerUser,
        @DefaultValue("30m") Duration maxWallTime,
        @DefaultValue("5") int patience,
        @DefaultValue("30s") Duration checkpointInterval) {}
