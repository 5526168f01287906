package org.deeprounds.training;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a run was made with, recorded when it was queued: enough to reproduce it or to tell why it differs. Field
 * names are part of {@code GET /api/v1/runs/{id}} ({@code provenance}).
 *
 * @param backend the ND4J backend and device of the node that queued it (the node that trains it is in {@code node})
 * @param datasetSha256 the dataset's content checksum when the run was queued
 * @param specSha256 the checksum of the design as stored (layers, training settings, seed)
 */
public record RunProvenance(
        String dl4jVersion,
        String backend,
        String java,
        String os,
        String datasetSha256,
        String specSha256,
        long seed) {

    /** Reads the stored record; a field an older run did not record reads as "unknown". */
    static RunProvenance read(JsonMapper json, String stored) {
        JsonNode node = json.readTree(stored);
        return new RunProvenance(
                text(node, "dl4jVersion"),
                text(node, "backend"),
                text(node, "java"),
                text(node, "os"),
                text(node, "datasetSha256"),
                text(node, "specSha256"),
                node.path("seed").asLong(0));
    }

    private static String text(JsonNode node, String field) {
        var value = node.path(field);
        return value.isMissingNode() || value.isNull() ? "unknown" : value.asString();
    }

    /** One sentence for the run page and the model card; checksums shortened to 12 characters, as git does. */
    public String describe() {
        return "Deeplearning4j " + dl4jVersion + " on " + backend + ", Java " + java + ", " + os + "; design "
                + shortSum(specSha256) + ", data " + shortSum(datasetSha256) + ", seed " + seed + ".";
    }

    private static String shortSum(String sha256) {
        return sha256.length() > 12 ? "sha256 " + sha256.substring(0, 12) : sha256;
    }
}
