/** The model builder: design a network for a dataset with a live summary and plain-language checks. */
package org.deeprounds.models.ui;
