package org.deeprounds.accounts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.deeprounds.audit.AuditAction;
import org.deeprounds.audit.AuditLog;
import org.deeprounds.base.security.AppRoles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts: administrators manage them; everyone reads their own and changes their own password. */
@Service
@Transactional
public class AccountService {

    static final String ADMIN_ONLY = "hasRole('" + AppRoles.ADMIN + "')";

    private final UserAccountRepository users;
    private final CohortRepository cohorts;
    private final LoginFailureRepository failures;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final AuditLog audit;
    private final Clock clock;

    AccountService(
            UserAccountRepository users,
            CohortRepository cohorts,
            LoginFailureRepository failures,
            PasswordEncoder encoder,
            PasswordPolicy policy,
            AuditLog audit,
            Clock clock) {
        this.users = users;
        this.cohorts = cohorts;
        this.failures = failures;
        this.encoder = encoder;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every account, by username. */
    @Transactional(readOnly = true)
    @PreAuthorize(ADMIN_ONLY)
    public List<AccountSummary> list() {
        return users.findAllByOrderByUsername().stream().map(this::summary).toList();
    }

    /** Accounts holding a role, by username (for choosing cohort members). */
    @Transactional(readOnly = true)
    @PreAuthorize(ADMIN_ONLY)
    public List<AccountSummary> withRole(String role) {
        return users.findByRole(role).stream().map(this::summary).toList();
    }

    /** The signed-in user's own account. */
    @Transactional(readOnly = true)
    @PreAuthorize("#username == authentication.name")
    public AccountSummary own(String username) {
        return summary(find(username));
    }

    /** Creates an account with a generated temporary password, returned once. */
    @PreAuthorize(ADMIN_ONLY)
    public IssuedPassword create(AccountDraft draft) {
        var username = AccountValidation.normaliseUsername(draft.username());
        var problems = new ArrayList<String>();
        Stream.of(
                        AccountValidation.usernameProblem(username),
                        AccountValidation.displayNameProblem(draft.displayName()),
                        AccountValidation.emailProblem(draft.email()),
                        AccountValidation.rolesProblem(draft.roles()))
                .filter(Objects::nonNull)
                .forEach(problems::add);
        if (problems.isEmpty() && users.existsByUsername(username)) {
            problems.add("username '" + username + "' is already taken");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        var password = PasswordGenerator.generate();
        var account = UserAccount.withIssuedPassword(
                username,
                draft.displayName().strip(),
                AccountValidation.blankToNull(draft.email()),
                encoder.encode(password),
                clock.instant());
        account.setRoles(draft.roles());
        account.setEnabled(draft.enabled());
        users.save(account);
        audit.record(AuditAction.USER_CREATED, CurrentActor.name(), username, "roles " + sorted(draft.roles()));
        return new IssuedPassword(username, password);
    }

    /** Changes name, e-mail, roles and enabled; refuses to leave the server without an enabled administrator. */
    @PreAuthorize(ADMIN_ONLY)
    public AccountSummary update(Long id, AccountDraft draft) {
        var account = users.findById(id).orElseThrow(() -> new NoSuchElementException("No account with id " + id));
        var problems = Stream.of(
                        AccountValidation.displayNameProblem(draft.displayName()),
                        AccountValidation.emailProblem(draft.email()),
                        AccountValidation.rolesProblem(draft.roles()))
                .filter(Objects::nonNull)
                .toList();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        boolean wasActiveAdmin = account.isEnabled() && account.getRoles().contains(AppRoles.ADMIN);
        boolean staysActiveAdmin = draft.enabled() && draft.roles().contains(AppRoles.ADMIN);
        if (wasActiveAdmin && !staysActiveAdmin && users.countEnabledWithRole(AppRoles.ADMIN) <= 1) {
            throw new IllegalArgumentException("'" + account.getUsername()
                    + "' is the only enabled administrator: make another account an" + " administrator first");
        }
        var oldRoles = Set.copyOf(account.getRoles());
        account.setDisplayName(draft.displayName().strip());
        account.setEmail(AccountValidation.blankToNull(draft.email()));
        account.setRoles(draft.roles());
        var actor = CurrentActor.name();
        if (!oldRoles.equals(draft.roles())) {
            audit.record(
                    AuditAction.ROLES_CHANGED,
                    actor,
                    account.getUsername(),
                    sorted(oldRoles) + " -> " + sorted(draft.roles()));
        }
        if (account.isEnabled() != draft.enabled()) {
            account.setEnabled(draft.enabled());
            audit.record(
                    draft.enabled() ? AuditAction.USER_ENABLED : AuditAction.USER_DISABLED,
                    actor,
                    account.getUsername(),
                    null);
        }
        audit.record(AuditAction.USER_UPDATED, actor, account.getUsername(), null);
        return summary(account);
    }

    /** Replaces the password with a generated one, returned once, and lifts any lockout. */
    @PreAuthorize(ADMIN_ONLY)
    public IssuedPassword resetPassword(Long id) {
        var account = users.findById(id).orElseThrow(() -> new NoSuchElementException("No account with id " + id));
        var password = PasswordGenerator.generate();
        account.issuePassword(encoder.encode(password));
        account.setLockedUntil(null);
        failures.deleteByUserId(account.getId());
        audit.record(AuditAction.PASSWORD_RESET, CurrentActor.name(), account.getUsername(), null);
        return new IssuedPassword(account.getUsername(), password);
    }

    /** Lifts a lockout after failed sign-ins before it runs out. */
    @PreAuthorize(ADMIN_ONLY)
    public void unlock(Long id) {
        var account = users.findById(id).orElseThrow(() -> new NoSuchElementException("No account with id " + id));
        account.setLockedUntil(null);
        failures.deleteByUserId(account.getId());
        audit.record(AuditAction.UNLOCK, CurrentActor.name(), account.getUsername(), null);
    }

    /**
     * Changes the signed-in user's own password after checking the current one; this also ends the requirement to
     * replace an issued (temporary) password. Needs a sign-in with the password, never an API token.
     */
    @PreAuthorize("#username == authentication.name")
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        PasswordSignInRequired.check("Changing the password");
        var account = find(username);
        boolean wasIssued = account.isPasswordChangeRequired();
        if (currentPassword == null || !encoder.matches(currentPassword, account.getPasswordHash())) {
            throw new IllegalArgumentException(
                    wasIssued
                            ? "Current password: this is not the temporary password you were given."
                            : "Current password: this is not your current password.");
        }
        if (Objects.equals(currentPassword, newPassword)) {
            throw new IllegalArgumentException(
                    wasIssued
                            ? "New password: choose a password different from the temporary one."
                            : "New password: choose a password different from the current one.");
        }
        policy.require(newPassword, username);
        account.choosePassword(encoder.encode(newPassword));
        audit.record(
                AuditAction.PASSWORD_CHANGED,
                username,
                username,
                wasIssued ? "replaced the password issued by an administrator" : null);
    }

    /** Counts by role, for the administrator's home page. */
    @Transactional(readOnly = true)
    @PreAuthorize(ADMIN_ONLY)
    public List<RoleCount> countsByRole() {
        return AppRoles.ALL.stream()
                .map(role -> new RoleCount(role, users.countWithRole(role)))
                .toList();
    }

    /** How many accounts hold a role. */
    public record RoleCount(String role, long count) {}

    private UserAccount find(String username) {
        return users.findByUsername(username)
                .orElseThrow(() -> new NoSuchElementException("No account '" + username + "'"));
    }

    private AccountSummary summary(UserAccount account) {
        var names = new ArrayList<String>();
        cohorts.findByTrainee(account.getUsername()).forEach(c -> names.add(c.getName()));
        cohorts.findByInstructor(account.getUsername()).stream()
                .map(Cohort::getName)
                .filter(n -> !names.contains(n))
                .forEach(names::add);
        return AccountSummary.of(account, clock.instant(), List.copyOf(names));
    }

    private static String sorted(Set<String> roles) {
        return roles.stream().sorted().toList().toString();
    }
}
