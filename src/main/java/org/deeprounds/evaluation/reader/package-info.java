/**
 * Reader studies: a trainee reads a run's test cases without the model, then again with its probability, and sees
 * their own sensitivity and specificity against the model's ROC curve, their own ROC from their confidence, and how
 * often the model's advice turned a right call wrong (automation bias) or a wrong one right.
 */
package org.deeprounds.evaluation.reader;
