/** Views of training: the model builder (design, then train), the runs list and each run's live progress. */
package org.deeprounds.training.ui;
