package org.deeprounds.accounts;

import java.time.Clock;
import java.util.ArrayList;
import org.deeprounds.base.security.AppRoles;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads accounts for sign-in (form and HTTP Basic); disabled and locked accounts are refused by Spring Security. An
 * account that must replace an issued password gets {@link PasswordChange#REQUIRED} beside its roles.
 */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final UserAccountRepository users;
    private final Clock clock;

    AccountUserDetailsService(UserAccountRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        var account = users.findByUsername(AccountValidation.normaliseUsername(username))
                .orElseThrow(() -> new UsernameNotFoundException("No account '" + username + "'"));
        return User.withUsername(account.getUsername())
                .password(account.getPasswordHash())
                .authorities(authorities(account))
                .disabled(!account.isEnabled())
                .accountLocked(account.isLockedAt(clock.instant()))
                .build();
    }

    /** The account's roles as authorities, and {@link PasswordChange#REQUIRED} while its password is an issued one. */
    static ArrayList<GrantedAuthority> authorities(UserAccount account) {
        var authorities = new ArrayList<GrantedAuthority>();
        account.getRoles().stream()
                .map(AppRoles::authority)
                .map(SimpleGrantedAuthority::new)
                .forEach(authorities::add);
        if (account.isPasswordChangeRequired()) {
            authorities.add(PasswordChange.AUTHORITY);
        }
        return authorities;
    }
}
