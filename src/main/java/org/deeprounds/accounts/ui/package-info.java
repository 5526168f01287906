/** Views for signing in, one's own account, and the administrators' account, cohort and import screens. */
package org.deeprounds.accounts.ui;
