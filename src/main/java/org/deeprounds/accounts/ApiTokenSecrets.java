package org.deeprounds.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The shape of a personal API token, {@code drt_<lookup id>_<secret>}, and how its secret is stored.
 *
 * <p>The secret is 256 random bits; the database keeps only its SHA-256. Passwords are hashed with bcrypt because
 * people choose guessable ones, and a slow hash makes each guess against a stolen hash expensive. A 256-bit random
 * secret cannot be guessed at any hash speed (2^256 tries), so a slow hash would add nothing but its cost, paid on
 * every API call (bcrypt made HTTP Basic about 15 times slower than a session). The lookup id, random too, finds the
 * row with one indexed query; the secret's hash is then compared in constant time.
 */
final class ApiTokenSecrets {

    static final String PREFIX = "drt_";

    /** Lower-case letters and digits: about 62 bits; finds the row and is shown in the token list. */
    static final int LOOKUP_ID_LENGTH = 12;

    private static final int SECRET_BYTES = 32;
    private static final String LOOKUP_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    /** A presented token split into its lookup id and secret. */
    record Parts(String lookupId, String secret) {}

    private ApiTokenSecrets() {}

    static String newLookupId() {
        var chars = new char[LOOKUP_ID_LENGTH];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = LOOKUP_ALPHABET.charAt(RANDOM.nextInt(LOOKUP_ALPHABET.length()));
        }
        return new String(chars);
    }

    /** 256 random bits, URL-safe Base64 (43 characters). */
    static String newSecret() {
        var bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return URL_SAFE.encodeToString(bytes);
    }

    static String token(String lookupId, String secret) {
        return PREFIX + lookupId + "_" + secret;
    }

    /** True for an {@code Authorization} header that carries a DeepRounds API token (any other Bearer value is not). */
    static boolean isTokenHeader(String authorization) {
        return authorization != null
                && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && authorization.substring(7).strip().startsWith(PREFIX);
    }

    /** The token of a {@link #isTokenHeader token header}. */
    static String fromHeader(String authorization) {
        return authorization.substring(7).strip();
    }

    /** Splits a token; empty when it does not have the shape of one. */
    static Optional<Parts> parse(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int end = PREFIX.length() + LOOKUP_ID_LENGTH;
        if (token.length() <= end + 1 || token.charAt(end) != '_') {
            return Optional.empty();
        }
        var lookupId = token.substring(PREFIX.length(), end);
        if (!lookupId.chars().allMatch(c -> LOOKUP_ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(new Parts(lookupId, token.substring(end + 1)));
    }

    /** SHA-256 of the secret, as 64 hexadecimal digits. */
    static String hash(String secret) {
        return HexFormat.of().formatHex(sha256(secret));
    }

    /** Compares in constant time, so the answer time says nothing about how much of the secret was right. */
    static boolean matches(String secret, String storedHash) {
        return MessageDigest.isEqual(sha256(secret), HexFormat.of().parseHex(storedHash));
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
