package io.aval.signal.internal;

import java.util.Arrays;
import java.util.Collection;

/** Robust statistics over small samples (a few dozen orders). */
public final class Stats {

    private Stats() {
    }

    public static double median(Collection<? extends Number> values) {
        return percentile(values, 50);
    }

    /** Linear-interpolated percentile (0..100); NaN for an empty sample. */
    public static double percentile(Collection<? extends Number> values, double p) {
        double[] v = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        double rank = p / 100.0 * (v.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return v[lo] + (v[hi] - v[lo]) * (rank - lo);
    }

    /** Median absolute deviation (unscaled). */
    public static double mad(Collection<? extends Number> values) {
        double m = median(values);
        double[] dev = values.stream().mapToDouble(x -> Math.abs(x.doubleValue() - m)).toArray();
        Arrays.sort(dev);
        return median(Arrays.stream(dev).boxed().toList());
    }
}
