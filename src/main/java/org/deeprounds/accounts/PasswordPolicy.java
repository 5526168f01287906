package org.deeprounds.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What a password must be: long enough, mixed enough, not the username and not one of the passwords attackers try
 * first. Problems come back as sentences the user can act on.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    /** Passwords from public breach lists that pass the other rules; refused outright. */
    private static final Set<String> COMMON = Set.of(
            "password123",
            "password1234",
            "qwerty12345",
            "1234567890a",
            "welcome1234",
            "letmein1234",
            "iloveyou123",
            "passw0rd123",
            "administrator1",
            "changeme123");

    /** Every rule the password breaks; empty when it is acceptable. */
    public List<String> problems(String password, String username) {
        var problems = new ArrayList<String>();
        if (password == null || password.isEmpty()) {
            problems.add("Enter a password.");
            return problems;
        }
        if (password.length() < MIN_LENGTH) {
            problems.add("Use at least " + MIN_LENGTH + " characters (this one has " + password.length() + ").");
        }
        if (password.length() > MAX_LENGTH) {
            problems.add("Use at most " + MAX_LENGTH + " characters.");
        }
        if (password.chars().noneMatch(Character::isLetter)) {
            problems.add("Include at least one letter.");
        }
        if (password.chars().allMatch(Character::isLetter)) {
            problems.add("Include at least one digit or symbol.");
        }
        if (password.isBlank() || password.chars().distinct().count() < 4) {
            problems.add("Use more than three different characters.");
        }
        var lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            problems.add("Do not include your username.");
        }
        if (COMMON.contains(lower)) {
            problems.add("This password is on lists of commonly used passwords; choose another.");
        }
        return problems;
    }

    /** Throws with every problem named when the password is not acceptable. */
    void require(String password, String username) {
        var problems = problems(password, username);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Password not accepted: " + String.join(" ", problems));
        }
    }
}
