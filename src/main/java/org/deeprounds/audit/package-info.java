/**
 * The audit log: security-relevant events (logins, failed logins, lockouts, role changes, imports) stored in the
 * database and shown to administrators.
 */
package org.deeprounds.audit;
