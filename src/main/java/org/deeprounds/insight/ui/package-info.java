/** The "Inside the network" section of each run's page: a layer diagram and per-layer charts with readings. */
package org.deeprounds.insight.ui;
