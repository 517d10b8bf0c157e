package org.lianxin.node.demo;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.lianxin.spec.NationalIdNumber;

/**
 * Citizen ID numbers issued in one county for the demo, never the same twice: a node refuses a
 * second member with a number it already holds. Numbers of other counties differ in the region
 * code, so only one county's numbers are remembered at a time (memory stays bounded by a county).
 */
final class CountyIdNumbers {

    private final String regionCode;
    private final Set<Long> issued = new HashSet<>(); // birth day * 1000 + sequence; membership test only

    CountyIdNumbers(String regionCode) {
        this.regionCode = regionCode;
    }

    String regionCode() {
        return regionCode;
    }

    /** A new valid number for this birth date and gender (GB 11643-1999: odd sequence for men, even for women). */
    NationalIdNumber issue(SplittableRandom random, LocalDate birth, boolean male) {
        int sequence = 1 + random.nextInt(999);
        if ((sequence % 2 == 1) != male) {
            sequence = sequence < 999 ? sequence + 1 : sequence - 1;
        }
        for (int tries = 0; !issued.add(birth.toEpochDay() * 1000 + sequence); tries++) {
            if (tries > 500) {
                throw new IllegalStateException("no free ID sequence number left for one birth day in one county");
            }
            sequence = sequence + 2 > 999 ? (male ? 1 : 2) : sequence + 2;
        }
        return NationalIdNumber.generate(regionCode, birth, sequence, male);
    }
}
