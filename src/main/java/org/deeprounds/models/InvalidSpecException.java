package org.deeprounds.models;

import java.util.List;

/** A network design that cannot be trained; each problem is a sentence a trainee can act on. */
public class InvalidSpecException extends RuntimeException {

    private final List<String> problems;

    public InvalidSpecException(List<String> problems) {
        super(String.join(" ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
