/**
 * DeepRounds. Feature packages ({@code accounts}, {@code audit}, {@code home}, {@code system}, {@code training})
 * each hold their domain code and a {@code ui} sub-package; {@code base} holds what every feature shares.
 */
package org.deeprounds;
