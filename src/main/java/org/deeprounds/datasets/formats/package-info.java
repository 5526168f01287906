/** Low-level, defensive readers for the file formats datasets arrive in: NumPy {@code .npy}/{@code .npz} and zip. */
package org.deeprounds.datasets.formats;
