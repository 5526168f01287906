/**
 * Training on Deeplearning4j/ND4J. For now: which compute backend ND4J runs on (CPU or CUDA GPU), its devices and
 * threads, loaded lazily because the first use extracts several hundred MB of native libraries.
 */
package org.deeprounds.training;
