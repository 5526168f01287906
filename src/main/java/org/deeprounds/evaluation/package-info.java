/**
 * Clinical evaluation of a finished run on its held-out test split: metrics with confidence intervals at a chosen
 * threshold, ROC and precision-recall curves, calibration and baselines. The only feature allowed to read the test
 * split.
 */
package org.deeprounds.evaluation;
