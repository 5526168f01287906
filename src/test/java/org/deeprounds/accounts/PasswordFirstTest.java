package org.deeprounds.accounts;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Sign-in checks the password before the account's state: a locked or disabled account costs the same password hash
 * as any other attempt (so its answer time does not give it away), and a wrong password on it is just a wrong
 * password. Spring's default checks the lock first and answers "locked" at once, whatever the password.
 */
class PasswordFirstTest {

    private final AtomicInteger hashes = new AtomicInteger();

    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return "{plain}" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            hashes.incrementAndGet();
            return encoded.equals("{plain}" + raw);
        }
    };

    @Test
    void a_wrong_password_on_a_locked_or_disabled_account_is_a_wrong_password() {
        for (var user : new String[] {"locked", "disabled"}) {
            int before = hashes.get();
            assertThatThrownBy(() -> provider().authenticate(new UsernamePasswordAuthenticationToken(user, "guess")))
                    .as(user)
                    .isExactlyInstanceOf(BadCredentialsException.class);
            org.assertj.core.api.Assertions.assertThat(hashes.get() - before)
                    .as("password checks for the %s account", user)
                    .isEqualTo(1);
        }
    }

    @Test
    void the_right_password_on_a_locked_or_disabled_account_is_still_refused() {
        assertThatThrownBy(() -> provider().authenticate(new UsernamePasswordAuthenticationToken("locked", "right")))
                .isInstanceOf(LockedException.class);
        assertThatThrownBy(() -> provider().authenticate(new UsernamePasswordAuthenticationToken("disabled", "right")))
                .isInstanceOf(DisabledException.class);
    }

    private org.springframework.security.authentication.AuthenticationProvider provider() {
        return new SecurityConfig()
                .authenticationProvider(
                        username -> User.withUsername(username)
                                .password("{plain}right")
                                .roles("TRAINEE")
                                .accountLocked(username.equals("locked"))
                                .disabled(username.equals("disabled"))
                                .build(),
                        counting);
    }
}
