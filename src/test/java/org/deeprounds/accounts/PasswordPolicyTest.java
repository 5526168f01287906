package org.deeprounds.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void a_long_mixed_password_is_accepted() {
        assertThat(policy.problems("Sutures-and-Scans-42", "ada")).isEmpty();
    }

    @Test
    void each_broken_rule_is_named() {
        assertThat(policy.problems("", "ada")).containsExactly("Enter a password.");
        assertThat(policy.problems("abc1", "ada")).anyMatch(p -> p.contains("at least 10 characters"));
        assertThat(policy.problems("onlyletterslong", "ada")).contains("Include at least one digit or symbol.");
        assertThat(policy.problems("1234567890123", "ada")).contains("Include at least one letter.");
        assertThat(policy.problems("aaaaaaaaaa11", "ada")).contains("Use more than three different characters.");
        assertThat(policy.problems("my-ADA-password-1", "ada")).contains("Do not include your username.");
        assertThat(policy.problems("Password123", "ada")).anyMatch(p -> p.contains("commonly used"));
    }

    @Test
    void generated_passwords_always_pass_the_policy() {
        for (int i = 0; i < 200; i++) {
            assertThat(policy.problems(PasswordGenerator.generate(), "someone")).isEmpty();
        }
    }
}
