package io.aval.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aval.testing.TestGateway;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.ServiceStatus;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

/** The notify timer routes from routes/: harmless until wired, and calling the notifier once enabled. */
class NotifyRoutesTest {

    /** Stands in for RepNotifier: counts the calls the timers make. */
    public static final class CountingNotifier {
        final AtomicInteger alerts = new AtomicInteger();
        final AtomicInteger digests = new AtomicInteger();

        public int sendAlerts() {
            return alerts.incrementAndGet();
        }

        public int sendDigestsToday() {
            return digests.incrementAndGet();
        }
    }

    private static Main main(boolean enabled, Object notifier) throws Exception {
        Main main = new Main();
        if (notifier != null) {
            main.bind("repNotifier", notifier);
        }
        Properties p = TestGateway.config(TestGateway.HOME.resolve("target/notify-routes")).asProperties();
        p.setProperty("aval.notify.enabled", Boolean.toString(enabled));
        p.setProperty("aval.notify.alert-period-ms", "50");
        p.setProperty("aval.notify.digest-cron", "* * * * * ?");
        p.setProperty("aval.notify.alert-delay-ms", "0");
        main.setOverrideProperties(p);
        main.setDefaultPropertyPlaceholderLocation("false");
        String routes = TestGateway.HOME.resolve("routes").toAbsolutePath().toString();
        main.configure().withRoutesIncludePattern("file:" + routes + "/notify-alerts.camel.yaml,file:" + routes + "/notify-digest.camel.yaml")
                .withJmxEnabled(false);
        main.start();
        return main;
    }

    @Test
    void staysStoppedAndNeedsNoBeanWhileDisabled() throws Exception {
        Main main = main(false, null);
        try {
            assertThat(main.getCamelContext().getRouteController().getRouteStatus("notify-alerts")).isEqualTo(ServiceStatus.Stopped);
            assertThat(main.getCamelContext().getRouteController().getRouteStatus("notify-digest")).isEqualTo(ServiceStatus.Stopped);
        } finally {
            main.stop();
        }
    }

    @Test
    void callsTheNotifierOnEachTickOnceEnabled() throws Exception {
        CountingNotifier notifier = new CountingNotifier();
        Main main = main(true, notifier);
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> notifier.alerts.get() > 0 && notifier.digests.get() > 0);
        } finally {
            main.stop();
        }
    }

    @Test
    void theDefaultDigestGoesOutAtSevenOnWorkingDays() throws Exception {
        var config = TestGateway.config(TestGateway.HOME.resolve("target/notify-routes"));
        var cron = new org.quartz.CronExpression(config.get("aval.notify.digest-cron"));
        java.util.TimeZone zone = java.util.TimeZone.getTimeZone(config.get("aval.notify.digest-time-zone"));
        cron.setTimeZone(zone);
        java.time.ZonedDateTime saturday = java.time.ZonedDateTime.of(2026, 11, 28, 12, 0, 0, 0, zone.toZoneId());
        java.util.Date next = cron.getNextValidTimeAfter(java.util.Date.from(saturday.toInstant()));
        assertThat(next.toInstant().atZone(zone.toZoneId()).toLocalDateTime())
                .isEqualTo(java.time.LocalDateTime.of(2026, 11, 30, 7, 0));
    }
}
