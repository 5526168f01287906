package org.deeprounds.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Options shuffled per trainee: stable, complete, and the correct one found by its place in the file. */
class QuizOrderTest {

    @Test
    void the_same_trainee_sees_the_same_order_on_every_reload() {
        var first = QuizOrder.of("trainee1", "foundations-first-network", "check", 0, 4);
        for (int i = 0; i < 20; i++) {
            assertThat(QuizOrder.of("trainee1", "foundations-first-network", "check", 0, 4))
                    .isEqualTo(first);
        }
    }

    @Test
    void every_option_is_shown_exactly_once() {
        for (int n = 1; n <= 7; n++) {
            var order = QuizOrder.of("trainee2", "lesson", "quiz", 3, n);
            assertThat(order)
                    .containsExactlyInAnyOrderElementsOf(
                            IntStream.range(0, n).boxed().toList());
        }
    }

    @Test
    void the_correct_option_listed_first_in_the_file_is_not_always_shown_first() {
        var firstShown = new HashSet<Integer>();
        var orders = new HashSet<List<Integer>>();
        for (int trainee = 0; trainee < 200; trainee++) {
            var order = QuizOrder.of("trainee" + trainee, "lesson", "quiz", 0, 4);
            firstShown.add(order.getFirst());
            orders.add(order);
        }
        // Each of the four options leads for some trainees, and the orders differ from trainee to trainee.
        assertThat(firstShown).containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(orders.size()).isGreaterThan(15);
        long correctFirst = IntStream.range(0, 200)
                .filter(t -> QuizOrder.of("trainee" + t, "lesson", "quiz", 0, 4).getFirst() == 0)
                .count();
        assertThat(correctFirst).isBetween(25L, 80L);
    }

    @Test
    void the_correct_option_is_tracked_by_its_place_in_the_file_whatever_the_order() {
        var question = new Step.Question(
                "q",
                false,
                List.of(
                        new Step.Option("right", true, "yes"),
                        new Step.Option("wrong a", false, "no"),
                        new Step.Option("wrong b", false, "no")));
        var order =
                QuizOrder.of("trainee9", "lesson", "quiz", 1, question.options().size());
        int shownAt = order.indexOf(0);
        // What the trainee clicks (the option at shownAt) maps back to option 0 of the file, the correct one.
        assertThat(question.options().get(order.get(shownAt)).correct()).isTrue();
        assertThat(order.stream().filter(i -> question.options().get(i).correct()))
                .hasSize(1);
    }

    @Test
    void questions_and_trainees_get_orders_of_their_own() {
        assertThat(IntStream.range(0, 10)
                        .mapToObj(q -> QuizOrder.of("trainee1", "lesson", "quiz", q, 5))
                        .distinct()
                        .count())
                .isGreaterThan(3);
    }
}
