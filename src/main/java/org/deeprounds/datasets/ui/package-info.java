/** The dataset library views: the list, the import dialog, and each dataset's clinician-readable preview. */
package org.deeprounds.datasets.ui;
