package org.deeprounds.accounts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.deeprounds.accounts.ApiTokenService;
import org.deeprounds.accounts.ApiTokenSummary;

/** The user's personal API tokens for scripts: create one (its secret shown once), see when each was used, revoke. */
class ApiTokensPanel extends VerticalLayout {

    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    /** How long a new token works. */
    record Lifetime(String label, Integer days) {}

    static final List<Lifetime> LIFETIMES = List.of(
            new Lifetime("30 days", 30),
            new Lifetime("90 days", 90),
            new Lifetime("1 year", 365),
            new Lifetime("Until revoked", null));

    final TextField name = new TextField("Token name");
    final Select<Lifetime> lifetime = new Select<>();
    final Button create = new Button("Create token");
    final Grid<ApiTokenSummary> grid = new Grid<>();

    private final transient ApiTokenService tokens;
    private final String username;

    ApiTokensPanel(ApiTokenService tokens, String username) {
        this.tokens = tokens;
        this.username = username;
        setPadding(false);
        setId("api-tokens");
        var intro = new Paragraph("Scripts and other programs can use DeepRounds as you with a personal API token"
                + " instead of your password (and much faster). A token can do what you can, except create tokens"
                + " or change your password. Revoke a token when a script no longer needs it.");
        intro.setMaxWidth("40em");

        name.setId("token-name");
        name.setPlaceholder("e.g. grades export");
        name.setMaxLength(ApiTokenService.MAX_NAME_LENGTH);
        name.setClearButtonVisible(true);
        lifetime.setLabel("Works for");
        lifetime.setItems(LIFETIMES);
        lifetime.setItemLabelGenerator(Lifetime::label);
        lifetime.setValue(LIFETIMES.get(1));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> create());
        var form = new FlexLayout(name, lifetime, create);
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.addClassNames(LumoUtility.Gap.MEDIUM);

        grid.addColumn(ApiTokenSummary::name)
                .setHeader("Name")
                .setAutoWidth(true)
                .setFlexGrow(1);
        grid.addColumn(t -> t.prefix() + "\u2026").setHeader("Token").setAutoWidth(true);
        grid.addColumn(t -> TIME.format(t.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addColumn(t -> when(t.lastUsedAt(), "Never"))
                .setHeader("Last used")
                .setAutoWidth(true);
        grid.addColumn(t -> t.expired() ? "Expired" : when(t.expiresAt(), "When revoked"))
                .setHeader("Expires")
                .setAutoWidth(true);
        grid.addComponentColumn(this::revokeButton).setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No tokens yet.");
        grid.setMaxWidth("60em");
        add(intro, form, grid);
        refresh();
    }

    private static String when(Instant instant, String none) {
        return instant == null ? none : TIME.format(instant);
    }

    private Button revokeButton(ApiTokenSummary token) {
        var revoke = new Button("Revoke", e -> confirmRevoke(token));
        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return revoke;
    }

    private void confirmRevoke(ApiTokenSummary token) {
        var confirm = new ConfirmDialog(
                "Revoke \u201c" + token.name() + "\u201d?",
                "Scripts that use this token stop working at once. This cannot be undone.",
                "Revoke",
                e -> {
                    tokens.revoke(username, token.id());
                    refresh();
                });
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void create() {
        name.setInvalid(false);
        try {
            var issued = tokens.create(
                    username,
                    name.getValue(),
                    lifetime.getValue() == null ? null : lifetime.getValue().days());
            name.clear();
            refresh();
            SecretShownOnce.token(issued);
        } catch (IllegalArgumentException e) {
            name.setErrorMessage(e.getMessage());
            name.setInvalid(true);
        }
    }

    void refresh() {
        grid.setItems(tokens.list(username));
    }
}
