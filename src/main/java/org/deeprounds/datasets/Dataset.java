package org.deeprounds.datasets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.deeprounds.datasets.model.Modality;
import org.deeprounds.datasets.model.Task;

/** A dataset in the library: who may see it, where its files are, where it came from, and its summary (JSON). */
@Entity
@Table(name = "dataset")
class Dataset {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Modality modality;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Task task;

    /** The trainee who owns a private dataset; null for the shared library. */
    @Column(name = "owner_username", length = 100)
    private String ownerUsername;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    /** Folder name under {@code <data-dir>/datasets}. */
    @Column(name = "storage_key", nullable = false, length = 36)
    private String storageKey;

    @Column(name = "file_name", nullable = false, length = 255)
    private String fileName;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(nullable = false, length = 64)
    private String sha256;

    /** Bytes of the dataset's folder (upload, labels, splits, previews): what counts against its importer's quota. */
    @Column(name = "stored_bytes", nullable = false)
    private long storedBytes;

    @Column(nullable = false, length = 500)
    private String licence;

    @Column(length = 2000)
    private String citation;

    /** A {@link PublishedResult} as JSON; null where none is known. */
    @Column(name = "published_result", length = 2000)
    private String publishedResult;

    @Column(nullable = false, length = 2000)
    private String provenance;

    @Column(nullable = false)
    private boolean synthetic;

    /** Set for the samples shipped with DeepRounds, so they are loaded once. */
    @Column(name = "sample_key", length = 100)
    private String sampleKey;

    @Column(name = "summary_json", nullable = false, length = 1_000_000)
    private String summaryJson;

    /** The format that reads the stored files back ({@link DatasetFormats}). */
    @Column(name = "format_id", length = 40)
    private String formatId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Dataset() {}

    Dataset(
            String name,
            Modality modality,
            Task task,
            String ownerUsername,
            String createdBy,
            String storageKey,
            String fileName,
            long sizeBytes,
            String sha256,
            String licence,
            String citation,
            String provenance,
            boolean synthetic,
            String sampleKey,
            String summaryJson,
            Instant createdAt) {
        this.name = name;
        this.modality = modality;
        this.task = task;
        this.ownerUsername = ownerUsername;
        this.createdBy = createdBy;
        this.storageKey = storageKey;
        this.fileName = fileName;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.licence = licence;
        this.citation = citation;
        this.provenance = provenance;
        this.synthetic = synthetic;
        this.sampleKey = sampleKey;
        this.summaryJson = summaryJson;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    Modality getModality() {
        return modality;
    }

    Task getTask() {
        return task;
    }

    long getStoredBytes() {
        return storedBytes;
    }

    void setStoredBytes(long storedBytes) {
        this.storedBytes = storedBytes;
    }

    String getOwnerUsername() {
        return ownerUsername;
    }

    String getCreatedBy() {
        return createdBy;
    }

    String getStorageKey() {
        return storageKey;
    }

    String getFileName() {
        return fileName;
    }

    long getSizeBytes() {
        return sizeBytes;
    }

    String getSha256() {
        return sha256;
    }

    String getLicence() {
        return licence;
    }

    String getCitation() {
        return citation;
    }

    String getPublishedResult() {
        return publishedResult;
    }

    void setPublishedResult(String json) {
        this.publishedResult = json;
    }

    String getProvenance() {
        return provenance;
    }

    boolean isSynthetic() {
        return synthetic;
    }

    String getSampleKey() {
        return sampleKey;
    }

    String getSummaryJson() {
        return summaryJson;
    }

    String getFormatId() {
        return formatId;
    }

    void setFormatId(String formatId) {
        this.formatId = formatId;
    }

    void setSummaryJson(String summaryJson) {
        this.summaryJson = summaryJson;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
