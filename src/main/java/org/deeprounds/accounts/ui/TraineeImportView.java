package org.deeprounds.accounts.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.deeprounds.accounts.TraineeImport;
import org.deeprounds.base.security.AppRoles;

/** Administrators import a class list of trainees from CSV and get a report per row. */
@Route("admin/import-trainees")
@PageTitle("Import trainees")
@Menu(title = "Import trainees", order = 93, icon = "vaadin:upload")
@RolesAllowed(AppRoles.ADMIN)
public class TraineeImportView extends VerticalLayout {

    static final int MAX_FILE_BYTES = 1024 * 1024;

    final Upload upload;
    final Div summary = new Div();
    final Grid<TraineeImport.RowResult> report = new Grid<>();

    public TraineeImportView(TraineeImport importer) {
        setSizeFull();
        add(
                new Paragraph("Upload a CSV file (UTF-8) with a header row. Columns: name (required), username and/or"
                        + " email (one is required; without a username column the e-mail is the username), cohort"
                        + " (optional; created if it does not exist). Every row is checked first: if any row has a"
                        + " problem, nothing is imported and the report says which line and field to fix."),
                new Pre("name,username,email,cohort\nAda Lovelace,alovelace,ada@example.org,Radiology 2026"));
        var handler = UploadHandler.inMemory((metadata, bytes) -> {
            var result = importer.importCsv(
                    metadata.fileName(),
                    new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
            getUI().ifPresent(ui -> ui.access(() -> show(result)));
        });
        upload = new Upload(handler);
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFileSize(MAX_FILE_BYTES);
        upload.setMaxFiles(1);
        upload.addFileRejectedListener(e -> summary.setText("File refused: " + e.getErrorMessage()));
        summary.setId("import-summary");
        report.addColumn(TraineeImport.RowResult::line)
                .setHeader("Line")
                .setAutoWidth(true)
                .setFlexGrow(0);
        report.addColumn(TraineeImport.RowResult::username)
                .setHeader("Username")
                .setAutoWidth(true);
        report.addColumn(TraineeImport.RowResult::cohort).setHeader("Cohort").setAutoWidth(true);
        report.addColumn(r -> r.ok() ? (r.password() == null ? "OK" : r.password()) : String.join("; ", r.problems()))
                .setHeader("Temporary password / problem")
                .setFlexGrow(3);
        report.setVisible(false);
        add(upload, summary, report);
    }

    void show(TraineeImport.Report result) {
        if (result.imported()) {
            summary.setText("Imported " + result.rows().size() + " trainee(s) from " + result.fileName()
                    + ". Hand out the temporary passwords below now: they are not shown again. Each trainee chooses"
                    + " their own password at their first sign-in.");
        } else {
            summary.setText("Nothing was imported from " + result.fileName() + ": " + result.errorCount()
                    + " problem(s). " + String.join(" ", result.fileProblems()));
        }
        report.setItems(result.rows());
        report.setVisible(!result.rows().isEmpty());
        upload.clearFileList();
    }
}
