package org.sharingledger.support;

import java.util.Arrays;

/** For benchmarks that print figures: the median and 95th percentile of repeated runs, after warm-up. */
public final class Timing {

    private Timing() {}

    /** Milliseconds {median, p95} of 30 runs after 5 warm-ups. */
    public static double[] medianAndP95(Runnable work) {
        for (int i = 0; i < 5; i++) {
            work.run();
        }
        double[] ms = new double[30];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.95) - 1]};
    }
}
