package org.deeprounds.accounts;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.deeprounds.base.security.AppRoles;

/** Field rules shared by the account forms, the API and the CSV import, so all three say the same thing. */
final class AccountValidation {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,99}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private AccountValidation() {}

    static String normaliseUsername(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    /** A problem with the username, or null. */
    static String usernameProblem(String username) {
        if (username.isEmpty()) {
            return "username is required";
        }
        if (!USERNAME.matcher(username).matches()) {
            return "username '" + username
                    + "' may hold only letters, digits, '.', '_', '-' and '@', 2 to 100 characters, starting with a"
                    + " letter or digit";
        }
        return null;
    }

    /** A problem with the display name, or null. */
    static String displayNameProblem(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            return "name is required";
        }
        return displayName.strip().length() > 200 ? "name is longer than 200 characters" : null;
    }

    /** A problem with the (optional) e-mail address, or null. */
    static String emailProblem(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        return EMAIL.matcher(email.strip()).matches() && email.length() <= 254
                ? null
                : "email '" + email.strip() + "' is not an e-mail address";
    }

    /** A problem with the roles, or null. */
    static String rolesProblem(Set<String> roles) {
        if (roles == null || roles.isEmpty()) {
            return "choose at least one role";
        }
        return roles.stream()
                .filter(r -> !AppRoles.ALL.contains(r))
                .findFirst()
                .map(r -> "unknown role '" + r + "' (known: " + String.join(", ", AppRoles.ALL) + ")")
                .orElse(null);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
