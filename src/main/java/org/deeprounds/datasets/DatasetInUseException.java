package org.deeprounds.datasets;

/**
 * A dataset was not deleted because runs or lessons use it (the API answers 409 with the list). Nothing was changed:
 * not the row, not a file.
 */
public class DatasetInUseException extends RuntimeException {

    private final transient DatasetUses uses;

    DatasetInUseException(String datasetName, DatasetUses uses) {
        super(messageFor(datasetName, uses));
        this.uses = uses;
    }

    public DatasetUses uses() {
        return uses;
    }

    /** The refusal in words, the same for the API and the dataset page. */
    public static String messageFor(String datasetName, DatasetUses uses) {
        return "\"" + datasetName + "\" is in use and was not deleted: " + uses.describe() + " use"
                + (uses.shown().size() + uses.notShown() == 1 ? "s" : "") + " it."
                + " Runs read their dataset again for their evaluation, model card and explanations, and lessons open"
                + " the datasets they name, so a dataset stays in the library while anything uses it.";
    }
}
