/**
 * What a dataset is, as every feature sees it: its kind ({@link org.deeprounds.datasets.model.Modality} stored, {@link
 * org.deeprounds.datasets.model.ModalityData} sealed, one type per kind of input), the summary an import stores, its
 * splits and how they are made, encoded examples, and the options an import takes. Depends on nothing else in
 * DeepRounds, so the formats below it and the features above it can all use it without a cycle.
 */
package org.deeprounds.datasets.model;
