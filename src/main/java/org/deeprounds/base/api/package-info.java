/** JSON error handling shared by every {@code /api/v1} controller. */
package org.deeprounds.base.api;
