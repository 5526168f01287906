/**
 * The datasets shipped with DeepRounds and loaded into the shared library at first start: a real EHR table
 * (Wisconsin Diagnostic Breast Cancer, CC BY 4.0) and deterministic generators for clearly labelled SYNTHETIC
 * imaging and genomic sets.
 */
package org.deeprounds.datasets.samples;
