package org.lianxin.node.demo;

import java.util.List;
import java.util.SplittableRandom;

/** A fixed list of values drawn with fixed relative weights; the same random stream gives the same values. */
final class Weighted<T> {

    private final List<T> values;
    private final long[] cumulative;

    private Weighted(List<T> values, long[] weights) {
        if (values.size() != weights.length || values.isEmpty()) {
            throw new IllegalArgumentException("one positive weight per value");
        }
        this.values = List.copyOf(values);
        this.cumulative = new long[weights.length];
        long sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] <= 0) {
                throw new IllegalArgumentException("weights must be positive");
            }
            sum += weights[i];
            cumulative[i] = sum;
        }
    }

    static <T> Weighted<T> of(List<T> values, long... weights) {
        return new Weighted<>(values, weights);
    }

    /** Values with weights in the order given: {@code pairs("a", 3, "b", 1)}. */
    static <T> Weighted<T> pairs(Object... valueWeightPairs) {
        @SuppressWarnings("unchecked")
        T[] values = (T[]) new Object[valueWeightPairs.length / 2];
        long[] weights = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            @SuppressWarnings("unchecked")
            T value = (T) valueWeightPairs[2 * i];
            values[i] = value;
            weights[i] = ((Number) valueWeightPairs[2 * i + 1]).longValue();
        }
        return new Weighted<>(List.of(values), weights);
    }

    T draw(SplittableRandom random) {
        long r = random.nextLong(cumulative[cumulative.length - 1]);
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) { // first index whose cumulative weight exceeds r
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > r) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return values.get(lo);
    }

    List<T> values() {
        return values;
    }
}
