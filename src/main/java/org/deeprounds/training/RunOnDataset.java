package org.deeprounds.training;

/** What a refused dataset delete says about a run that uses the dataset. */
record RunOnDataset(Long id, String owner, String template, RunStatus status) {}
