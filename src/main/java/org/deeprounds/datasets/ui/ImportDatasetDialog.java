package org.deeprounds.datasets.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
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
import org.deeprounds.datasets.DatasetInfo;
import org.deeprounds.datasets.DatasetLimits;
import org.deeprounds.datasets.DatasetService;
import org.deeprounds.datasets.DatasetTooLargeException;
import org.deeprounds.datasets.formats.CsvFirstRow;
import org.deeprounds.datasets.model.DatasetFormatException;
import org.deeprounds.datasets.model.Modality;

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
    final NumberField samplingFrequency = new NumberField("Sampling frequency (Hz, signals)");
    final TextField licence = new TextField("Licence");
    final TextField citation = new TextField("Citation (optional)");
    final Paragraph error = new Paragraph();
    final Button importButton = new Button("Import");
    final Paragraph headerNotice = new Paragraph();
    final Checkbox firstRowIsHeader = new Checkbox("The first row holds column names");
    final TextField columnNames = new TextField("Column names, in order (comma-separated)");
    private File uploaded;
    private String uploadedName;
    /** The chosen CSV's first row; null for other files. */
    private CsvFirstRow firstRow;
    /** The chosen CSV's first row read as column names. */
    private List<String> headerColumns = List.of();

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
                    var first = firstRow(file.toPath(), uploadedName);
                    getUI().ifPresent(ui -> ui.access(() -> {
                        if (name.isEmpty()) {
                            name.setValue(stripExtension(uploadedName));
                        }
                        offerHeaderChoice(columns, first);
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
        modality.addValueChangeListener(e -> offerSignalFields(e.getValue() == Modality.SIGNAL));
        samplingFrequency.setId("import-sampling-frequency");
        samplingFrequency.setMin(1);
        samplingFrequency.setMax(100_000);
        samplingFrequency.setSuffixComponent(new com.vaadin.flow.component.html.Span("Hz"));
        samplingFrequency.setHelperText("Samples per second, e.g. 360 (MIT-BIH) or 250; a WFDB header states it,"
                + " an .npz needs it. Empty: time is shown in samples and real-recording beats cannot be tried");
        classNames.setId("import-class-names");
        offerSignalFields(false);
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
        headerNotice.setId("import-header-notice");
        headerNotice.getStyle().set("color", "var(--lumo-warning-text-color, #8a6d00)");
        headerNotice.setVisible(false);
        firstRowIsHeader.setId("import-first-row-is-header");
        firstRowIsHeader.setValue(true);
        firstRowIsHeader.setVisible(false);
        firstRowIsHeader.addValueChangeListener(e -> {
            if (!e.getValue() && columnNames.isEmpty() && firstRow != null) {
                columnNames.setValue(String.join(", ", firstRow.generatedNames()));
            }
            applyHeaderChoice();
        });
        columnNames.setId("import-column-names");
        columnNames.setHelperText("Rename them as you like; the target and other columns are picked from these names");
        columnNames.setVisible(false);
        columnNames.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.ON_BLUR);
        columnNames.addValueChangeListener(e -> applyHeaderChoice());
        var help = new Paragraph("Imaging: MedMNIST .npz, or a .zip with one folder per class (optionally under"
                + " train/, val/, test/). Genomics: FASTA with '>id class=LABEL' or '>id|LABEL' headers, or a CSV with"
                + " a sequence column. EHR: a CSV table, with a header row or with the columns named here. Signals"
                + " (ECG): a .zip of PhysioNet WFDB records (.hea, .dat and .atr beat annotations), cut into one"
                + " window per annotated beat and split by record, so no patient is in two splits; or an .npz of"
                + " fixed-length signals (train_signals, train_labels, val_..., test_...). A file"
                + " that states its own split (a 'split' column, or 'split=train|validation|test' in FASTA headers) is"
                + " split exactly so; validation is carved from train when only train and test are given.");
        var form = new FormLayout(
                name,
                modality,
                firstRowIsHeader,
                columnNames,
                targetColumn,
                groupColumn,
                sensitiveColumns,
                positiveClass,
                classNames,
                sequenceLength,
                samplingFrequency,
                licence,
                citation);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        form.setColspan(firstRowIsHeader, 2);
        form.setColspan(columnNames, 2);
        add(help, upload, headerNotice, form, error);
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importButton.setEnabled(false);
        importButton.addClickListener(e -> {
            var request = importRequest();
            try {
                var created = datasets.importUpload(
                        request, DatasetService.Upload.ofFile(uploadedName, uploaded.toPath()), null);
                showResult(created, imported);
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

    /** The form as an import request; the sampling frequency only while signals are chosen. */
    DatasetService.ImportRequest importRequest() {
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
                citation.getValue(),
                headerAnswer(),
                headerAnswer() == Boolean.FALSE
                        ? DatasetService.ImportRequest.commaList(columnNames.getValue())
                        : List.of());
        return modality.getValue() == Modality.SIGNAL
                ? request.withSamplingFrequency(samplingFrequency.getValue())
                : request;
    }

    /**
     * Signals take a sampling frequency, and their class names are annotation codes (WFDB) or names for labels (npz);
     * the fields say so only while signals are chosen.
     */
    void offerSignalFields(boolean signals) {
        samplingFrequency.setVisible(signals);
        classNames.setLabel(signals ? "Classes (optional)" : "Class names for labels 0, 1, ... (npz, optional)");
        classNames.setHelperText(
                signals
                        ? "WFDB: annotation codes per class, e.g. N,V or normal=N+L+R,pvc=V; empty = the AAMI EC57"
                                + " classes present (normal, supraventricular, ventricular, fusion, unknown). npz:"
                                + " names for labels 0, 1, ..."
                        : null);
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

    /** The first row of a chosen CSV, to tell names from data; null for other files or a file that cannot be read. */
    static CsvFirstRow firstRow(Path file, String fileName) {
        if (fileName == null || !fileName.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return null;
        }
        try {
            return CsvFirstRow.read(file);
        } catch (IOException | IllegalArgumentException | java.io.UncheckedIOException e) {
            return null; // the import itself reports what is wrong with the file
        }
    }

    /**
     * For a CSV: whether its first row names the columns. A first row of numbers is read as the first patient, with
     * the columns named column_1, column_2, ... for the user to rename, and the target picked among those names.
     */
    void offerHeaderChoice(List<String> header, CsvFirstRow first) {
        firstRow = first == null || first.cells().isEmpty() ? null : first;
        headerColumns = header;
        boolean data = firstRow != null && firstRow.looksLikeData();
        firstRowIsHeader.setVisible(firstRow != null);
        headerNotice.setVisible(data);
        if (data) {
            var numbers = firstRow.numbers();
            headerNotice.setText("The first row of this file looks like data, not column names ("
                    + String.join(", ", numbers.subList(0, Math.min(6, numbers.size())))
                    + (numbers.size() > 6 ? ", ..." : "") + "), so it will be read as the first patient. Name the "
                    + firstRow.cells().size() + " columns below, in order, or keep the names given.");
            columnNames.setValue(String.join(", ", firstRow.generatedNames()));
        } else {
            columnNames.clear();
        }
        firstRowIsHeader.setValue(!data);
        applyHeaderChoice();
    }

    private void applyHeaderChoice() {
        boolean named = firstRow == null || firstRowIsHeader.getValue();
        columnNames.setVisible(!named);
        offerColumns(named ? headerColumns : DatasetService.ImportRequest.commaList(columnNames.getValue()));
    }

    /** True or false for a CSV table (the user's answer), null for other files. */
    private Boolean headerAnswer() {
        return firstRow == null ? null : firstRowIsHeader.getValue();
    }

    /**
     * After an import: what it found (copies, columns that may be codes) before the dataset opens; straight to the
     * dataset when there is nothing to say.
     */
    void showResult(DatasetInfo created, Consumer<DatasetInfo> imported) {
        var findings = ImportFindings.of(created);
        if (findings.isEmpty()) {
            close();
            imported.accept(created);
            return;
        }
        removeAll();
        setHeaderTitle("Imported: " + created.name());
        var result = new Div();
        result.setId("import-findings");
        result.add(new Paragraph("The dataset is in the library. Before training on it, note what the import found:"));
        findings.forEach(f -> result.add(new Paragraph(f)));
        add(result);
        getFooter().removeAll();
        var open = new Button("Open the dataset", e -> {
            close();
            imported.accept(created);
        });
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(open);
    }

    /** Lets the user pick the target, group and sensitive columns from the file's own header (or the names given). */
    void offerColumns(List<String> columns) {
        var target = targetColumn.getValue();
        var group = groupColumn.getValue();
        var sensitive = sensitiveColumns.getValue();
        targetColumn.setItems(columns);
        groupColumn.setItems(columns);
        sensitiveColumns.setItems(columns);
        if (target != null && columns.contains(target)) {
            targetColumn.setValue(target);
        }
        if (group != null && columns.contains(group)) {
            groupColumn.setValue(group);
        }
        sensitiveColumns.setValue(
                sensitive.stream().filter(columns::contains).collect(java.util.stream.Collectors.toSet()));
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
