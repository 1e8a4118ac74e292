package io.aval.signal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void percentilesAndMadOfASmallSample() {
        List<Integer> v = List.of(7, 1, 3, 9, 5);
        assertThat(Stats.median(v)).isEqualTo(5.0);
        assertThat(Stats.percentile(v, 25)).isEqualTo(3.0);
        assertThat(Stats.percentile(v, 90)).isEqualTo(8.2, org.assertj.core.data.Offset.offset(1e-9));
        // deviations from 5: 2 4 2 4 0 -> median 2
        assertThat(Stats.mad(v)).isEqualTo(2.0);
        assertThat(Stats.median(List.of())).isNaN();
    }

    /** A sample sorted once gives the figures of the definitions, worked out here on a sorted copy for each. */
    @Test
    void sortedOnceGivesTheFiguresOfTheDefinitions() {
        Random random = new Random(42);
        for (int n = 1; n < 120; n++) {
            List<Double> sample = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                sample.add(Math.round(random.nextGaussian() * 1000) / 10.0);
            }
            List<Double> before = List.copyOf(sample);
            double[] sorted = Stats.sorted(sample);
            for (double p : new double[] {0, 25, 50, 90, 95, 100}) {
                assertThat(Stats.percentileOfSorted(sorted, p)).as("P%s of %s", p, sample).isEqualTo(percentile(sample, p));
            }
            double median = percentile(sample, 50);
            assertThat(Stats.madOfSorted(sorted)).isEqualTo(percentile(sample.stream().map(x -> Math.abs(x - median)).toList(), 50));
            assertThat(sample).as("the caller's sample is left as it was").isEqualTo(before);
        }
    }

    /** Linear interpolation between the closest ranks. */
    private static double percentile(List<Double> sample, double p) {
        List<Double> s = sample.stream().sorted().toList();
        double rank = p / 100 * (s.size() - 1);
        int lo = (int) Math.floor(rank);
        return s.get(lo) + (s.get((int) Math.ceil(rank)) - s.get(lo)) * (rank - lo);
    }
}
