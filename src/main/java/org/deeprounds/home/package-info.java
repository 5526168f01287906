/** The home page each role lands on after signing in. */
package org.deeprounds.home;
