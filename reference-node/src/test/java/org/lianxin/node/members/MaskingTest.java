package org.lianxin.node.members;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The masking rules of the spec's Table 8.9, value by value. */
class MaskingTest {

    @ParameterizedTest(name = "{0} → {1}")
    @DisplayName("LX-SEC-33 telephone numbers: mobiles keep 3 + 4 digits, landlines their area code and 2 digits")
    @CsvSource({
            "13812345678, 138****5678",
            "010-87654378, 010-****78",
            "02112345678, 021****78",
            "0571-8765432, 0571-****32",
            "05718765421, 0571****21"})
    void telephones(String phone, String masked) {
        assertEquals(masked, Masking.telephone(phone));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @DisplayName("LX-SEC-33 ID numbers keep their first 6 and last 4 characters; addresses their first 6 characters")
    @CsvSource({
            "11010519491231002X, 110105********002X",
            "390102197506098533, 390102********8533"})
    void nationalIds(String id, String masked) {
        assertEquals(masked, Masking.nationalId(id));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @DisplayName("LX-SEC-33 addresses keep their first 6 characters (code points), or only the ellipsis")
    @CsvSource({
            "青山县人民路25号, 青山县人民路…",
            "青山县人民路, …",
            "𠀀𠀁𠀂𠀃𠀄𠀅𠀆, 𠀀𠀁𠀂𠀃𠀄𠀅…"})
    void addresses(String address, String masked) {
        assertEquals(masked, Masking.address(address));
    }
}
