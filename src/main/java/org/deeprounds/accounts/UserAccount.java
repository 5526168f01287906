package org.deeprounds.accounts;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** A person who signs in: trainee, instructor or administrator (one account may hold several roles). */
@Entity
@Table(name = "user_account")
class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    /** Lower case, unique; what the person types to sign in. */
    @Column(nullable = false, unique = true, length = 100)
    private String username;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(length = 254)
    private String email;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private boolean enabled = true;

    /** Set after too many failed sign-ins; sign-in is refused until then. */
    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The password was issued by someone else (reset, import, new account): the owner must replace it first. */
    @Column(name = "password_change_required", nullable = false)
    private boolean passwordChangeRequired;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role", length = 20, nullable = false)
    private Set<String> roles = new HashSet<>();

    protected UserAccount() {}

    UserAccount(String username, String displayName, String email, String passwordHash, Instant createdAt) {
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
    }

    /** A new account whose password someone else chose and hands over (created by an administrator, imported). */
    static UserAccount withIssuedPassword(
            String username, String displayName, String email, String passwordHash, Instant createdAt) {
        var account = new UserAccount(username, displayName, email, passwordHash, createdAt);
        account.passwordChangeRequired = true;
        return account;
    }

    boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    Long getId() {
        return id;
    }

    String getUsername() {
        return username;
    }

    String getDisplayName() {
        return displayName;
    }

    void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    String getEmail() {
        return email;
    }

    void setEmail(String email) {
        this.email = email;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    boolean isEnabled() {
        return enabled;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    Instant getLockedUntil() {
        return lockedUntil;
    }

    void setLockedUntil(Instant lockedUntil) {
        this.lockedUntil = lockedUntil;
    }

    boolean isPasswordChangeRequired() {
        return passwordChangeRequired;
    }

    /** A password someone else chose and handed over: its owner must replace it at the next sign-in. */
    void issuePassword(String passwordHash) {
        this.passwordHash = passwordHash;
        this.passwordChangeRequired = true;
    }

    /** The owner's own password (or one from configuration): nothing to replace. */
    void choosePassword(String passwordHash) {
        this.passwordHash = passwordHash;
        this.passwordChangeRequired = false;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Set<String> getRoles() {
        return roles;
    }

    void setRoles(Set<String> roles) {
        this.roles.clear();
        this.roles.addAll(roles);
    }
}
