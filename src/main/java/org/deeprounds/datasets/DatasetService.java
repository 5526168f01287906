package org.deeprounds.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.deeprounds.audit.AuditAction;
import org.deeprounds.audit.AuditLog;
import org.deeprounds.base.security.AppRoles;
import org.deeprounds.datasets.formats.DatasetFormat;
import org.deeprounds.datasets.formats.DatasetFormats;
import org.deeprounds.datasets.formats.ExampleReader;
import org.deeprounds.datasets.formats.GivenSplits;
import org.deeprounds.datasets.formats.ScanContext;
import org.deeprounds.datasets.formats.TabularScanner;
import org.deeprounds.datasets.model.ColumnType;
import org.deeprounds.datasets.model.DatasetFormatException;
import org.deeprounds.datasets.model.DatasetSummary;
import org.deeprounds.datasets.model.Example;
import org.deeprounds.datasets.model.ImportOptions;
import org.deeprounds.datasets.model.Modality;
import org.deeprounds.datasets.model.PublishedResult;
import org.deeprounds.datasets.model.Split;
import org.deeprounds.datasets.model.Splitter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dataset library. Instructors and administrators import into the shared library; trainees into their own
 * private space. Everyone sees the shared library and their own datasets, never another trainee's (those answer
 * "not found"). An import is checked completely before anything is stored.
 */
@Service
public class DatasetService {

    /** The size of {@code dataset.summary_json} (V2__datasets.sql): a longer summary is refused, never truncated. */
    static final int MAX_SUMMARY_CHARS = 1_000_000;

    /** The dataset a run the caller may see was trained on, while {@link #readingForRun} runs on this thread. */
    private static final ThreadLocal<Long> RUN_GRANT = new ThreadLocal<>();

    static final String UNSTATED_LICENCE = "Not stated by the uploader";

    /**
     * A file as uploaded: the name the user knows it by, and its content as a stream or as a file the import can put
     * in place without a second copy ({@code transfer}).
     *
     * @param declaredSize its size when known before reading it (checked against the quota first), else -1
     */
    public record Upload(String fileName, InputStream content, long declaredSize, Transfer transfer) {

        public Upload(String fileName, InputStream content) {
            this(fileName, content, -1, null);
        }

        /**
         * A file already on disk, which the caller keeps (and deletes later): linked into the import where the file
         * system allows, so it is not held twice, else copied.
         */
        public static Upload ofFile(String fileName, Path file) throws IOException {
            return new Upload(
                    fileName, null, java.nio.file.Files.size(file), target -> DatasetStorage.linkOrCopy(file, target));
        }

        /** A file the web layer moves into place itself (a multipart part's {@code transferTo}), of known size. */
        public static Upload transferred(String fileName, long size, Transfer transfer) {
            return new Upload(fileName, null, size, transfer);
        }
    }

    /** Puts an upload's bytes at {@code target}, by a move or link where possible. */
    @FunctionalInterface
    public interface Transfer {
        void to(Path target) throws IOException;
    }

    /**
     * Everything the uploader says about the file. Only {@code name} is required.
     *
     * @param header whether a CSV table's first row names its columns; null to read it as names unless it looks like
     *     data, which is refused ({@link HeaderlessCsvException})
     * @param columnNames the columns of a table without a header row ({@code header} false), in order; empty for
     *     {@code column_1}, {@code column_2}, ...
     */
    public record ImportRequest(
            String name,
            Modality modality,
            String targetColumn,
            String groupColumn,
            List<String> sensitiveColumns,
            String positiveClass,
            List<String> classNames,
            Integer sequenceLength,
            String licence,
            String citation,
            Boolean header,
            List<String> columnNames,
            Double samplingFrequency) {

        public ImportRequest {
            columnNames = columnNames == null ? List.of() : List.copyOf(columnNames);
        }

        /** A request without a sampling frequency (anything but signals). */
        public ImportRequest(
                String name,
                Modality modality,
                String targetColumn,
                String groupColumn,
                List<String> sensitiveColumns,
                String positiveClass,
                List<String> classNames,
                Integer sequenceLength,
                String licence,
                String citation,
                Boolean header,
                List<String> columnNames) {
            this(
                    name,
                    modality,
                    targetColumn,
                    groupColumn,
                    sensitiveColumns,
                    positiveClass,
                    classNames,
                    sequenceLength,
                    licence,
                    citation,
                    header,
                    columnNames,
                    null);
        }

        /** The same request with the signals' sampling frequency in Hz (null: not given). */
        public ImportRequest withSamplingFrequency(Double hertz) {
            return new ImportRequest(
                    name,
                    modality,
                    targetColumn,
                    groupColumn,
                    sensitiveColumns,
                    positiveClass,
                    classNames,
                    sequenceLength,
                    licence,
                    citation,
                    header,
                    columnNames,
                    hertz);
        }

        /** A request for any file but a table without a header row. */
        public ImportRequest(
                String name,
                Modality modality,
                String targetColumn,
                String groupColumn,
                List<String> sensitiveColumns,
                String positiveClass,
                List<String> classNames,
                Integer sequenceLength,
                String licence,
                String citation) {
            this(
                    name,
                    modality,
                    targetColumn,
                    groupColumn,
                    sensitiveColumns,
                    positiveClass,
                    classNames,
                    sequenceLength,
                    licence,
                    citation,
                    null,
                    List.of());
        }

        public static ImportRequest named(String name) {
            return new ImportRequest(name, null, null, null, List.of(), null, List.of(), null, null, null);
        }

        /** The same request, saying whether the table's first row names its columns (and naming them if not). */
        public ImportRequest withHeader(Boolean hasHeader, List<String> names) {
            return new ImportRequest(
                    name,
                    modality,
                    targetColumn,
                    groupColumn,
                    sensitiveColumns,
                    positiveClass,
                    classNames,
                    sequenceLength,
                    licence,
                    citation,
                    hasHeader,
                    names,
                    samplingFrequency);
        }

        /** "a, b,,c" as [a, b, c]: how forms and the API take lists of column or class names. */
        public static List<String> commaList(String value) {
            return value == null || value.isBlank()
                    ? List.of()
                    : java.util.Arrays.stream(value.split(","))
                            .map(String::strip)
                            .filter(s -> !s.isEmpty())
                            .toList();
        }
    }

    /** Where a dataset comes from when DeepRounds itself adds it (shipped samples). */
    record Origin(
            String licence,
            String citation,
            String provenance,
            boolean synthetic,
            String sampleKey,
            PublishedResult published) {

        Origin(String licence, String citation, String provenance, boolean synthetic, String sampleKey) {
            this(licence, citation, provenance, synthetic, sampleKey, null);
        }
    }

    private final DatasetRepository datasets;
    private final DatasetStorage storage;
    private final DatasetLimits limits;
    private final StorageQuota quota;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;
    /** Looked up when asked: the features that use datasets (training, curriculum) are built on this service. */
    private final org.springframework.beans.factory.ObjectProvider<DatasetDependents> dependents;

    DatasetService(
            DatasetRepository datasets,
            DatasetStorage storage,
            DatasetLimits limits,
            StorageQuota quota,
            AuditLog audit,
            JsonMapper json,
            Clock clock,
            org.springframework.beans.factory.ObjectProvider<DatasetDependents> dependents) {
        this.datasets = datasets;
        this.storage = storage;
        this.limits = limits;
        this.quota = quota;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.dependents = dependents;
    }

    /**
     * Imports an upload: into the shared library for instructors and administrators, else privately. It counts
     * against the uploader's storage quota (administrators have none): checked on the declared size before anything
     * is stored, while a stream of unknown size arrives, and on the stored size just before the dataset is added.
     */
    @PreAuthorize("isAuthenticated()")
    public DatasetInfo importUpload(ImportRequest request, Upload file, Upload labels) {
        var viewer = Viewer.current();
        var owner = viewer.teaches() ? null : viewer.username();
        try {
            return importFile(
                    request, file, labels, owner, viewer.username(), null, viewer.admin() ? null : viewer.username());
        } catch (DatasetFormatException | DatasetTooLargeException e) {
            audit.record(AuditAction.DATASET_IMPORT_REJECTED, viewer.username(), file.fileName(), e.getMessage());
            throw e;
        }
    }

    /** Imports a file with a known origin (the shipped samples) into the shared library. */
    DatasetInfo importSample(ImportRequest request, Upload file, Origin origin) {
        return importFile(request, file, null, null, AuditLog.SYSTEM, origin, null);
    }

    /** The keys of the samples every installation ships (lessons name datasets by them). */
    public List<String> sampleKeys() {
        return SampleLibrary.KEYS;
    }

    /** The id of a shipped sample in this installation's library, if it was loaded. */
    public java.util.Optional<Long> sampleId(String sampleKey) {
        return datasets.findBySampleKey(sampleKey).map(Dataset::getId);
    }

    boolean sampleLoaded(String sampleKey) {
        return datasets.existsBySampleKey(sampleKey);
    }

    /** The signed-in user's storage usage and quota (administrators: usage only). */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public StorageUsage usage() {
        var viewer = Viewer.current();
        return quota.usage(viewer.username(), viewer.admin());
    }

    /**
     * A new empty file for an upload on its way (the import dialog's), beside the imports so that importing it needs
     * no second copy on disk. The caller deletes it; what is left is removed at the next start.
     */
    @PreAuthorize("isAuthenticated()")
    public Path newUploadFile() {
        try {
            return storage.newUploadFile();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a file for the upload", e);
        }
    }

    /** @param quotaHolder whose storage quota the dataset counts against; null for none (samples, administrators) */
    private DatasetInfo importFile(
            ImportRequest request,
            Upload file,
            Upload labels,
            String owner,
            String createdBy,
            Origin origin,
            String quotaHolder) {
        var name = requireName(request.name());
        var fileName = safeFileName(file.fileName());
        var format = DatasetFormats.forUpload(fileName, request.modality());
        var modality = format.modality();
        if (quotaHolder != null && file.declaredSize() >= 0) {
            quota.check(quotaHolder, file.declaredSize() + (labels == null ? 0 : Math.max(0, labels.declaredSize())));
        }
        Path incoming = null;
        try {
            incoming = storage.newIncoming();
            var source = format.source(incoming);
            var copied = receive(file, source, quotaHolder);
            if (copied.size() == 0) {
                throw new DatasetFormatException(fileName + ": the file is empty");
            }
            var options = new ImportOptions(
                    name,
                    modality,
                    request.targetColumn(),
                    request.groupColumn(),
                    request.sensitiveColumns(),
                    request.positiveClass(),
                    request.classNames(),
                    null,
                    request.sequenceLength(),
                    Splitter.DEFAULT_SEED,
                    Splitter.DEFAULT_VALIDATION_RATIO,
                    Splitter.DEFAULT_TEST_RATIO,
                    limits.maxUncompressedSize().toBytes(),
                    request.header(),
                    request.columnNames(),
                    request.samplingFrequency());
            if (labels != null) {
                var labelsPath = incoming.resolve(ScanContext.LABELS);
                receive(labels, labelsPath, null);
                options = options.withLabelsFile(labelsPath);
            }
            var context = new ScanContext(incoming, fileName, limits.maxColumns());
            var summary = scan(format, source, options, context);
            var summaryJson = json.writeValueAsString(summary);
            if (summaryJson.length() > MAX_SUMMARY_CHARS) {
                throw new DatasetFormatException(fileName + ": its description (statistics and categories of every"
                        + " column) takes " + summaryJson.length() + " characters, more than the " + MAX_SUMMARY_CHARS
                        + " that are stored; use fewer columns, or fewer different values in text columns.");
            }
            var key = incoming.getFileName().toString();
            long storedBytes = DatasetStorage.size(incoming);
            var provenance = origin != null
                    ? origin.provenance() + " SHA-256 " + copied.sha256() + "."
                    : "Uploaded by " + createdBy + " on "
                            + DateTimeFormatter.ISO_LOCAL_DATE.format(
                                    clock.instant().atZone(ZoneOffset.UTC)) + " as "
                            + fileName + " (" + copied.size() + " bytes, SHA-256 " + copied.sha256() + ").";
            var dataset = new Dataset(
                    name,
                    modality,
                    summary.task(),
                    owner,
                    createdBy,
                    key,
                    fileName,
                    copied.size(),
                    copied.sha256(),
                    origin != null ? origin.licence() : blankTo(request.licence(), UNSTATED_LICENCE),
                    origin != null ? origin.citation() : blankTo(request.citation(), null),
                    provenance,
                    origin != null && origin.synthetic(),
                    origin != null ? origin.sampleKey() : null,
                    summaryJson,
                    clock.instant());
            if (origin != null && origin.published() != null) {
                dataset.setPublishedResult(json.writeValueAsString(origin.published()));
            }
            dataset.setStoredBytes(storedBytes);
            dataset.setFormatId(format.id());
            var checked = incoming;
            java.util.function.Supplier<Dataset> store = () -> {
                if (quotaHolder != null) {
                    quota.check(quotaHolder, storedBytes);
                }
                commit(checked);
                try {
                    return datasets.save(dataset);
                } catch (RuntimeException e) {
                    storage.delete(key);
                    throw e;
                }
            };
            if (quotaHolder == null) {
                store.get();
            } else {
                quota.exclusively(quotaHolder, store);
            }
            incoming = null;
            audit.record(
                    AuditAction.DATASET_IMPORTED,
                    createdBy,
                    name,
                    modality + ", " + summary.classes().size() + " classes, " + (owner == null ? "shared" : "private"));
            return info(dataset, summary);
        } catch (IOException e) {
            throw new DatasetFormatException(e.getMessage(), e);
        } finally {
            if (incoming != null) {
                DatasetStorage.deleteTree(incoming);
            }
        }
    }

    /**
     * Puts an upload at {@code target}: moved or linked where the upload allows (not held twice on disk), else copied
     * from its stream, cut off past the upload limit or, for a quota holder, past the room they have left.
     */
    private DatasetStorage.Copied receive(Upload upload, Path target, String quotaHolder) throws IOException {
        long maxUpload = limits.maxUploadSize().toBytes();
        if (upload.transfer() != null) {
            upload.transfer().to(target);
            return DatasetStorage.measure(target, maxUpload);
        }
        long room = quotaHolder == null ? Long.MAX_VALUE : quota.remaining(quotaHolder);
        if (room >= maxUpload) {
            return DatasetStorage.copyLimited(upload.content(), target, maxUpload);
        }
        return DatasetStorage.copyLimited(upload.content(), target, room, () -> quota.refusal(quotaHolder));
    }

    private void commit(Path checked) {
        try {
            storage.commit(checked);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not add the checked import to the library", e);
        }
    }

    private static DatasetSummary scan(DatasetFormat format, Path source, ImportOptions options, ScanContext context)
            throws IOException {
        try {
            return format.scan(source, options, context);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw notText(context.fileName(), e);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof java.nio.charset.CharacterCodingException notText) {
                throw notText(context.fileName(), notText);
            }
            throw e.getCause();
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new DatasetFormatException(context.fileName() + ": " + e.getMessage(), e);
        } catch (org.deeprounds.datasets.signal.SignalFormatException e) {
            throw new DatasetFormatException(e.getMessage(), e);
        }
    }

    /** A text format (CSV, FASTA) whose bytes are not UTF-8: Java's own message is only "Input length = 1". */
    private static DatasetFormatException notText(String fileName, java.nio.charset.CharacterCodingException e) {
        return new DatasetFormatException(
                fileName + ": not a text file in UTF-8 (or ASCII). It holds bytes that are not UTF-8 text: it is either"
                        + " a binary file (an image, a spreadsheet, an archive) or text saved in another encoding."
                        + " Save it as \"CSV UTF-8\" and upload it again.",
                e);
    }

    /** The shared library and the current user's own datasets (administrators see all). */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<DatasetInfo> list() {
        var viewer = Viewer.current();
        var visible = viewer.admin() ? datasets.findAllByOrderByName() : datasets.findVisibleTo(viewer.username());
        return visible.stream().map(d -> info(d, summaryOf(d))).toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public DatasetInfo get(long id) {
        var dataset = visible(id);
        return info(dataset, summaryOf(dataset));
    }

    /** The full summary: statistics and previews. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public DatasetSummary summary(long id) {
        return summaryOf(visible(id));
    }

    /**
     * The encoded examples of the training or validation split, one at a time, in file order. The test split is
     * refused here: it is read only by evaluation, after training ({@link #readTestExamples}).
     */
    @PreAuthorize("isAuthenticated()")
    public void readExamples(long id, Split split, Example.Sink sink) {
        if (split == Split.TEST) {
            throw new IllegalArgumentException(
                    "The test split is read only by evaluation, after training; train and choose models on the"
                            + " training and validation splits");
        }
        read(id, java.util.Set.of(split), sink);
    }

    /**
     * The same for a background job acting for {@code owner} (a training run authorised when it was submitted):
     * there is no signed-in user on a worker thread, so visibility is checked for the owner named here.
     */
    public void readExamplesFor(String owner, boolean ownerIsAdmin, long id, Split split, Example.Sink sink) {
        if (split == Split.TEST) {
            throw new IllegalArgumentException("The test split is read only by evaluation, after training");
        }
        var viewer = new Viewer(owner, ownerIsAdmin, ownerIsAdmin);
        var dataset = datasets.findById(id)
                .filter(viewer::maySee)
                .orElseThrow(() -> new NoSuchElementException("No dataset with id " + id));
        readFiles(dataset, java.util.Set.of(split), sink);
    }

    /**
     * Runs {@code work} with read access to dataset {@code id} on this thread, because the caller may see a run trained
     * on it: what is derived from a run (evaluation, model card, explanations) follows the run's access rule, so a
     * trainee's instructor sees it even when the data is the trainee's own. Only {@code RunService.withDataOf} calls
     * this, after its own check of the run (enforced by ArchitectureTest); the dataset itself stays private.
     */
    public <T> T readingForRun(long id, java.util.function.Supplier<T> work) {
        var previous = RUN_GRANT.get();
        RUN_GRANT.set(id);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                RUN_GRANT.remove();
            } else {
                RUN_GRANT.set(previous);
            }
        }
    }

    /** The test split's examples. Only the evaluation feature calls this (enforced by ArchitectureTest). */
    @PreAuthorize("isAuthenticated()")
    public void readTestExamples(long id, Example.Sink sink) {
        read(id, java.util.Set.of(Split.TEST), sink);
    }

    /**
     * For a table with sensitive columns: the group of each test row by {@code column}, in the order of {@link
     * #readTestExamples}. For evaluation's subgroup analysis only.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<String> readTestGroups(long id, String column) {
        var dataset = visible(id);
        try {
            return ExampleReader.groups(
                    storage.folder(dataset.getStorageKey()), summaryOf(dataset), Split.TEST, column);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot read dataset " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * What a table calls each test row (its id column, else its group column), in the order of {@link
     * #readTestExamples}, so case lists can say "P-0042" rather than "test-14"; empty when it names none.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<String> readTestCaseNames(long id) {
        var dataset = visible(id);
        try {
            return ExampleReader.names(storage.folder(dataset.getStorageKey()), summaryOf(dataset), Split.TEST);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot read dataset " + id + ": " + e.getMessage(), e);
        }
    }

    private void read(long id, java.util.Set<Split> splits, Example.Sink sink) {
        readFiles(visible(id), splits, sink);
    }

    private void readFiles(Dataset dataset, java.util.Set<Split> splits, Example.Sink sink) {
        long id = dataset.getId();
        try {
            ExampleReader.read(
                    storage.folder(dataset.getStorageKey()),
                    formatOf(dataset),
                    summaryOf(dataset),
                    splits,
                    limits.maxUncompressedSize().toBytes(),
                    sink);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot read dataset " + id + ": " + e.getMessage(), e);
        }
    }

    /** A preview image of a dataset the user may see. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Path previewFile(long id, String file) {
        var path = storage.previewFile(visible(id).getStorageKey(), file);
        if (path == null) {
            throw new NoSuchElementException("No preview '" + file + "' for dataset " + id);
        }
        return path;
    }

    /** Whether the current user may delete the dataset (owner; instructors and admins for the shared library). */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public boolean canDelete(long id) {
        return Viewer.current().mayDelete(visible(id));
    }

    /**
     * What uses the dataset (runs, lessons), as the signed-in user may see it: the dataset page says it before anyone
     * presses Delete.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public DatasetUses uses(long id) {
        return usesOf(visible(id));
    }

    /**
     * Deletes a dataset nothing uses; refuses one that runs or lessons use with {@link DatasetInUseException}, naming
     * them (runs of users the caller may not see only counted).
     *
     * <p>Refuse rather than archive: a run is the record of a trainee's work and reads its dataset again for its
     * evaluation, model card and explanations, and a lesson opens the sample it names. Archiving would keep every
     * byte on disk while hiding the dataset, so it would free nothing and make the library harder to understand; a
     * refusal that names what depends on the dataset tells the user why it stays.
     *
     * <p>Nothing is half deleted: the row is locked (a run being submitted for it waits, then finds it gone), the
     * check and the row's deletion share one transaction, and the folder is renamed aside and removed only after the
     * commit, or renamed back if the deletion fails.
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void delete(long id) {
        var viewer = Viewer.current();
        var dataset = datasets.findForUpdate(id)
                .filter(viewer::maySee)
                .orElseThrow(() -> new NoSuchElementException("No dataset with id " + id));
        if (!viewer.mayDelete(dataset)) {
            throw new AccessDeniedException(
                    "Only instructors and administrators delete datasets of the shared library");
        }
        var uses = usesOf(dataset);
        if (!uses.isEmpty()) {
            throw new DatasetInUseException(dataset.getName(), uses);
        }
        datasets.delete(dataset);
        datasets.flush();
        var key = dataset.getStorageKey();
        if (storage.setAside(key)) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_COMMITTED) {
                        storage.purge(key);
                    } else {
                        storage.restore(key);
                    }
                }
            });
        }
        audit.record(AuditAction.DATASET_DELETED, viewer.username(), dataset.getName(), null);
    }

    /**
     * Locks the dataset's row until the caller's transaction ends, for storing a new run of it: a delete of the same
     * dataset waits for the run to be stored (and then sees it), or the run waits for the delete and finds no dataset.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    @PreAuthorize("isAuthenticated()")
    public void lockForNewRun(long id) {
        datasets.findForUpdate(id).orElseThrow(() -> new NoSuchElementException("No dataset with id " + id));
    }

    private DatasetUses usesOf(Dataset dataset) {
        var uses = DatasetUses.NONE;
        for (var feature : dependents.orderedStream().toList()) {
            uses = uses.and(feature.of(dataset.getId(), dataset.getSampleKey()));
        }
        return uses;
    }

    /**
     * Changes how a table's columns are used (types as inferred at import can be corrected) and whether training adds
     * a missing-value indicator per column with gaps. Same permission as deleting. A column becomes numeric only if
     * all its values are numbers; the target cannot change.
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public DatasetSummary updateTabularSettings(long id, Map<String, ColumnType> types, boolean missingIndicators) {
        var viewer = Viewer.current();
        var dataset = visible(id);
        if (!viewer.mayDelete(dataset)) {
            throw new AccessDeniedException("Only the owner, instructors and administrators change this dataset");
        }
        var summary = summaryOf(dataset);
        if (summary.tabular() == null) {
            throw new DatasetFormatException("dataset " + id + " is not a table");
        }
        var columns = new java.util.ArrayList<DatasetSummary.ColumnSummary>();
        for (var column : summary.tabular().columns()) {
            var wanted = types.getOrDefault(column.name(), column.type());
            if (wanted != column.type()) {
                if ("FILE".equals(summary.splitPlan().source()) && GivenSplits.isSplitColumn(column.name())) {
                    throw new DatasetFormatException(
                            "column '" + column.name() + "' holds the file's own splits, so it is never an input");
                }
                checkTypeChange(column, wanted);
            }
            columns.add(column.withType(wanted));
        }
        var unknown = types.keySet().stream()
                .filter(name -> summary.tabular().columns().stream()
                        .noneMatch(c -> c.name().equals(name)))
                .toList();
        if (!unknown.isEmpty()) {
            throw new DatasetFormatException("no column(s) " + unknown + " in dataset " + id);
        }
        var updated = summary.withTabular(summary.tabular().withColumns(columns, missingIndicators));
        dataset.setSummaryJson(json.writeValueAsString(updated));
        return updated;
    }

    private static void checkTypeChange(DatasetSummary.ColumnSummary column, ColumnType wanted) {
        if (column.type() == ColumnType.TARGET || wanted == ColumnType.TARGET) {
            throw new DatasetFormatException("column '" + column.name()
                    + "': the target is chosen at import; import the file again to predict another column");
        }
        if (wanted == ColumnType.NUMERIC && column.min() == null) {
            throw new DatasetFormatException(
                    "column '" + column.name() + "': not every value is a number, so it cannot be numeric");
        }
        if ((wanted == ColumnType.CATEGORICAL || wanted == ColumnType.BINARY)
                && column.categories().isEmpty()) {
            throw new DatasetFormatException("column '" + column.name() + "' has more than "
                    + TabularScanner.MAX_CATEGORIES + " different values, so it cannot be one-hot encoded");
        }
        if (wanted == ColumnType.BINARY && column.distinct() != 2) {
            throw new DatasetFormatException(
                    "column '" + column.name() + "' has " + (column.distinct() < 0 ? "many" : column.distinct())
                            + " different values, so it cannot be binary");
        }
    }

    private Dataset visible(long id) {
        var viewer = Viewer.current();
        var granted = RUN_GRANT.get();
        return datasets.findById(id)
                .filter(d -> viewer.maySee(d) || d.getId().equals(granted))
                .orElseThrow(() -> new NoSuchElementException("No dataset with id " + id));
    }

    /** The format the dataset was imported with, by the id stored beside it. */
    private static DatasetFormat formatOf(Dataset dataset) {
        if (dataset.getFormatId() == null) {
            throw new DatasetFormatException(
                    "Dataset " + dataset.getId() + " has no stored format id; it cannot be read");
        }
        return DatasetFormats.byId(dataset.getFormatId());
    }

    private DatasetSummary summaryOf(Dataset dataset) {
        return json.readValue(dataset.getSummaryJson(), DatasetSummary.class);
    }

    private DatasetInfo info(Dataset d, DatasetSummary summary) {
        return new DatasetInfo(
                d.getId(),
                d.getName(),
                d.getModality(),
                d.getTask(),
                summary.classes(),
                summary.positiveClass(),
                summary.splits(),
                d.getLicence(),
                d.getProvenance(),
                d.getCitation(),
                d.isSynthetic(),
                d.getOwnerUsername() == null,
                d.getOwnerUsername(),
                summary.format(),
                d.getFileName(),
                d.getSizeBytes(),
                d.getSha256(),
                splitMethod(summary),
                d.getCreatedAt(),
                d.getPublishedResult() == null ? null : json.readValue(d.getPublishedResult(), PublishedResult.class),
                summary.duplicates(),
                summary.tabular() == null ? Map.of() : summary.tabular().suggestedTypes());
    }

    private static String splitMethod(DatasetSummary summary) {
        var method = summary.splitPlan().describe();
        var duplicates = summary.duplicates();
        if (duplicates != null && duplicates.any() && duplicates.keptTogether()) {
            return method + "; identical " + duplicates.unit() + "s kept in one split";
        }
        return method;
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new DatasetFormatException("name: a dataset needs a name");
        }
        if (name.strip().length() > 200) {
            throw new DatasetFormatException("name: at most 200 characters");
        }
        return name.strip();
    }

    private static String safeFileName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            throw new DatasetFormatException("file: no file name");
        }
        var base = Path.of(fileName.replace('\\', '/')).getFileName().toString();
        return base.length() > 255 ? base.substring(base.length() - 255) : base;
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    /** The signed-in user as far as datasets care. */
    record Viewer(String username, boolean admin, boolean teaches) {

        static Viewer current() {
            var auth = SecurityContextHolder.getContext().getAuthentication();
            var roles =
                    auth.getAuthorities().stream().map(a -> a.getAuthority()).toList();
            boolean admin = roles.contains(AppRoles.authority(AppRoles.ADMIN));
            return new Viewer(auth.getName(), admin, admin || roles.contains(AppRoles.authority(AppRoles.INSTRUCTOR)));
        }

        boolean maySee(Dataset dataset) {
            return admin
                    || dataset.getOwnerUsername() == null
                    || dataset.getOwnerUsername().equals(username);
        }

        boolean mayDelete(Dataset dataset) {
            return admin
                    || username.equals(dataset.getOwnerUsername())
                    || (dataset.getOwnerUsername() == null && teaches);
        }
    }
}
