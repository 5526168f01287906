package org.deeprounds.accounts.ui;

import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.deeprounds.accounts.AccountService;
import org.deeprounds.accounts.PasswordPolicy;

/**
 * The three fields of a password change (the password in use, the new one, the new one again), the policy's problems
 * shown while typing, and the change itself with each refusal shown on the field it concerns. Used by My account and
 * by the page that replaces an issued password.
 */
final class PasswordFields implements java.io.Serializable {

    final PasswordField current;
    final PasswordField fresh = new PasswordField("New password");
    final PasswordField repeat = new PasswordField("Repeat new password");

    private final transient AccountService accounts;
    private final transient PasswordPolicy policy;
    private final String username;

    PasswordFields(String currentLabel, AccountService accounts, PasswordPolicy policy, String username) {
        this.current = new PasswordField(currentLabel);
        this.accounts = accounts;
        this.policy = policy;
        this.username = username;
        fresh.setHelperText("At least " + PasswordPolicy.MIN_LENGTH
                + " characters with letters and a digit or symbol; not your username.");
        fresh.setValueChangeMode(ValueChangeMode.LAZY);
        fresh.addValueChangeListener(e -> showProblems());
    }

    private void showProblems() {
        var problems = policy.problems(fresh.getValue(), username);
        fresh.setInvalid(!fresh.getValue().isEmpty() && !problems.isEmpty());
        fresh.setErrorMessage(String.join(" ", problems));
    }

    /** Changes the password; false, with the reason on the field it concerns, when that is refused. */
    boolean change() {
        current.setInvalid(false);
        fresh.setInvalid(false);
        repeat.setInvalid(false);
        if (!fresh.getValue().equals(repeat.getValue())) {
            repeat.setErrorMessage("The two new passwords differ.");
            repeat.setInvalid(true);
            return false;
        }
        try {
            accounts.changeOwnPassword(username, current.getValue(), fresh.getValue());
            return true;
        } catch (IllegalArgumentException e) {
            var field = e.getMessage().startsWith("Current password") ? current : fresh;
            field.setErrorMessage(e.getMessage());
            field.setInvalid(true);
            return false;
        }
    }

    void clear() {
        current.clear();
        fresh.clear();
        repeat.clear();
    }
}
