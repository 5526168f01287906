/** The accounts part of the JSON API under {@code /api/v1}. */
package org.deeprounds.accounts.api;
