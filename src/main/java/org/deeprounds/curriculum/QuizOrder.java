package org.deeprounds.curriculum;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The order a trainee sees a question's options in. Authors list the correct option wherever they like (in the
 * shipped courses it is often first), so each trainee gets the options shuffled, in an order of their own that stays
 * the same across reloads and attempts, and answers are still recorded by the option's place in the file.
 */
public final class QuizOrder {

    private QuizOrder() {}

    /**
     * The file positions of the options, in the order to show them to {@code username} for question {@code question}
     * of the step {@code stepId} of lesson {@code lessonId}.
     */
    public static List<Integer> of(String username, String lessonId, String stepId, int question, int options) {
        var order = new ArrayList<>(IntStream.range(0, options).boxed().toList());
        var random = new SplittableRandom(seed(username + '\n' + lessonId + '\n' + stepId + '\n' + question));
        // Fisher–Yates with a random of our own: Collections.shuffle's algorithm is not promised to stay the same.
        for (int i = order.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            order.set(i, order.set(j, order.get(i)));
        }
        return List.copyOf(order);
    }

    /** A seed that depends only on the text, the same on every JVM (String.hashCode would do, SHA-256 spreads). */
    private static long seed(String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            long seed = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                seed = (seed << 8) | (digest[i] & 0xff);
            }
            return seed;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
