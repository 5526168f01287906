package org.deeprounds.datasets.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.deeprounds.datasets.DatasetInfo;
import org.deeprounds.datasets.DatasetService;
import org.deeprounds.datasets.StorageUsage;
import org.deeprounds.datasets.model.ColumnType;
import org.deeprounds.datasets.model.DatasetFormatException;
import org.deeprounds.datasets.model.Modality;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The dataset library over HTTP. Field names are a contract other tools rely on. */
@RestController
@RequestMapping("/api/v1/datasets")
class DatasetController {

    private final DatasetService datasets;

    DatasetController(DatasetService datasets) {
        this.datasets = datasets;
    }

    /**
     * Imports a file: instructors and administrators into the shared library, trainees privately. 201 with the
     * dataset; 400 with a problem detail whose {@code error} names the problem; 413 when over the size limit or the
     * uploader's storage quota. The parts are moved into the library rather than copied where the file system allows.
     *
     * <p>A CSV table's first row names its columns unless {@code header=false}: then it is data, and {@code
     * columnNames} names the columns (else {@code column_1}, {@code column_2}, ...). Without {@code header}, a first
     * row that looks like data is refused (400 with {@code error}, {@code "headerless": true}, {@code firstRow} and
     * {@code proposedColumnNames}), never guessed.
     *
     * <p>Signals ({@code modality=SIGNAL}): a {@code .zip} of PhysioNet WFDB records with beat annotations ({@code
     * classNames} lists the annotation codes to keep as classes, e.g. {@code N,V}; default the AAMI groups present), or
     * an {@code .npz} of fixed-length signals ({@code train_signals}, {@code train_labels}, {@code val_...}, {@code
     * test_...}) with an optional {@code samplingFrequency} in Hz.
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<DatasetInfo> create(
            @RequestPart("file") MultipartFile file,
            @RequestParam("name") String name,
            @RequestParam(value = "modality", required = false) Modality modality,
            @RequestParam(value = "targetColumn", required = false) String targetColumn,
            @RequestParam(value = "groupColumn", required = false) String groupColumn,
            @RequestParam(value = "sensitiveColumns", required = false) String sensitiveColumns,
            @RequestParam(value = "positiveClass", required = false) String positiveClass,
            @RequestParam(value = "classNames", required = false) String classNames,
            @RequestParam(value = "sequenceLength", required = false) Integer sequenceLength,
            @RequestParam(value = "licence", required = false) String licence,
            @RequestParam(value = "citation", required = false) String citation,
            @RequestParam(value = "header", required = false) Boolean header,
            @RequestParam(value = "columnNames", required = false) String columnNames,
            @RequestParam(value = "samplingFrequency", required = false) Double samplingFrequency,
            @RequestPart(value = "labels", required = false) MultipartFile labels) {
        var request = new DatasetService.ImportRequest(
                name,
                modality,
                targetColumn,
                groupColumn,
                DatasetService.ImportRequest.commaList(sensitiveColumns),
                positiveClass,
                DatasetService.ImportRequest.commaList(classNames),
                sequenceLength,
                licence,
                citation,
                header,
                DatasetService.ImportRequest.commaList(columnNames),
                samplingFrequency);
        var created = datasets.importUpload(request, upload(file), labels == null ? null : upload(labels));
        return ResponseEntity.created(URI.create("/api/v1/datasets/" + created.id()))
                .body(created);
    }

    /**
     * The part as an upload the import moves into place: the servlet container renames its file (written beside the
     * library, see {@code UploadLocation}) instead of copying it, so the upload is not held twice on disk. The path
     * must be absolute, or the container resolves it against its own folder.
     */
    private static DatasetService.Upload upload(MultipartFile part) {
        return DatasetService.Upload.transferred(
                part.getOriginalFilename(),
                part.getSize(),
                target -> part.transferTo(target.toAbsolutePath().toFile()));
    }

    /** The signed-in user's storage: what their datasets hold and their quota ("312 MB of 1 GB used"). */
    @GetMapping("/usage")
    StorageUsage usage() {
        return datasets.usage();
    }

    @GetMapping
    List<DatasetInfo> list() {
        return datasets.list();
    }

    @GetMapping("/{id}")
    DatasetInfo get(@PathVariable("id") long id) {
        return datasets.get(id);
    }

    /**
     * How a table's columns are used: {"columnTypes": {"chest_pain": "CATEGORICAL"}, "missingIndicators": true}, both
     * optional (columns not named keep their type). Accepts the import's {@code suggestedColumnTypes}, or corrects any
     * inferred type. 200 with the dataset; 400 naming a type a column cannot take; 403 for a trainee on the shared
     * library.
     */
    @PutMapping(value = "/{id}/column-types", consumes = MediaType.APPLICATION_JSON_VALUE)
    DatasetInfo columnTypes(@PathVariable("id") long id, @RequestBody ColumnTypesChange change) {
        var tabular = datasets.summary(id).tabular();
        if (tabular == null) {
            throw new DatasetFormatException("dataset " + id + " is not a table; only tables have column types");
        }
        datasets.updateTabularSettings(
                id,
                change.columnTypes() == null ? Map.of() : change.columnTypes(),
                change.missingIndicators() == null ? tabular.missingIndicators() : change.missingIndicators());
        return datasets.get(id);
    }

    /** The body of {@code PUT /{id}/column-types}. */
    record ColumnTypesChange(Map<String, ColumnType> columnTypes, Boolean missingIndicators) {}

    /** 204 when deleted; 409 with {@code error}, {@code usedBy} and {@code othersNotShown} when runs or lessons use it. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable("id") long id) {
        datasets.delete(id);
        return ResponseEntity.noContent().build();
    }
}
