package org.lianxin.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GB 11643-1999 citizen ID numbers: structure, ISO 7064 MOD 11-2 check digit, masking. */
class NationalIdNumberTest {

    /** The example in GB 11643-1999: Beijing Chaoyang, born 1949-12-31, sequence 002 (female), check X. */
    private static final String GB_EXAMPLE = "11010519491231002X";
    /** The second example in GB 11643-1999: born 1880-01-01, sequence 001 (male), check 4. */
    private static final String GB_EXAMPLE_2 = "440524188001010014";

    @Test
    void standardExamplesAreValid() {
        NationalIdNumber a = NationalIdNumber.parse(GB_EXAMPLE);
        assertEquals(LocalDate.of(1949, 12, 31), a.birthDate());
        assertFalse(a.male());
        assertEquals("110105", a.regionCode());
        assertEquals(GB_EXAMPLE, a.value());

        NationalIdNumber b = NationalIdNumber.parse(GB_EXAMPLE_2);
        assertEquals(LocalDate.of(1880, 1, 1), b.birthDate());
        assertTrue(b.male());
    }

    @Test
    void checkDigitCoversAllElevenRemainders() {
        // Weighted sums computed by hand: 167 mod 11 = 2 -> X; 195 mod 11 = 8 -> 4.
        assertEquals('X', NationalIdNumber.checkCharacter("11010519491231002"));
        assertEquals('4', NationalIdNumber.checkCharacter("44052418800101001"));
        // Varying the last digit (weight 2) walks through every remainder, so every check character appears.
        StringBuilder seen = new StringBuilder();
        for (int d = 0; d <= 9; d++) {
            seen.append(NationalIdNumber.checkCharacter("1101051949123100" + d));
        }
        for (int d = 0; d <= 9; d++) {
            seen.append(NationalIdNumber.checkCharacter("1101051949123101" + d));
        }
        for (char c : "0123456789X".toCharArray()) {
            assertTrue(seen.indexOf(String.valueOf(c)) >= 0, "check character " + c + " reachable");
        }
    }

    @Test
    void checkDigitRejectsMalformedInput() {
        assertThrows(IllegalArgumentException.class, () -> NationalIdNumber.checkCharacter("1101051949123100"));
        assertThrows(IllegalArgumentException.class, () -> NationalIdNumber.checkCharacter("1101051949123100A"));
        assertThrows(IllegalArgumentException.class, () -> NationalIdNumber.checkCharacter(null));
    }

    @Test
    void everySingleCharacterChangeIsRejectedByTheCheckDigit() {
        for (String valid : new String[] {GB_EXAMPLE, GB_EXAMPLE_2, generated(true), generated(false)}) {
            for (int pos = 0; pos < 18; pos++) {
                String alphabet = pos == 17 ? "0123456789X" : "0123456789";
                for (char c : alphabet.toCharArray()) {
                    if (c == valid.charAt(pos)) {
                        continue;
                    }
                    String changed = valid.substring(0, pos) + c + valid.substring(pos + 1);
                    NationalIdNumber.Invalid e = assertThrows(NationalIdNumber.Invalid.class,
                            () -> NationalIdNumber.parse(changed), "position " + pos);
                    assertEquals("national-id-check-digit", e.rule(), "position " + pos);
                }
            }
        }
    }

    /**
     * Decision: lower-case x is accepted and normalised to X (people type it; it is the same
     * number); what is stored and returned is always upper case.
     */
    @Test
    void lowerCaseXIsNormalisedToUpperCase() {
        NationalIdNumber id = NationalIdNumber.parse("11010519491231002x");
        assertEquals(GB_EXAMPLE, id.value());
        assertEquals(NationalIdNumber.parse(GB_EXAMPLE), id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "11010519491231002", "11010519491231002XX", "1101051949123100 X",
            "A1010519491231002X", "110105194912310X2X", "11010519491231002Y", "１１０１０５１９４９１２３１００２X"})
    void malformedStringsBreakTheFormatRule(String text) {
        assertEquals("national-id-format", assertThrows(NationalIdNumber.Invalid.class, () -> NationalIdNumber.parse(text)).rule());
    }

    @Test
    void nullBreaksTheFormatRule() {
        assertEquals("national-id-format", assertThrows(NationalIdNumber.Invalid.class, () -> NationalIdNumber.parse(null)).rule());
    }

    @Test
    void regionCodeMustNotStartWithZero() {
        assertEquals("national-id-format", rejection(withCheckDigit("01010519491231002")));
    }

    @Test
    void leapDayIsValidOnlyInLeapYears() {
        // 2000 is a leap year (divisible by 400); 1900 is not (divisible by 100); 2024 is; 2023 is not.
        assertEquals(LocalDate.of(2000, 2, 29), NationalIdNumber.parse(withCheckDigit("11010520000229001")).birthDate());
        assertEquals(LocalDate.of(2024, 2, 29), NationalIdNumber.parse(withCheckDigit("11010520240229001")).birthDate());
        assertEquals("national-id-birth-date", rejection(withCheckDigit("11010519000229001")));
        assertEquals("national-id-birth-date", rejection(withCheckDigit("11010520230229001")));
        // The days next to the leap day are fine either way.
        NationalIdNumber.parse(withCheckDigit("11010519000228001"));
        NationalIdNumber.parse(withCheckDigit("11010519000301001"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"19491301", "19491200", "19491232", "19490431", "19490001", "17991231", "21000101"})
    void impossibleBirthDatesBreakTheBirthDateRule(String yyyyMMdd) {
        assertEquals("national-id-birth-date", rejection(withCheckDigit("110105" + yyyyMMdd + "002")));
    }

    @Test
    void seventeenthDigitParityGivesGender() {
        for (int seq = 1; seq <= 20; seq++) {
            String id = withCheckDigit("11010519491231" + String.format("%03d", seq));
            assertEquals(seq % 2 == 1, NationalIdNumber.parse(id).male(), "sequence " + seq);
        }
    }

    @Test
    void generateMatchesBirthDateAndGender() {
        LocalDate birth = LocalDate.of(1996, 2, 29);
        for (int seq : new int[] {1, 2, 500, 998, 999}) {
            for (boolean male : new boolean[] {true, false}) {
                NationalIdNumber id = NationalIdNumber.generate("380102", birth, seq, male);
                assertEquals(birth, id.birthDate());
                assertEquals(male, id.male());
                assertEquals("380102", id.regionCode());
                int actual = Integer.parseInt(id.value().substring(14, 17));
                assertTrue(actual >= 1 && actual <= 999 && Math.abs(actual - seq) <= 1, "sequence " + actual);
                assertEquals(id, NationalIdNumber.parse(id.value()));
            }
        }
    }

    @Test
    void generateRejectsBadArguments() {
        LocalDate birth = LocalDate.of(1990, 1, 1);
        assertThrows(IllegalArgumentException.class, () -> NationalIdNumber.generate("012345", birth, 1, true));
        assertThrows(IllegalArgumentException.class, () -> NationalIdNumber.generate("38010", birth, 1, true));
        assertThrows(IllegalArgumentException.class, () -> NationalIdNumber.generate("380102", birth, 0, true));
        assertThrows(IllegalArgumentException.class, () -> NationalIdNumber.generate("380102", birth, 1000, true));
        assertThrows(IllegalArgumentException.class,
                () -> NationalIdNumber.generate("380102", LocalDate.of(2100, 1, 1), 1, true));
    }

    @Test
    void maskedShowsRegionAndLastFourOnly() {
        assertEquals("110105********002X", NationalIdNumber.parse(GB_EXAMPLE).masked());
        assertEquals("440524********0014", NationalIdNumber.parse(GB_EXAMPLE_2).masked());
    }

    @Test
    void toStringNeverRevealsTheNumber() {
        for (String valid : new String[] {GB_EXAMPLE, GB_EXAMPLE_2, generated(true)}) {
            NationalIdNumber id = NationalIdNumber.parse(valid);
            assertEquals(id.masked(), id.toString());
            assertFalse(id.toString().contains(valid.substring(6, 14)), "birth date digits hidden");
        }
    }

    @Test
    void errorMessagesNeverContainTheNumber() {
        String badCheck = GB_EXAMPLE.substring(0, 17) + "1";
        String badDate = withCheckDigit("11010519000229001");
        String badFormat = "11010519491231002Y";
        for (String text : new String[] {badCheck, badDate, badFormat}) {
            NationalIdNumber.Invalid e = assertThrows(NationalIdNumber.Invalid.class, () -> NationalIdNumber.parse(text));
            assertFalse(e.getMessage().contains(text), e.rule());
            assertFalse(e.getMessage().contains(text.substring(6, 14)), e.rule() + ": no birth date digits");
            assertFalse(e.getMessage().contains(text.substring(0, 6)), e.rule() + ": no region code");
        }
    }

    private static String generated(boolean male) {
        return NationalIdNumber.generate("380221", LocalDate.of(1971, 7, 1), 37, male).value();
    }

    private static String withCheckDigit(String first17) {
        return first17 + NationalIdNumber.checkCharacter(first17);
    }

    private static String rejection(String text) {
        return assertThrows(NationalIdNumber.Invalid.class, () -> NationalIdNumber.parse(text)).rule();
    }

    @Test
    void validatesFormatAndCheckCharacter() {
        assertTrue(NationalIdNumber.isValid("11010519491231002X"));
        assertFalse(NationalIdNumber.isValid("11010519491231002x"));
        assertFalse(NationalIdNumber.isValid("110105194912310021"));
        assertFalse(NationalIdNumber.isValid("11010519491231002"));
        assertFalse(NationalIdNumber.isValid("01010519491231002X"));
        assertFalse(NationalIdNumber.isValid(null));
    }

    @Test
    void birthDateIsDigitsSevenToFourteen() {
        assertEquals(LocalDate.of(1949, 12, 31), NationalIdNumber.birthDate("11010519491231002X"));
        assertThrows(DateTimeException.class, () -> NationalIdNumber.birthDate("110105200102290000"));
    }
}
