/**
 * Readers for physiological signals (ECG first): PhysioNet WFDB records (header, {@code .dat} in formats 16 and 212,
 * MIT annotations), beat windows cut from them, and MedMNIST-like {@code .npz} files of fixed-length signals. Plain
 * Java without Spring, so the import, tests and tools can all use them; every refusal names the file and the place.
 */
package org.deeprounds.datasets.signal;
