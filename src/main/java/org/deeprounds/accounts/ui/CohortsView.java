package org.deeprounds.accounts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Set;
import java.util.stream.Collectors;
import org.deeprounds.accounts.AccountService;
import org.deeprounds.accounts.AccountSummary;
import org.deeprounds.accounts.CohortService;
import org.deeprounds.accounts.CohortSummary;
import org.deeprounds.base.security.AppRoles;

/** Administrators form cohorts: a name, its instructors and its trainees. */
@Route("admin/cohorts")
@PageTitle("Cohorts")
@Menu(title = "Cohorts", order = 92, icon = "vaadin:group")
@RolesAllowed(AppRoles.ADMIN)
public class CohortsView extends VerticalLayout {

    final Grid<CohortSummary> grid = new Grid<>(CohortSummary.class, false);
    final TextField newName = new TextField();
    final Button create = new Button("Create cohort");
    private final transient CohortService cohorts;
    private final transient AccountService accounts;

    public CohortsView(CohortService cohorts, AccountService accounts) {
        this.cohorts = cohorts;
        this.accounts = accounts;
        setSizeFull();
        newName.setPlaceholder("New cohort name, e.g. Radiology residents 2026");
        newName.setWidth("24em");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> {
            try {
                cohorts.create(newName.getValue(), null);
                newName.clear();
                newName.setInvalid(false);
                refresh();
            } catch (IllegalArgumentException ex) {
                newName.setErrorMessage(ex.getMessage());
                newName.setInvalid(true);
            }
        });
        grid.addColumn(CohortSummary::name).setHeader("Cohort").setAutoWidth(true);
        grid.addColumn(c -> names(c.instructors())).setHeader("Instructors").setAutoWidth(true);
        grid.addColumn(c -> c.trainees().size())
                .setHeader("Trainees")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(CohortSummary::description).setHeader("Description");
        grid.addComponentColumn(c -> new HorizontalLayout(
                        new Button("Edit members", e -> edit(c)), new Button("Delete", e -> confirmDelete(c))))
                .setHeader("Actions")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setSizeFull();
        add(new HorizontalLayout(newName, create), grid);
        refresh();
    }

    private static String names(java.util.List<CohortSummary.Member> members) {
        return members.stream().map(CohortSummary.Member::displayName).collect(Collectors.joining(", "));
    }

    void refresh() {
        grid.setItems(cohorts.list());
    }

    private void confirmDelete(CohortSummary cohort) {
        var confirm = new ConfirmDialog(
                "Delete " + cohort.name() + "?", "The cohort goes; its members' accounts stay.", "Delete", e -> {
                    cohorts.delete(cohort.id());
                    refresh();
                });
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void edit(CohortSummary cohort) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Edit " + cohort.name());
        var name = new TextField("Name", cohort.name(), "");
        var description = new TextArea("Description");
        description.setValue(cohort.description() == null ? "" : cohort.description());
        var instructors = memberPicker("Instructors", AppRoles.INSTRUCTOR, cohort.instructors());
        var trainees = memberPicker("Trainees", AppRoles.TRAINEE, cohort.trainees());
        var error = new Paragraph();
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        var form = new FormLayout(name, description, instructors, trainees);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setWidth("32em");
        dialog.add(form, error);
        var save = new Button("Save", e -> {
            try {
                cohorts.update(
                        cohort.id(),
                        name.getValue(),
                        description.getValue(),
                        instructors.getValue().stream()
                                .map(AccountSummary::username)
                                .toList(),
                        trainees.getValue().stream()
                                .map(AccountSummary::username)
                                .toList());
            } catch (IllegalArgumentException ex) {
                error.setText(ex.getMessage());
                return;
            }
            dialog.close();
            refresh();
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private MultiSelectComboBox<AccountSummary> memberPicker(
            String label, String role, java.util.List<CohortSummary.Member> current) {
        var picker = new MultiSelectComboBox<AccountSummary>(label);
        var candidates = accounts.withRole(role);
        picker.setItems(candidates);
        picker.setItemLabelGenerator(a -> a.displayName() + " (" + a.username() + ")");
        Set<String> selected =
                current.stream().map(CohortSummary.Member::username).collect(Collectors.toSet());
        picker.setValue(
                candidates.stream().filter(a -> selected.contains(a.username())).collect(Collectors.toSet()));
        return picker;
    }
}
