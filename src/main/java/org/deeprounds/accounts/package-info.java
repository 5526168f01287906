/**
 * People and their access: user accounts with roles, cohorts (trainees with their instructors), passwords and
 * their rules, sign-in with lockout after repeated failures, the first administrator, demo accounts, bulk import
 * of trainees, and the security configuration that puts every view and endpoint behind login.
 */
package org.deeprounds.accounts;
