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
        return percentileOfSorted(sorted(values), p);
    }

    /** Median absolute deviation (unscaled). */
    public static double mad(Collection<? extends Number> values) {
        return madOfSorted(sorted(values));
    }

    /** The values in ascending order: sorted once, for several of the statistics below. */
    public static double[] sorted(Collection<? extends Number> values) {
        double[] v = new double[values.size()];
        int i = 0;
        for (Number x : values) {
            v[i++] = x.doubleValue();
        }
        Arrays.sort(v);
        return v;
    }

    /** The first {@code n} of {@code values} in ascending order, in an array of their own. */
    public static double[] sorted(double[] values, int n) {
        double[] v = Arrays.copyOf(values, n);
        Arrays.sort(v);
        return v;
    }

    /** {@link #percentile} of values already in ascending order ({@link #sorted}). */
    public static double percentileOfSorted(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double rank = p / 100.0 * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }

    /** {@link #mad} of values already in ascending order ({@link #sorted}). */
    public static double madOfSorted(double[] sorted) {
        double m = percentileOfSorted(sorted, 50);
        double[] dev = new double[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            dev[i] = Math.abs(sorted[i] - m);
        }
        Arrays.sort(dev);
        return percentileOfSorted(dev, 50);
    }
}
