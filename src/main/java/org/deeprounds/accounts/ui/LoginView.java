package org.deeprounds.accounts.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;
import org.deeprounds.accounts.DemoAccounts;
import org.deeprounds.accounts.LockoutPolicy;
import org.deeprounds.base.security.AppRoles;

/** Sign-in page; in demo mode it lists the demo accounts and their passwords. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · DeepRounds")
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver {

    final LoginForm login = new LoginForm();
    private final transient AuthenticationContext authentication;
    private final LockoutPolicy lockout;

    public LoginView(DemoAccounts demo, LockoutPolicy lockout, AuthenticationContext authentication) {
        this.authentication = authentication;
        this.lockout = lockout;
        addClassNames(
                LumoUtility.Display.FLEX,
                LumoUtility.FlexDirection.COLUMN,
                LumoUtility.AlignItems.CENTER,
                LumoUtility.Padding.LARGE);
        var title = new H1("DeepRounds");
        var tagline =
                new Paragraph("Learn deep learning by doing it, on real medical images, DNA and patient records.");
        tagline.addClassNames(LumoUtility.TextColor.SECONDARY);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        login.setI18n(i18n(
                "Incorrect username or password",
                "Check them and try again. After "
                        + lockout.maxFailures() + " failed attempts the account is locked for "
                        + lockout.duration().toMinutes() + " minutes."));
        add(title, tagline, login);
        if (demo.enabled()) {
            add(demoAccounts());
        }
    }

    private Div demoAccounts() {
        var heading = new H2("Demo accounts");
        heading.addClassNames(LumoUtility.FontSize.MEDIUM);
        var note = new Paragraph("This server runs in demo mode. Sign in with one of these accounts; the"
                + " administrator's password is printed in the server log at first start.");
        note.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        var grid = new Grid<DemoAccounts.DemoAccount>();
        grid.setId("demo-accounts");
        grid.addColumn(a -> AppRoles.label(a.role())).setHeader("Role").setAutoWidth(true);
        grid.addColumn(DemoAccounts.DemoAccount::username).setHeader("Username").setAutoWidth(true);
        grid.addColumn(DemoAccounts.DemoAccount::password).setHeader("Password").setAutoWidth(true);
        grid.setItems(DemoAccounts.ACCOUNTS);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        var box = new Div(heading, note, grid);
        box.setWidth("34em");
        return box;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.isAuthenticated()) {
            event.forwardTo("");
            return;
        }
        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            // The same message whatever the reason (wrong password, unknown name, locked, disabled): a different
            // one would tell a stranger which accounts exist.
            login.setError(true);
        }
    }

    private static LoginI18n i18n(String errorTitle, String errorMessage) {
        var i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getErrorMessage().setTitle(errorTitle);
        i18n.getErrorMessage().setMessage(errorMessage);
        return i18n;
    }
}
