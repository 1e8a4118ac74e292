package io.aval.cli;

import io.aval.gateway.Gateway;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ./aval run}: the live gateway until Ctrl-C. */
@Command(name = "run", description = "Start the gateway and watch the drop folders until Ctrl-C.")
final class RunCommand implements java.util.concurrent.Callable<Integer> {

    @Mixin
    AvalCommand.CommonOptions common = new AvalCommand.CommonOptions();

    @picocli.CommandLine.Option(names = "--check", description = "Start everything (database, broker, routes, partner endpoints), "
            + "report the time to ready, then stop: checks a configuration and its ports; the launcher also uses it to "
            + "record the classes for its class-data archive")
    boolean check;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        Gateway gateway = Gateway.start(common.load()
                .with("aval.signals.live-clock", "true")
                .with("aval.notify.enabled", "true")
                .with("aval.http.enabled", "true"));
        io.aval.transport.PartnerEndpoints endpoints;
        try {
            endpoints = io.aval.transport.PartnerEndpoints.start(gateway);
        } catch (RuntimeException e) {
            gateway.close();
            throw e;
        }
        var data = gateway.config().dataDir();
        double ready = (System.nanoTime() - started) / 1e9;
        Runnable stop = () -> {
            endpoints.close();
            gateway.close();
        };
        if (check) {
            System.out.printf("Aval started (ready in %.1f s); --check: stopping.%n", ready);
            stop.run();
            return 0;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("aval: stopping…");
            stop.run();
            stopped.countDown();
        }, "aval-shutdown"));
        System.out.printf("Aval is running (ready in %.1f s). Drop partner interchanges in %s; UBL for the ERP appears in %s. Ctrl-C stops.%n",
                ready, data.resolve("inbound"), data.resolve("outbound/erp"));
        stopped.await();
        return 0;
    }
}
