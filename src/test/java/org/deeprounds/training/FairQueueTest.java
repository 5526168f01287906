package org.deeprounds.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FairQueueTest {

    @Test
    void runs_start_round_robin_across_trainees_not_first_come_first_served() {
        var queued = new ArrayList<>(List.of(
                new FairQueue.Waiting(1, "ada"),
                new FairQueue.Waiting(2, "ada"),
                new FairQueue.Waiting(3, "ada"),
                new FairQueue.Waiting(4, "ben"),
                new FairQueue.Waiting(5, "cy")));
        var lastStarted = new HashMap<String, Instant>();
        var order = new ArrayList<Long>();

        for (int t = 0; !queued.isEmpty(); t++) {
            var next = FairQueue.next(queued, Set.of(), lastStarted).orElseThrow();
            order.add(next.id());
            queued.remove(next);
            lastStarted.put(next.owner(), Instant.ofEpochSecond(1000 + t));
        }

        assertThat(order).containsExactly(1L, 4L, 5L, 2L, 3L);
    }

    @Test
    void a_trainee_with_a_running_job_waits_and_positions_follow_the_fair_order() {
        var queued = List.of(new FairQueue.Waiting(7, "ada"), new FairQueue.Waiting(8, "ben"));

        assertThat(FairQueue.next(queued, Set.of("ada"), new HashMap<>()))
                .hasValueSatisfying(w -> assertThat(w.id()).isEqualTo(8));
        var lastStarted = new HashMap<String, Instant>();
        lastStarted.put("ada", Instant.ofEpochSecond(50));
        assertThat(FairQueue.position(7, queued, lastStarted)).isEqualTo(2);
        assertThat(FairQueue.position(8, queued, lastStarted)).isEqualTo(1);
    }
}
