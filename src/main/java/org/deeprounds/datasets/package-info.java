/**
 * Medical datasets in their real formats: imaging (MedMNIST {@code .npz}, zip of class folders), genomics (FASTA,
 * sequence CSV) and EHR tables (CSV). Imports stream to disk under a size limit, are checked completely before
 * anything is stored, get honest train/validation/test splits (stratified, seeded, patient-grouped), and produce
 * previews a clinician can read. The test split is recorded here and only ever read by evaluation.
 */
package org.deeprounds.datasets;
