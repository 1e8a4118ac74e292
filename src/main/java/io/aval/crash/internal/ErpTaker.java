package io.aval.crash.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Plays the ERP: takes every file the gateway hands over in {@code DATA/outbound/erp} away at
 * once (hidden files, still being written, are left alone), as a real ERP would. That is what
 * turns a rewrite of "the same" file after a crash into a second delivery, so the crash test can
 * see it: a name taken twice is kept as {@code NAME.again-N}.
 */
public final class ErpTaker implements AutoCloseable {

    private final Path drop;
    private final Path taken;
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicInteger takenAgain = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;

    public ErpTaker(Path drop, Path taken) throws IOException {
        this.drop = Files.createDirectories(drop);
        this.taken = Files.createDirectories(taken);
        this.thread = new Thread(this::loop, "crash-test-erp");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            takeAll();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Takes whatever is there now; returns how many files it took. */
    public synchronized int takeAll() {
        int n = 0;
        try (Stream<Path> files = Files.list(drop)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                String name = f.getFileName().toString();
                Path target = taken.resolve(name);
                for (int again = 1; Files.exists(target); again++) {
                    target = taken.resolve(name + ".again-" + again);
                }
                if (!target.getFileName().toString().equals(name)) {
                    takenAgain.incrementAndGet();
                }
                Files.move(f, target, StandardCopyOption.ATOMIC_MOVE);
                n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The simulated ERP cannot take files from " + drop, e);
        }
        count.addAndGet(n);
        return n;
    }

    /** Files taken so far. */
    public int count() {
        return count.get();
    }

    /** Files taken under a name already taken before. */
    public int takenAgain() {
        return takenAgain.get();
    }

    public List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(taken)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
        takeAll();
    }
}
