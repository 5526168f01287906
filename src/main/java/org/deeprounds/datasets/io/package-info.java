/**
 * Safe reading of untrusted archives and arrays: {@code SafeZip} (entries that climb out of the archive, bombs and
 * size lies refused) and {@code NpyArray} (a streaming NumPy {@code .npy} reader). The leaf every format builds on.
 */
package org.deeprounds.datasets.io;
