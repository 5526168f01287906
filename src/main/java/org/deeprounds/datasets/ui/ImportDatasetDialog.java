package org.deeprounds.datasets.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.deeprounds.datasets.DatasetFormatException;
import org.deeprounds.datasets.DatasetInfo;
import org.deeprounds.datasets.DatasetLimits;
import org.deeprounds.datasets.DatasetService;
import org.deeprounds.datasets.DatasetTooLargeException;
import org.deeprounds.datasets.Modality;

/**
 * Upload a file (with a progress bar), say what it is, import it. The file streams into the library's uploads folder
 * (removed when the dialog closes, or at the next start); nothing is added to the library unless the whole
 * file checks out and fits the uploader's storage quota, and the message says what to fix.
 */
class ImportDatasetDialog extends Dialog {

    final Upload upload;
    final TextField name = new TextField("Name");
    final Select<Modality> modality = new Select<>();
    final ComboBox<String> targetColumn = new ComboBox<>("Target column (tables)");
    final ComboBox<String> groupColumn = new ComboBox<>("Patient / group column (tables, optional)");
    final MultiSelectComboBox<String> sensitiveColumns =
            new MultiSelectComboBox<>("Sensitive columns (tables, optional)");
    final TextField positiveClass = new TextField("Positive class (the 'disease' label, optional)");
    final TextField classNames = new TextField("Class names for labels 0, 1, ... (npz, optional)");
    final IntegerField sequenceLength = new IntegerField("Sequence length (DNA, optional)");
    final TextField licence = new TextField("Licence");
    final TextField citation = new TextField("Citation (optional)");
    final Paragraph error = new Paragraph();
    final Button importButton = new Button("Import");
    private File uploaded;
    private String uploadedName;

    ImportDatasetDialog(DatasetService datasets, DatasetLimits limits, Consumer<DatasetInfo> imported) {
        setHeaderTitle("Import a dataset");
        setWidth("44em");
        // Into the library's uploads folder, so importing links the file instead of holding a second copy on disk.
        upload = new Upload(UploadHandler.toFile(
                (metadata, file) -> {
                    var previous = uploaded;
                    uploaded = file;
                    uploadedName = metadata.fileName();
                    if (previous != null) {
                        previous.delete();
                    }
                    var columns = header(file.toPath(), uploadedName);
                    getUI().ifPresent(ui -> ui.access(() -> {
                        if (name.isEmpty()) {
                            name.setValue(stripExtension(uploadedName));
                        }
                        offerColumns(columns);
                        importButton.setEnabled(true);
                    }));
                },
                metadata -> datasets.newUploadFile().toFile()));
        upload.setMaxFiles(1);
        upload.setMaxFileSize(
                (int) Math.min(Integer.MAX_VALUE, limits.maxUploadSize().toBytes()));
        upload.setAcceptedFileTypes(".npz", ".zip", ".fasta", ".fa", ".fna", ".csv");
        upload.addFileRejectedListener(e -> error.setText(e.getErrorMessage() + " (at most "
                + limits.maxUploadSize().toMegabytes() + " MB; .npz, .zip, .fasta, .fa or .csv)"));
        modality.setLabel("Modality");
        modality.setItems(Modality.values());
        modality.setItemLabelGenerator(m -> m == null ? "Detect from the file" : m.label());
        modality.setEmptySelectionAllowed(true);
        modality.setEmptySelectionCaption("Detect from the file");
        licence.setPlaceholder("e.g. CC BY 4.0");
        sequenceLength.setHelperText("Pad with N or crop to this length; empty = the longest sequence");
        for (var column : List.of(targetColumn, groupColumn)) {
            // A name can still be typed, for a file whose header could not be read here.
            column.setAllowCustomValue(true);
            column.addCustomValueSetListener(e -> column.setValue(e.getDetail()));
            column.setClearButtonVisible(true);
        }
        targetColumn.setHelperText("Choose a CSV file to pick from its columns");
        targetColumn.setId("import-target");
        groupColumn.setId("import-group");
        sensitiveColumns.setId("import-sensitive");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setId("import-error");
        var help = new Paragraph("Imaging: MedMNIST .npz, or a .zip with one folder per class (optionally under"
                + " train/, val/, test/). Genomics: FASTA with '>id class=LABEL' or '>id|LABEL' headers, or a CSV with"
                + " a sequence column. EHR: a CSV table with a header row.");
        var form = new FormLayout(
                name,
                modality,
                targetColumn,
                groupColumn,
                sensitiveColumns,
                positiveClass,
                classNames,
                sequenceLength,
                licence,
                citation);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        add(help, upload, form, error);
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importButton.setEnabled(false);
        importButton.addClickListener(e -> {
            var request = new DatasetService.ImportRequest(
                    name.getValue(),
                    modality.getValue(),
                    targetColumn.getValue(),
                    groupColumn.getValue(),
                    sensitiveColumns.getValue().stream().sorted().toList(),
                    positiveClass.getValue(),
                    DatasetService.ImportRequest.commaList(classNames.getValue()),
                    sequenceLength.getValue(),
                    licence.getValue(),
                    citation.getValue());
            try {
                var created = datasets.importUpload(
                        request, DatasetService.Upload.ofFile(uploadedName, uploaded.toPath()), null);
                close();
                imported.accept(created);
            } catch (DatasetFormatException | DatasetTooLargeException ex) {
                error.setText(ex.getMessage());
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), importButton);
        addOpenedChangeListener(e -> {
            if (!e.isOpened() && uploaded != null) {
                uploaded.delete();
            }
        });
    }

    /** The columns of a CSV's header row, to pick from; empty for other files or a header that cannot be read. */
    static List<String> header(Path file, String fileName) {
        if (fileName == null || !fileName.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return List.of();
        }
        try (var parser = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setTrim(true)
                .get()
                .parse(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            return parser.getHeaderNames().stream().filter(h -> !h.isBlank()).toList();
        } catch (IOException | IllegalArgumentException | java.io.UncheckedIOException e) {
            return List.of(); // the import itself reports what is wrong with the file
        }
    }

    /** Lets the user pick the target, group and sensitive columns from the file's own header. */
    void offerColumns(List<String> columns) {
        targetColumn.setItems(columns);
        groupColumn.setItems(columns);
        sensitiveColumns.setItems(columns);
        targetColumn.setHelperText(
                columns.isEmpty()
                        ? "Type the name of the column to predict"
                        : columns.size() + " columns found in the file; pick the one to predict");
    }

    private static String stripExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
