package org.deeprounds.accounts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Set;
import org.deeprounds.accounts.AccountDraft;
import org.deeprounds.accounts.AccountService;
import org.deeprounds.accounts.AccountSummary;
import org.deeprounds.base.security.AppRoles;

/** Creates an account (then shows its temporary password once) or edits one. */
class AccountDialog extends Dialog {

    final TextField username = new TextField("Username");
    final TextField displayName = new TextField("Name");
    final EmailField email = new EmailField("E-mail");
    final CheckboxGroup<String> roles = new CheckboxGroup<>("Roles");
    final Checkbox enabled = new Checkbox("Can sign in", true);
    final Paragraph error = new Paragraph();

    AccountDialog(AccountService accounts, AccountSummary existing, Runnable afterSave) {
        setHeaderTitle(existing == null ? "New account" : "Edit " + existing.username());
        roles.setItems(AppRoles.ALL);
        roles.setItemLabelGenerator(AppRoles::label);
        roles.setValue(Set.of(AppRoles.TRAINEE));
        if (existing != null) {
            username.setValue(existing.username());
            username.setReadOnly(true);
            displayName.setValue(existing.displayName());
            email.setValue(existing.email() == null ? "" : existing.email());
            roles.setValue(existing.roles());
            enabled.setValue(existing.enabled());
        } else {
            username.setHelperText("Letters, digits, '.', '_', '-', '@'; used to sign in");
        }
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        var form = new FormLayout(username, displayName, email, roles, enabled);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form, error);
        var save = new Button(existing == null ? "Create" : "Save", e -> {
            var draft = new AccountDraft(
                    username.getValue(),
                    displayName.getValue(),
                    email.getValue(),
                    roles.getValue(),
                    enabled.getValue());
            try {
                if (existing == null) {
                    SecretShownOnce.password(accounts.create(draft));
                } else {
                    accounts.update(existing.id(), draft);
                }
            } catch (IllegalArgumentException ex) {
                error.setText(ex.getMessage());
                return;
            }
            close();
            afterSave.run();
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
