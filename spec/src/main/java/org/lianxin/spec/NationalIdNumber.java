package org.lianxin.spec;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An 18-character citizen ID number (公民身份号码) as defined by GB 11643-1999: a 6-digit
 * administrative region code, an 8-digit birth date (yyyyMMdd), a 3-digit sequence code whose
 * last digit is odd for men and even for women, and an ISO 7064 MOD 11-2 check character.
 *
 * <p>An instance is always valid and normalised (check character {@code X} in upper case).
 * The number is sensitive personal data (BRIEF: "Sensitive personal data"): {@link #toString()}
 * returns the {@linkplain #masked() masked form} and no {@link Invalid} message ever contains the
 * number, so neither can leak into a log or an error response by accident. Use {@link #value()}
 * only where the full number is meant to be stored or returned to an authorized caller.
 *
 * <p>Lower-case {@code x} as check character is accepted by {@link #parse(String)} and normalised
 * to {@code X}: people type it that way and the number is the same number. The record stored in
 * RDF always carries the upper-case form, which is the only one the shapes' pattern allows.
 *
 * <p>Validation order: format, then check digit, then the meaning of the parts (region code,
 * birth date). Checking the check digit before the date means any single mistyped digit is
 * reported as {@code checkDigit} (MOD 11-2 detects every single-digit substitution), which is
 * the most useful message for a typo.
 */
public record NationalIdNumber(String value) {

    /** The format, the same pattern as the shape lxsh:Member-nationalId. */
    public static final Pattern FORMAT = Pattern.compile(
            "^[1-9][0-9]{5}(18|19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9X]$");

    /** Weights of the first 17 digits, 2^(17-i) mod 11 (GB 11643-1999, ISO 7064 MOD 11-2). */
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    /** Check character for each remainder 0..10 of the weighted sum mod 11. */
    private static final String CHECK_CHARS = "10X98765432";

    /** Validates and normalises; prefer {@link #parse(String)}. */
    public NationalIdNumber {
        value = validate(value);
    }

    /**
     * Parses a citizen ID number.
     *
     * @throws Invalid with the rule broken
     */
    public static NationalIdNumber parse(String text) {
        return new NationalIdNumber(text);
    }

    /** The birth date encoded in characters 7–14. */
    public LocalDate birthDate() {
        return birthDateOf(value);
    }

    /** True if the 17th character (last digit of the sequence code, 顺序码) is odd: GB 11643-1999. */
    public boolean male() {
        return (value.charAt(16) - '0') % 2 == 1;
    }

    /** The 6-digit administrative region code (GB/T 2260) of the place of first registration. */
    public String regionCode() {
        return value.substring(0, 6);
    }

    /** The first 6 and the last 4 characters with 8 stars between, e.g. {@code 110105********002X}. */
    public String masked() {
        return value.substring(0, 6) + "********" + value.substring(14);
    }

    /** The masked form; never the number itself. */
    @Override
    public String toString() {
        return masked();
    }

    /**
     * The ISO 7064 MOD 11-2 check character for the first 17 digits of a number.
     *
     * @throws IllegalArgumentException if {@code first17} is not exactly 17 ASCII digits
     */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != 17 || !allDigits(first17, 17)) {
            throw new IllegalArgumentException("expected exactly 17 digits");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS.charAt(sum % 11);
    }

    /**
     * Builds a valid number for test and demo data. The sequence code's last digit is moved by
     * one, if needed, so that its parity matches {@code male} (odd for men, even for women).
     *
     * @param regionCode6 six digits, not starting with 0
     * @param birth       a date in the years 1800–2099
     * @param sequence3   1..999
     */
    public static NationalIdNumber generate(String regionCode6, LocalDate birth, int sequence3, boolean male) {
        if (regionCode6 == null || regionCode6.length() != 6 || !allDigits(regionCode6, 6) || regionCode6.charAt(0) == '0') {
            throw new IllegalArgumentException("region code must be 6 digits not starting with 0");
        }
        if (birth.getYear() < 1800 || birth.getYear() > 2099) {
            throw new IllegalArgumentException("birth year must be within 1800–2099");
        }
        if (sequence3 < 1 || sequence3 > 999) {
            throw new IllegalArgumentException("sequence must be within 1..999");
        }
        int sequence = sequence3;
        if ((sequence % 2 == 1) != male) {
            sequence = sequence < 999 ? sequence + 1 : sequence - 1;
        }
        // yyyyMMdd (years are 4 digits here) and the zero-padded sequence; no String.format, this runs per demo member.
        String first17 = regionCode6 + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.valueOf(1000 + sequence).substring(1);
        return new NationalIdNumber(first17 + checkCharacter(first17));
    }

    /** True if {@code id} has the right format and check character. */
    public static boolean isValid(String id) {
        return id != null && FORMAT.matcher(id).matches() && checkCharacter(id.substring(0, 17)) == id.charAt(17);
    }

    /** The birth date in characters 7 to 14 of {@code id}; DateTimeException if it is not a real date. */
    public static LocalDate birthDate(String id) {
        return birthDateOf(id);
    }

    private static String validate(String text) {
        if (text == null || text.isEmpty()) {
            throw new Invalid("national-id-format", "A national ID number is required.");
        }
        if (text.length() != 18) {
            throw new Invalid("national-id-format", "A national ID number has exactly 18 characters; this one has " + text.length() + ".");
        }
        String normalised = text.charAt(17) == 'x' ? text.substring(0, 17) + 'X' : text;
        char last = normalised.charAt(17);
        if (!allDigits(normalised, 17) || !(isDigit(last) || last == 'X')) {
            throw new Invalid("national-id-format", "A national ID number is 17 digits followed by a digit or X.");
        }
        if (checkCharacter(normalised.substring(0, 17)) != last) {
            throw new Invalid("national-id-check-digit", "The check character of the national ID number does not match"
                    + " its first 17 digits (ISO 7064 MOD 11-2); a digit is probably mistyped.");
        }
        if (normalised.charAt(0) == '0') {
            throw new Invalid("national-id-format", "The region code of a national ID number does not start with 0.");
        }
        int year = Integer.parseInt(normalised.substring(6, 10));
        if (year < 1800 || year > 2099) {
            throw new Invalid("national-id-birth-date", "The birth year in a national ID number must be within 1800–2099.");
        }
        try {
            birthDateOf(normalised);
        } catch (DateTimeException e) {
            throw new Invalid("national-id-birth-date", "Characters 7–14 of the national ID number are not a calendar date.");
        }
        return normalised;
    }

    private static LocalDate birthDateOf(String number) {
        return LocalDate.of(Integer.parseInt(number.substring(6, 10)),
                Integer.parseInt(number.substring(10, 12)),
                Integer.parseInt(number.substring(12, 14)));
    }

    private static boolean allDigits(String s, int count) {
        for (int i = 0; i < count; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * A string that is not a valid citizen ID number. {@link #rule()} names the rule broken
     * ({@code national-id-format}, {@code national-id-check-digit}, {@code national-id-birth-date}) for a problem+json {@code errors[].rule};
     * the message is English and never contains the number.
     */
    public static final class Invalid extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String rule;

        Invalid(String rule, String message) {
            super(message);
            this.rule = Objects.requireNonNull(rule);
        }

        /** The spec's name of the rule broken (05-members): national-id-format, -check-digit or -birth-date. */
        public String rule() {
            return rule;
        }
    }
}
