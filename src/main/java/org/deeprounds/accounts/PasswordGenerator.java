package org.deeprounds.accounts;

import java.security.SecureRandom;

/** Strong temporary passwords for new, reset and imported accounts. */
final class PasswordGenerator {

    /** No look-alikes (0/O, 1/l/I) since these are read aloud or copied from a screen. */
    private static final String LETTERS = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";

    private static final String DIGITS = "23456789";
    private static final int LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordGenerator() {}

    /** 16 characters, letters and digits, at least two digits: about 90 bits of entropy. */
    static String generate() {
        var all = LETTERS + DIGITS;
        var chars = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            chars[i] = all.charAt(RANDOM.nextInt(all.length()));
        }
        chars[RANDOM.nextInt(LENGTH / 2)] = DIGITS.charAt(RANDOM.nextInt(DIGITS.length()));
        chars[LENGTH / 2 + RANDOM.nextInt(LENGTH / 2)] = DIGITS.charAt(RANDOM.nextInt(DIGITS.length()));
        return new String(chars);
    }
}
