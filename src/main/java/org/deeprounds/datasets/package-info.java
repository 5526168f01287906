/**
 * The dataset library: import, storage under quotas, the shared samples, who uses a dataset, and the library's API and
 * views. What a dataset is lives in {@code datasets.model}; how files are read, in {@code datasets.formats} (with
 * {@code datasets.io} beneath it, and {@code datasets.signal} for ECG). Imports stream to disk under a size limit, are
 * checked completely before anything is stored, get honest train/validation/test splits (stratified, seeded,
 * patient-grouped), and produce previews a clinician can read. The test split is recorded here and only ever read by
 * evaluation.
 */
package org.deeprounds.datasets;
