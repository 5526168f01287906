package org.deeprounds.accounts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.PermitAll;
import org.deeprounds.accounts.AccountService;
import org.deeprounds.accounts.PasswordChange;
import org.deeprounds.accounts.PasswordPolicy;

/**
 * Where a user who signed in with a password someone else issued (a reset, a new or imported account) chooses their
 * own. Until then every other page leads here ({@link PasswordChangeGuard}); signing out is the only other way out.
 */
@Route(value = PasswordChange.ROUTE, autoLayout = false)
@PageTitle("Choose your password · DeepRounds")
@PermitAll
public class ChangePasswordView extends Main implements BeforeEnterObserver {

    final PasswordField current;
    final PasswordField fresh;
    final PasswordField repeat;
    final Button save = new Button("Save and continue");
    final Button signOut = new Button("Sign out");

    private final PasswordFields fields;

    public ChangePasswordView(AccountService accounts, PasswordPolicy policy, AuthenticationContext authentication) {
        var username = authentication.getPrincipalName().orElseThrow();
        this.fields = new PasswordFields("Temporary password", accounts, policy, username);
        this.current = fields.current;
        this.fresh = fields.fresh;
        this.repeat = fields.repeat;
        setId("change-password");
        addClassNames(
                LumoUtility.Display.FLEX,
                LumoUtility.FlexDirection.COLUMN,
                LumoUtility.AlignItems.CENTER,
                LumoUtility.Padding.LARGE);

        var title = new H1("DeepRounds");
        title.addClassNames(LumoUtility.Margin.Bottom.MEDIUM);
        var heading = new H2("Choose your own password");
        var why = new Paragraph("Welcome, " + accounts.own(username).displayName()
                + ". You signed in with a password an administrator gave you. Before you go on, replace it with one"
                + " only you know.");
        why.addClassNames(LumoUtility.TextColor.SECONDARY);

        current.setId("current-password");
        fresh.setId("new-password");
        repeat.setId("repeat-password");
        save.setId("save-password");
        current.setHelperText("The password you signed in with.");
        for (var field : new PasswordField[] {current, fresh, repeat}) {
            field.setWidthFull();
        }
        current.setAutofocus(true);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        save.addClickListener(e -> save());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        signOut.addClickListener(e -> authentication.logout());
        var buttons = new Div(save, signOut);
        buttons.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.MEDIUM);

        var card = new Div(heading, why, current, fresh, repeat, buttons);
        card.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL);
        card.setWidthFull();
        card.setMaxWidth("26em");
        add(title, card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!PasswordChange.requiredNow()) {
            // Nothing to replace: the usual password change is under My account.
            event.forwardTo("");
        }
    }

    private void save() {
        if (!fields.change()) {
            return;
        }
        PasswordChange.doneInSession(
                VaadinServletRequest.getCurrent().getHttpServletRequest(),
                VaadinServletResponse.getCurrent().getHttpServletResponse());
        Notification.show("Your password has been changed.", 4000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        getUI().ifPresent(ui -> ui.navigate(""));
    }
}
