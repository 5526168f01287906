package org.deeprounds.system;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code /actuator/health} OUT_OF_SERVICE (503) until start-up work is done: the first administrator, the
 * sample datasets, the curricula copy and run recovery. Tomcat accepts connections before that work runs, so without
 * this a script that waits for health and then calls the API could meet a 401 from an account that does not exist
 * yet. Spring Boot marks the application ready (accepting traffic) only after every start-up runner and every
 * {@code ApplicationReadyEvent} listener has returned.
 */
@Component
class StartupHealthIndicator implements HealthIndicator {

    private final ApplicationAvailability availability;

    StartupHealthIndicator(ApplicationAvailability availability) {
        this.availability = availability;
    }

    @Override
    public Health health() {
        return availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC
                ? Health.up().build()
                : Health.outOfService().build();
    }
}
