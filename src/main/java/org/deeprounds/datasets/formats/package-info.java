/**
 * The formats DeepRounds imports, each one class implementing the sealed {@code DatasetFormat} and listed once in
 * {@code DatasetFormats}: MedMNIST {@code .npz} and zips of image folders, FASTA and sequence CSV, CSV tables, PhysioNet
 * WFDB zips and signal {@code .npz}. Here too what they share: the scan context that writes splits and previews, the
 * scanners, the reading back of stored examples, duplicates and given splits, and the encoding of a user's own case.
 */
package org.deeprounds.datasets.formats;
