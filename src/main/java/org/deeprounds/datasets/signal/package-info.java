/**
 * Physiological signals (ECG first), the code behind the SIGNAL modality: PhysioNet WFDB records (header, {@code .dat}
 * in formats 16 and 212, MIT annotations) read and written, beat windows cut from them, MedMNIST-like {@code .npz}
 * files of fixed-length signals, an R-peak detector, the synthetic beat generators behind the shipped samples, and
 * the real recording shipped for "try a case". Plain Java without Spring, so the import, tests and tools can all use
 * it; every refusal names the file and the place. The import formats that use it are {@code WfdbZipFormat} and
 * {@code SignalNpzFormat} in the parent package, where the sealed format list lives.
 */
package org.deeprounds.datasets.signal;
