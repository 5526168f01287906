package org.deeprounds.accounts;

import java.util.Set;

/** What an administrator enters to create or edit an account. */
public record AccountDraft(String username, String displayName, String email, Set<String> roles, boolean enabled) {}
