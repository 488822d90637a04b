package org.sharingledger.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every child's identifier the test support makes up (NHS numbers, local references, names, dates of birth), so the
 * suite can check that none of them ever reaches a log line ({@link LogLeakGuard}) or a table. Also recognises any
 * number that reads as a valid NHS number (ten digits, or 3-3-4 with spaces or hyphens, passing the modulus-11
 * check), registered or not.
 */
public final class Identifiers {

    private static final Set<String> REGISTERED = ConcurrentHashMap.newKeySet();
    private static final Pattern NHS_LIKE =
            Pattern.compile("(?<![0-9A-Za-z])(\\d{3})([ -]?)(\\d{3})\\2(\\d{4})(?![0-9A-Za-z])");

    private Identifiers() {}

    /** An NHS number, registered in every form it may be written in: plain, with spaces, with hyphens. */
    public static String nhsNumber(String digits) {
        String plain = digits.replace(" ", "").replace("-", "");
        register(plain);
        register(plain.substring(0, 3) + " " + plain.substring(3, 6) + " " + plain.substring(6));
        register(plain.substring(0, 3) + "-" + plain.substring(3, 6) + "-" + plain.substring(6));
        return digits;
    }

    /** A date of birth, registered as the API writes it (YYYY-MM-DD). */
    public static LocalDate dateOfBirth(LocalDate date) {
        register(date.toString());
        return date;
    }

    /** A local reference, a name or any other identifier, registered as written (trimmed). */
    public static String register(String identifier) {
        if (identifier != null && !identifier.isBlank()) {
            REGISTERED.add(identifier.strip());
        }
        return identifier;
    }

    public static Set<String> registered() {
        return Set.copyOf(REGISTERED);
    }

    /** What in the text is a child's identifier: each registered one it contains, and each NHS-like number. */
    public static List<String> foundIn(String text) {
        List<String> found = new ArrayList<>();
        for (String identifier : REGISTERED) {
            if (text.contains(identifier)) {
                found.add(identifier);
            }
        }
        Matcher matcher = NHS_LIKE.matcher(text);
        while (matcher.find()) {
            String digits = matcher.group(1) + matcher.group(3) + matcher.group(4);
            if (passesNhsCheck(digits) && !found.contains(matcher.group())) {
                found.add(matcher.group());
            }
        }
        return found;
    }

    /** The text with every identifier in it masked, fit for a failure message. */
    public static String masked(String text) {
        String masked = text;
        for (String identifier : foundIn(text)) {
            masked = masked.replace(identifier, "[identifier]");
        }
        return masked;
    }

    /** Modulus 11 over the first nine digits (weights 10 down to 2); a check digit of 10 is never valid. */
    static boolean passesNhsCheck(String tenDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (tenDigits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == tenDigits.charAt(9) - '0';
    }
}
