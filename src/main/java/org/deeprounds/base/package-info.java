/** Cross-cutting code every feature may use: configuration, roles, the app shell and API error handling. */
package org.deeprounds.base;
