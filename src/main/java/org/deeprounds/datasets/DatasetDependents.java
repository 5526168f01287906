package org.deeprounds.datasets;

/**
 * What of a feature built on datasets uses a dataset (training: runs; curriculum: lessons), told to the library so
 * that it can refuse to delete a dataset something still needs, without depending on those features. Implementations
 * are Spring beans, called with the signed-in user inside the delete's transaction.
 */
public interface DatasetDependents {

    /**
     * The uses of dataset {@code id} the signed-in user may see, and a count of those they may not.
     *
     * @param sampleKey the key lessons name a shipped sample by; null for other datasets
     */
    DatasetUses of(long id, String sampleKey);
}
