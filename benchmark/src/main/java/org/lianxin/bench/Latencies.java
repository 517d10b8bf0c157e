package org.lianxin.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Measured durations of one workload and design, in milliseconds, and their percentiles. */
public record Latencies(String workload, String design, List<Double> millis) {

    public Latencies {
        millis = new ArrayList<>(millis);
        Collections.sort(millis);
    }

    public double percentile(double p) {
        if (millis.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * millis.size()) - 1;
        return millis.get(Math.max(0, Math.min(millis.size() - 1, index)));
    }

    /** Runs {@code task} {@code warmup} times unmeasured, then {@code reps} times measured. */
    public static Latencies measure(String workload, String design, int warmup, int reps, Runnable task) {
        for (int i = 0; i < warmup; i++) {
            task.run();
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            long started = System.nanoTime();
            task.run();
            millis.add((System.nanoTime() - started) / 1e6);
        }
        return new Latencies(workload, design, millis);
    }
}
