/** The datasets part of the JSON API: {@code /api/v1/datasets}. */
package org.deeprounds.datasets.api;
