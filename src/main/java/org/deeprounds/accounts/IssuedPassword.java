package org.deeprounds.accounts;

/** A temporary password, shown once to the administrator who created or reset the account. */
public record IssuedPassword(String username, String password) {}
