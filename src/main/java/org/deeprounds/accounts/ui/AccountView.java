package org.deeprounds.accounts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.stream.Collectors;
import org.deeprounds.accounts.AccountService;
import org.deeprounds.accounts.ApiTokenService;
import org.deeprounds.accounts.PasswordPolicy;
import org.deeprounds.base.security.AppRoles;
import org.deeprounds.datasets.DatasetService;

/** The signed-in user's own account: who they are, their cohorts, a password change and their API tokens. */
@Route("account")
@PageTitle("My account")
@Menu(title = "My account", order = 90, icon = "vaadin:user")
@PermitAll
public class AccountView extends VerticalLayout {

    final PasswordField current;
    final PasswordField fresh;
    final PasswordField repeat;
    final Button change = new Button("Change password");

    private final PasswordFields fields;

    final ApiTokensPanel tokens;

    public AccountView(
            AccountService accounts,
            ApiTokenService apiTokens,
            PasswordPolicy policy,
            AuthenticationContext authentication,
            DatasetService datasets) {
        var username = authentication.getPrincipalName().orElseThrow();
        this.fields = new PasswordFields("Current password", accounts, policy, username);
        this.current = fields.current;
        this.fresh = fields.fresh;
        this.repeat = fields.repeat;
        var own = accounts.own(username);
        var details = new FormLayout();
        details.addFormItem(new Span(own.username()), "Username");
        details.addFormItem(new Span(own.displayName()), "Name");
        details.addFormItem(new Span(own.email() == null ? "—" : own.email()), "E-mail");
        details.addFormItem(
                new Span(own.roles().stream().sorted().map(AppRoles::label).collect(Collectors.joining(", "))),
                "Roles");
        details.addFormItem(new Span(own.cohorts().isEmpty() ? "—" : String.join(", ", own.cohorts())), "Cohorts");
        var storage = new Span(datasets.usage().summary());
        storage.setId("storage-usage");
        details.addFormItem(storage, "Dataset storage");
        details.setMaxWidth("40em");

        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        change.addClickListener(e -> changePassword());
        var form = new FormLayout(current, fresh, repeat);
        form.setMaxWidth("40em");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        tokens = new ApiTokensPanel(apiTokens, username);
        add(
                new H2("Account"),
                details,
                new H2("Change password"),
                new Paragraph("You need your current password to set a new one."),
                form,
                change,
                new H2("API tokens"),
                tokens);
    }

    private void changePassword() {
        if (!fields.change()) {
            return;
        }
        fields.clear();
        Notification.show("Your password has been changed.", 4000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
