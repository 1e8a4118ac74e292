package io.aval.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The batch the parallel split fills: added in any order, from any thread; read back in the batch's order. */
class DeliveryBatchTest {

    @Test
    void givesTheMessagesBackInTheBatchsOrderWhateverOrderTheyCameIn() {
        DeliveryBatch batch = new DeliveryBatch(List.of(42L, 7L, 19L));
        batch.add(new DeliveryBatch.Delivered(19L, "c.xml", null), "ACME");
        batch.add(new DeliveryBatch.Delivered(42L, "a.xml", null), "ACME");
        batch.add(new DeliveryBatch.Delivered(7L, "b.xml", null), null);
        assertThat(batch.delivered()).extracting(DeliveryBatch.Delivered::messageId).containsExactly(42L, 7L, 19L);
        assertThat(batch.account()).isEqualTo("ACME");
    }

    @Test
    void aMessageLeftOutLeavesTheOthersInOrder() {
        DeliveryBatch batch = new DeliveryBatch(List.of(1L, 2L, 3L, 4L));
        batch.add(new DeliveryBatch.Delivered(4L, "d.xml", null), "ACME");
        batch.add(new DeliveryBatch.Delivered(1L, "a.xml", null), "ACME");
        batch.add(new DeliveryBatch.Delivered(3L, "c.xml", null), "ACME");
        assertThat(batch.delivered()).extracting(DeliveryBatch.Delivered::messageId).containsExactly(1L, 3L, 4L);
    }

    @Test
    void refusesAMessageOfAnotherBatch() {
        DeliveryBatch batch = new DeliveryBatch(List.of(1L, 2L));
        assertThatThrownBy(() -> batch.add(new DeliveryBatch.Delivered(3L, "x.xml", null), "ACME"))
                .hasMessageContaining("M-3").hasMessageContaining("not in this batch");
    }

    @Test
    void takesAdditionsFromSeveralThreadsAtOnce() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (long id = 1; id <= 2_000; id++) {
            ids.add(id);
        }
        DeliveryBatch batch = new DeliveryBatch(ids);
        List<Long> shuffled = new ArrayList<>(ids);
        Collections.shuffle(shuffled, new java.util.Random(7));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        try {
            for (int t = 0; t < 4; t++) {
                List<Long> part = shuffled.subList(t * 500, (t + 1) * 500);
                pool.submit(() -> {
                    go.await();
                    part.forEach(id -> batch.add(new DeliveryBatch.Delivered(id, id + ".xml", null), "ACME"));
                    return null;
                });
            }
            go.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }
        assertThat(batch.delivered()).extracting(DeliveryBatch.Delivered::messageId).containsExactlyElementsOf(ids);
    }
}
