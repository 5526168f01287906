package org.deeprounds.accounts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.Collectors;
import org.deeprounds.accounts.AccountService;
import org.deeprounds.accounts.AccountSummary;
import org.deeprounds.base.security.AppRoles;

/** Administrators create accounts, change roles, disable, reset passwords and lift lockouts here. */
@Route("admin/users")
@PageTitle("Users")
@Menu(title = "Users", order = 91, icon = "vaadin:users")
@RolesAllowed(AppRoles.ADMIN)
public class UsersView extends VerticalLayout {

    final Grid<AccountSummary> grid = new Grid<>(AccountSummary.class, false);
    final Button create = new Button("New account");
    private final transient AccountService accounts;

    public UsersView(AccountService accounts) {
        this.accounts = accounts;
        setSizeFull();
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> new AccountDialog(accounts, null, this::refresh).open());
        grid.addColumn(AccountSummary::username)
                .setHeader("Username")
                .setSortable(true)
                .setAutoWidth(true);
        grid.addColumn(AccountSummary::displayName)
                .setHeader("Name")
                .setSortable(true)
                .setAutoWidth(true);
        grid.addColumn(AccountSummary::email).setHeader("E-mail").setAutoWidth(true);
        grid.addColumn(a -> a.roles().stream().sorted().map(AppRoles::label).collect(Collectors.joining(", ")))
                .setHeader("Roles")
                .setAutoWidth(true);
        grid.addColumn(a -> String.join(", ", a.cohorts())).setHeader("Cohorts").setAutoWidth(true);
        grid.addComponentColumn(this::status).setHeader("Status").setAutoWidth(true);
        grid.addComponentColumn(this::actions)
                .setHeader("Actions")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        add(create, grid);
        refresh();
    }

    private Span status(AccountSummary account) {
        boolean active = account.enabled() && !account.locked();
        var label = !account.enabled()
                ? "Disabled"
                : account.locked() ? "Locked" : account.passwordChangeRequired() ? "Temporary password" : "Active";
        var badge = new Span(label);
        badge.getElement()
                .getThemeList()
                .add(!active ? "badge error" : account.passwordChangeRequired() ? "badge contrast" : "badge success");
        if (active && account.passwordChangeRequired()) {
            badge.setTitle(
                    "Signs in with a password an administrator issued and must choose their own at that sign-in");
        }
        return badge;
    }

    private HorizontalLayout actions(AccountSummary account) {
        var edit = new Button("Edit", e -> new AccountDialog(accounts, account, this::refresh).open());
        var reset = new Button("Reset password", e -> SecretShownOnce.password(accounts.resetPassword(account.id())));
        var row = new HorizontalLayout(edit, reset);
        if (account.locked()) {
            row.add(new Button("Unlock", e -> {
                accounts.unlock(account.id());
                refresh();
            }));
        }
        row.getChildren().forEach(c -> ((Button) c).addThemeVariants(ButtonVariant.LUMO_SMALL));
        return row;
    }

    void refresh() {
        grid.setItems(accounts.list());
    }
}
