/**
 * Network designs as plain data: a {@link org.deeprounds.models.NetworkSpec} (input shape, ordered layers, optimiser,
 * learning rate, regularisation, batch size, epochs, seed) stored as JSON, the templates lessons start from, the one
 * factory that turns a spec into a Deeplearning4j configuration, and validation that explains problems in words a
 * trainee understands, naming the layer.
 */
package org.deeprounds.models;
