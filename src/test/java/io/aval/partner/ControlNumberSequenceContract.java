package io.aval.partner;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What every database behind {@link ControlNumberSequence} must guarantee; run on H2 and PostgreSQL. */
abstract class ControlNumberSequenceContract {

    static final int THREADS = 16;
    static final int PER_THREAD = 40;

    /** A new pool over the same, already migrated database: one per simulated Aval instance. */
    abstract HikariDataSource newPool();

    @Test
    void concurrentSendsFromManyThreadsAndTwoInstancesNeverRepeatOrGoBack() throws Exception {
        String key = "out:14:5412345000013:" + System.nanoTime();
        try (HikariDataSource poolA = newPool(); HikariDataSource poolB = newPool()) {
            ControlNumberSequence instanceA = new ControlNumberSequence(poolA);
            ControlNumberSequence instanceB = new ControlNumberSequence(poolB);
            ExecutorService executor = Executors.newFixedThreadPool(THREADS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                ControlNumberSequence sequence = t % 2 == 0 ? instanceA : instanceB;
                futures.add(executor.submit(() -> {
                    start.await();
                    List<Long> mine = new ArrayList<>();
                    for (int i = 0; i < PER_THREAD; i++) {
                        mine.add(sequence.next(key));
                    }
                    return mine;
                }));
            }
            long began = System.nanoTime();
            start.countDown();
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : futures) {
                List<Long> mine = f.get(120, TimeUnit.SECONDS);
                assertThat(mine).as("one thread's numbers only go up").isSorted().doesNotHaveDuplicates();
                all.addAll(mine);
            }
            executor.shutdown();
            long micros = (System.nanoTime() - began) / 1000;
            System.out.printf("%s: %d control numbers from %d threads on 2 instances in %d ms (%.0f/s)%n",
                    getClass().getSimpleName(), all.size(), THREADS, micros / 1000, all.size() * 1e6 / micros);

            Set<Long> distinct = new HashSet<>(all);
            assertThat(distinct).as("no number handed out twice").hasSize(THREADS * PER_THREAD);
            assertThat(Collections.min(all)).isEqualTo(1L);
            assertThat(Collections.max(all)).as("no gaps when nothing failed").isEqualTo((long) THREADS * PER_THREAD);
        }
    }

    @Test
    void restartedInstanceContinuesAfterTheLastIssuedNumber() {
        String key = "out:14:5412345000099:" + System.nanoTime();
        long lastBeforeRestart;
        try (HikariDataSource pool = newPool()) {
            ControlNumberSequence sequence = new ControlNumberSequence(pool);
            for (int i = 0; i < 5; i++) {
                sequence.next(key);
            }
            lastBeforeRestart = sequence.next(key);
        }
        try (HikariDataSource pool = newPool()) {
            ControlNumberSequence restarted = new ControlNumberSequence(pool);
            assertThat(restarted.next(key)).isEqualTo(lastBeforeRestart + 1);
        }
    }

    @Test
    void eachPartnerHasItsOwnSequenceAndReferencesFitUnb0020() {
        try (HikariDataSource pool = newPool()) {
            ControlNumberSequence sequence = new ControlNumberSequence(pool);
            String a = "out:14:A:" + System.nanoTime();
            String b = "out:14:B:" + System.nanoTime();
            assertThat(sequence.next(a)).isEqualTo(1);
            assertThat(sequence.next(a)).isEqualTo(2);
            assertThat(sequence.next(b)).isEqualTo(1);
            assertThat(sequence.nextReference(a)).isEqualTo("00000000000003").hasSize(14);
        }
    }
}
