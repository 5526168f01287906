/**
 * Inside the network: DL4J layer statistics recorded for every run, DL4J's own training UI kept on the loopback
 * interface and reached only through the app's login and run access rules, and our per-layer views for clinicians.
 */
package org.deeprounds.insight;
