/** The training part of the JSON API: {@code /api/v1/runs}. */
package org.deeprounds.training.api;
