package org.deeprounds;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import org.deeprounds.accounts.TraineeImport;
import org.deeprounds.accounts.ui.AccountView;
import org.deeprounds.accounts.ui.LoginView;
import org.deeprounds.accounts.ui.TraineeImportView;
import org.deeprounds.accounts.ui.UsersView;
import org.deeprounds.audit.ui.AuditLogView;
import org.deeprounds.home.ui.HomeView;
import org.deeprounds.system.ui.SystemView;
import org.deeprounds.training.NativeRuntime;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithMockUser;

/** Views in a simulated browser (no real one): what each role sees and can do. */
@IntegrationTest
class ViewsTest extends SpringBrowserlessTest {

    @Test
    void the_login_page_lists_the_demo_accounts() {
        navigate(LoginView.class);

        @SuppressWarnings("unchecked")
        var grid = (Grid<Object>) $(Grid.class).id("demo-accounts");
        assertThat(test(grid).size()).isEqualTo(3);
        assertThat(test(grid).getCellText(1, 1)).isEqualTo("trainee1");
    }

    @Test
    @WithMockUser(username = "trainee1", roles = "TRAINEE")
    void a_trainee_sees_their_cohort_and_no_administration() {
        navigate(HomeView.class);

        assertThat($(H2.class).id("welcome").getText()).isEqualTo("Welcome, Tara Trainee");
        assertThat($(Section.class).id("trainee-home").getElement().getTextRecursively())
                .contains("Demo cohort", "Dr. Ines Instructor");
        assertThat($(Section.class).all()).noneMatch(s -> s.getId().orElse("").equals("admin-home"));
        assertThat(navigationLabels()).contains("Home", "My account").doesNotContain("Users", "System");
    }

    @Test
    @WithMockUser(username = "instructor", roles = "INSTRUCTOR")
    void an_instructor_sees_the_trainees_of_their_cohorts() {
        navigate(HomeView.class);

        assertThat($(Section.class).id("instructor-home").getElement().getTextRecursively())
                .contains("Demo cohort", "2 trainee(s)", "Tara Trainee (trainee1)", "Theo Trainee (trainee2)");
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void an_administrator_sees_every_administration_view_in_the_navigation() {
        navigate(HomeView.class);

        assertThat(navigationLabels()).contains("Users", "Cohorts", "Import trainees", "Audit log", "System");
        assertThat($(Section.class).id("admin-home").getElement().getTextRecursively())
                .contains("trainee(s)");
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void an_administrator_creates_an_account_and_sees_its_temporary_password_once() {
        navigate(UsersView.class);

        test($(Button.class).withText("New account").single()).click();
        test($(TextField.class).withCaption("Username").single()).setValue("new.resident");
        test($(TextField.class).withCaption("Name").single()).setValue("New Resident");
        test($(EmailField.class).withCaption("E-mail").single()).setValue("resident@example.org");
        test($(Button.class).withText("Create").single()).click();

        assertThat($(Pre.class).id("issued-password").getText()).hasSize(16);
        @SuppressWarnings("unchecked")
        var grid = (Grid<org.deeprounds.accounts.AccountSummary>) $(Grid.class).single();
        assertThat(test(grid).size()).isGreaterThanOrEqualTo(5);
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void a_duplicate_username_is_reported_in_the_dialog() {
        navigate(UsersView.class);

        test($(Button.class).withText("New account").single()).click();
        test($(TextField.class).withCaption("Username").single()).setValue("trainee1");
        test($(TextField.class).withCaption("Name").single()).setValue("Someone");
        test($(Button.class).withText("Create").single()).click();

        assertThat($(com.vaadin.flow.component.html.Paragraph.class).all())
                .anyMatch(p -> p.getText().contains("username 'trainee1' is already taken"));
    }

    @Test
    @WithMockUser(username = "trainee2", roles = "TRAINEE")
    void a_password_change_with_differing_new_passwords_is_refused() {
        navigate(AccountView.class);

        test($(PasswordField.class).withCaption("Current password").single()).setValue("Learn-Rounds-2026b");
        test($(PasswordField.class).withCaption("New password").single()).setValue("Brand-New-Pass-1");
        test($(PasswordField.class).withCaption("Repeat new password").single()).setValue("Brand-New-Pass-2");
        test($(Button.class).withText("Change password").single()).click();

        var repeat = $(PasswordField.class).withCaption("Repeat new password").single();
        assertThat(repeat.isInvalid()).isTrue();
        assertThat(repeat.getErrorMessage()).isEqualTo("The two new passwords differ.");
    }

    @Test
    @WithMockUser(username = "trainee2", roles = "TRAINEE")
    void a_user_creates_an_api_token_sees_it_once_and_revokes_it() {
        navigate(AccountView.class);

        test($(TextField.class).withCaption("Token name").single()).setValue("nightly export");
        test($(Button.class).withText("Create token").single()).click();
        var token = $(Pre.class).id("issued-token").getText();
        assertThat(token).startsWith("drt_");
        test($(Button.class).withText("Done").single()).click();

        @SuppressWarnings("unchecked")
        var grid = (Grid<org.deeprounds.accounts.ApiTokenSummary>) $(Grid.class).single();
        int row = java.util.stream.IntStream.range(0, test(grid).size())
                .filter(i -> test(grid).getRow(i).name().equals("nightly export"))
                .findFirst()
                .orElseThrow();
        var listed = test(grid).getRow(row);
        assertThat(token).startsWith(listed.prefix());
        assertThat(test(grid).getCellText(row, 1))
                .doesNotContain(token.substring(listed.prefix().length() + 1));
        assertThat($(Pre.class).all()).as("shown once").isEmpty();

        test((Button) test(grid).getCellComponent(row, 5)).click();
        test($(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class).single())
                .confirm();
        assertThat(java.util.stream.IntStream.range(0, test(grid).size())
                        .mapToObj(i -> test(grid).getRow(i).name()))
                .doesNotContain("nightly export");
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void the_audit_log_lists_events_newest_first() {
        navigate(AuditLogView.class);

        @SuppressWarnings("unchecked")
        var grid = (Grid<Object>) $(Grid.class).single();
        assertThat(test(grid).size()).isPositive();
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void the_system_page_shows_the_cpu_backend() {
        navigate(SystemView.class);

        var text = getCurrentView().getElement().getTextRecursively();
        assertThat(text).contains("CPU", "1.0.0-M2.1", "Data directory", "Native build");
        // The build this JVM loaded, by name: the oneDNN one on a processor with AVX2 or AVX-512.
        assertThat(text).contains(NativeRuntime.chosen().orElseThrow().label());
        // This server is the installation's one node, alive, training runs itself; its queue is described in words.
        @SuppressWarnings("unchecked")
        var nodes = test((Grid<Object>) $(Grid.class).id("nodes-grid"));
        assertThat(nodes.size()).isEqualTo(1);
        assertThat(nodes.getCellText(0, 1)).isEqualTo("all");
        assertThat(nodes.getCellText(0, 3)).isEqualTo("0 of 1");
        assertThat(nodes.getCellText(0, 4)).endsWith("s ago").doesNotContain("silent");
        assertThat(text).containsPattern("No run is waiting|runs? (is|are) waiting");
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void an_uploaded_class_list_is_imported_and_reported_row_by_row() {
        navigate(TraineeImportView.class);

        var csv = "name,email,cohort\nUma Upload,uma@example.org,Upload cohort\nVic Upload,vic@example.org,\n";
        test($(Upload.class).single())
                .upload("class-list.csv", "text/csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat($(Div.class).id("import-summary").getText()).startsWith("Imported 2 trainee(s) from class-list.csv");
        @SuppressWarnings("unchecked")
        var report = (Grid<TraineeImport.RowResult>) $(Grid.class).single();
        assertThat(test(report).size()).isEqualTo(2);
        assertThat(test(report).getCellText(0, 1)).isEqualTo("uma@example.org");
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void an_uploaded_file_with_a_bad_row_imports_nothing_and_names_the_line() {
        navigate(TraineeImportView.class);

        var csv = "name,username\nGood One,good.one\n,nameless\n";
        test($(Upload.class).single())
                .upload("bad.csv", "text/csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat($(Div.class).id("import-summary").getText()).startsWith("Nothing was imported from bad.csv");
        @SuppressWarnings("unchecked")
        var report = (Grid<TraineeImport.RowResult>) $(Grid.class).single();
        assertThat(test(report).getCellText(1, 3)).isEqualTo("line 3: name is required");
    }

    private java.util.List<String> navigationLabels() {
        return $(SideNavItem.class, $(SideNav.class).single()).all().stream()
                .map(SideNavItem::getLabel)
                .toList();
    }
}
