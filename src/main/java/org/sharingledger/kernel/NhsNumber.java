package org.sharingledger.kernel;

import java.util.Optional;

/**
 * An NHS number: ten digits whose last is a modulus-11 check digit over the first nine (weights 10 down to 2).
 * Spaces (and hyphens) are allowed in input and removed. Never logged and never printed by {@link #toString()}.
 */
public final class NhsNumber {

    private final String digits;

    private NhsNumber(String digits) {
        this.digits = digits;
    }

    /** The number in its normal form, or empty if it is not a valid NHS number. */
    public static Optional<NhsNumber> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String digits = input.replace(" ", "").replace("-", "");
        if (digits.length() != 10 || !digits.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        if (check == 10 || check != digits.charAt(9) - '0') {
            return Optional.empty();
        }
        return Optional.of(new NhsNumber(digits));
    }

    /** The ten digits, for pseudonymising and for sealing under the child's own key only: never in clear at rest. */
    public String digits() {
        return digits;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NhsNumber that && digits.equals(that.digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return "NhsNumber[redacted]";
    }
}
