package io.aval.gateway;

import io.aval.config.AvalConfig;
import io.aval.journal.Database;
import io.aval.journal.Journal;
import io.aval.journal.ProcessingMode;
import io.aval.mapping.EdifactReaders;
import io.aval.mapping.MappingCatalog;
import io.aval.mapping.UblValidator;
import io.aval.partner.PartnerDirectory;
import io.aval.transport.MessageBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.main.Main;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * One running gateway: database, broker, partner directory, the pipeline's beans and the Camel
 * routes read from {@code routes/}. {@code ./aval run}, {@code ./aval import} and the tests all
 * start it the same way.
 */
public final class Gateway implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Gateway.class);

    private final AvalConfig config;
    private final Database database;
    private final MessageBroker broker;
    private final EdifactReaders readers;
    private final Journal journal;
    private final Main main;
    private final ProducerTemplate template;
    private final io.aval.notify.RepNotifier repNotifier;
    private final io.aval.notify.FeedbackServer feedbackServer;

    private final java.util.concurrent.ExecutorService translationThreads;

    private Gateway(AvalConfig config, Database database, MessageBroker broker, EdifactReaders readers,
                    Journal journal, Main main, io.aval.notify.RepNotifier repNotifier,
                    io.aval.notify.FeedbackServer feedbackServer, java.util.concurrent.ExecutorService translationThreads) {
        this.translationThreads = translationThreads;
        this.repNotifier = repNotifier;
        this.feedbackServer = feedbackServer;
        this.config = config;
        this.database = database;
        this.broker = broker;
        this.readers = readers;
        this.journal = journal;
        this.main = main;
        this.template = main.getCamelContext().createProducerTemplate();
    }

    public static Gateway start(AvalConfig config) {
        long t0 = System.nanoTime();
        prepareFolders(config.dataDir());
        PartnerDirectory partners = PartnerDirectory.load(config.configDir().resolve("partners.yaml"));
        PartnerEnvelopes.check(partners);
        List<Class<?>> entities = new java.util.ArrayList<>(io.aval.signal.SignalEntities.CLASSES);
        entities.addAll(io.aval.notify.NotifyEntities.CLASSES);
        // the broker and the database start side by side: neither needs the other to come up
        CompletableFuture<MessageBroker> brokerStart = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                brokerStart.complete(MessageBroker.start(config));
            } catch (Throwable e) {
                brokerStart.completeExceptionally(e);
            }
        }, "aval-broker-start");
        starter.start();
        Database database;
        try {
            database = Database.open(config, entities);
        } catch (RuntimeException e) {
            brokerStart.thenAccept(MessageBroker::close);
            throw e;
        }
        long tDatabase = System.nanoTime();
        MessageBroker broker = null;
        EdifactReaders readers = null;
        java.util.concurrent.ExecutorService translationThreads = null;
        try {
            broker = started(brokerStart);
            long tBroker = System.nanoTime();
            Journal journal = new Journal(database.entityManagerFactory(),
                    config.getInt("aval.journal.inline-raw-bytes", Journal.INLINE_RAW_BYTES));
            readers = new EdifactReaders(config.mappingsDir(), config.get("aval.edifact.reader", "stock"));
            MappingCatalog mappings = new MappingCatalog(config.mappingsDir());

            Main main = new Main();
            // Sessions and producers are cached; consumers are not: a cached, idle consumer would keep
            // the messages the broker already pushed to it, and they would wait there unseen.
            CachingConnectionFactory jmsConnections = new CachingConnectionFactory(broker.connectionFactory());
            jmsConnections.setSessionCacheSize(10);
            jmsConnections.setCacheConsumers(false);
            JmsComponent jms = JmsComponent.jmsComponent(jmsConnections);
            // Transacted routes use local JMS transactions: the listener container commits its own session after the
            // route (a failure rolls it back, and the broker redelivers), and a send the route makes on the consumer's
            // thread joins that session. With a transaction manager (Camel's default) Spring gets a new session and
            // consumer for every message, and closes them after: three blocking calls to the broker per message, and
            // the next batch of an account waited for them. The container's own consumer, which it reads from all the
            // time, is kept (unlike one handed back to the factory above); with consumerWindowSize=0 (MessageBroker)
            // it holds no message it is not processing.
            jms.getConfiguration().setLazyCreateTransactionManager(false);
            jms.getConfiguration().setCacheLevelName("CACHE_CONSUMER");
            jms.getConfiguration().setDestinationResolver(new io.aval.transport.KnownQueues());
            main.bind("jms", jms);
            main.bind("journal", journal);
            main.bind("partners", partners);
            main.bind("receiver", new Receiver(journal));
            io.aval.partner.ControlNumberSequence controlNumbers = new io.aval.partner.ControlNumberSequence(database.dataSource());
            io.aval.journal.Acknowledgements acknowledgements = new io.aval.journal.Acknowledgements(database.entityManagerFactory());
            ContrlResponder contrlResponder = new ContrlResponder(journal, acknowledgements, partners, controlNumbers,
                    new io.aval.edifact.ContrlBuilder());
            main.bind("contrlResponder", contrlResponder);
            main.bind("acknowledgementTracker", new AcknowledgementTracker(journal, acknowledgements, partners,
                    java.time.Clock.systemUTC()));
            main.bind("inboundUblDocuments", new InboundUblDocuments(journal, partners, new UblValidator()));
            main.bind("interchangeIntake", new InterchangeIntake(journal, partners, readers, mappings, envelopeLimits(config), contrlResponder,
                    config.getInt("aval.messages.batch-size", InterchangeIntake.DEFAULT_BATCH_SIZE),
                    config.getInt("aval.messages.lanes", InterchangeIntake.DEFAULT_LANES)));
            UblValidator ublValidator = new UblValidator();
            main.bind("messageTranslator", new MessageTranslator(journal, partners, readers, mappings,
                    new io.aval.mapping.UblMapping(ublValidator)));
            // the messages of one translation batch side by side (routes/inbound-edifact-messages: parallel split)
            translationThreads = translationThreads(config.getInt("aval.messages.batch-threads", 2));
            main.bind("translationThreads", translationThreads);
            main.bind("erpDelivery", new ErpDelivery(journal, config.dataDir().resolve("outbound/erp"),
                    config.dataDir().resolve("deliveries/erp")));
            main.bind("quarantine", new Quarantine(journal));
            main.bind("deliveryMarkers", new DeliveryMarkers(journal, List.of(config.dataDir().resolve("deliveries/erp"),
                    config.dataDir().resolve("deliveries/partners")),
                    java.time.Duration.ofDays(config.getInt("aval.deliveries.keep-days", 14)), java.time.Clock.systemUTC()));
            main.bind("inboundDropGuard", new InboundDropGuard(journal, config.dataDir(), envelopeLimits(config).maxInterchangeBytes()));
            io.aval.notify.RepNotifier repNotifier = io.aval.notify.RepNotifier.create(config, database.entityManagerFactory());
            main.bind("repNotifier", repNotifier);
            main.bind("signalTap", new SignalTap(journal, partners, readers, new io.aval.signal.SignalEngine(
                    database.entityManagerFactory(), io.aval.signal.SignalSettings.load(config.configDir().resolve("signals.yaml")))));
            main.bind("outboundDispatcher", new OutboundDispatcher(journal, partners, new io.aval.edifact.OutboundTranslator(
                    new io.aval.edifact.OutboundMessageMapper(config.mappingsDir()), new io.aval.edifact.InterchangeWriter(),
                    new io.aval.partner.ControlNumberSequence(database.dataSource())),
                    config.dataDir().resolve("outbound"), config.dataDir().resolve("deliveries/partners")));
            main.setOverrideProperties(config.asProperties());
            main.setDefaultPropertyPlaceholderLocation("false");
            Path routes = config.routesDir().toAbsolutePath();
            main.configure()
                    .withName("aval")
                    .withRoutesIncludePattern("file:" + routes + "/*.camel.yaml,file:" + routes + "/config/*.camel.yaml")
                    .withJmxEnabled(false)
                    .withShutdownTimeout(15);
            main.start();
            try (ProducerTemplate sweep = main.getCamelContext().createProducerTemplate()) {
                new RecoverySweep(journal, sweep).run();
            }
            LOG.info("Gateway ready in {} ms (database {} ms, broker {} ms, beside it; routes {} ms)",
                    (System.nanoTime() - t0) / 1_000_000, (tDatabase - t0) / 1_000_000, (tBroker - t0) / 1_000_000,
                    (System.nanoTime() - tBroker) / 1_000_000);
            io.aval.notify.FeedbackServer feedback = Boolean.parseBoolean(config.get("aval.http.enabled", "false"))
                    ? io.aval.notify.FeedbackServer.start(config, database.entityManagerFactory()) : null;
            return new Gateway(config, database, broker, readers, journal, main, repNotifier, feedback, translationThreads);
        } catch (Exception e) {
            if (translationThreads != null) {
                translationThreads.shutdownNow();
            }
            if (readers != null) {
                readers.close();
            }
            if (broker != null) {
                broker.close();
            }
            database.close();
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("Gateway did not start: " + e.getMessage(), e);
        }
    }

    /**
     * {@code aval.messages.batch-threads} threads that read, map and validate the messages of a translation batch
     * side by side, so one batch (one lane's batches go one at a time, in order) can use more than one core. Camel does not stop
     * a pool it finds in the registry: {@link #close} does, after the routes.
     */
    static java.util.concurrent.ExecutorService translationThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("aval.messages.batch-threads must be at least 1, not " + threads);
        }
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "Aval translation #" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private static MessageBroker started(CompletableFuture<MessageBroker> start) {
        try {
            return start.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("The broker did not start: " + e.getCause(), e.getCause());
        }
    }

    /** {@code aval.limits.*}: what the envelope checks refuse before reading further (hostile or broken input). */
    static io.aval.edifact.EnvelopeLimits envelopeLimits(AvalConfig config) {
        io.aval.edifact.EnvelopeLimits d = io.aval.edifact.EnvelopeLimits.DEFAULT;
        return new io.aval.edifact.EnvelopeLimits(
                config.getLong("aval.limits.max-interchange-bytes", d.maxInterchangeBytes()),
                config.getInt("aval.limits.max-segment-bytes", d.maxSegmentBytes()),
                config.getInt("aval.limits.max-message-segments", d.maxMessageSegments()));
    }

    private static void prepareFolders(Path data) {
        for (String dir : List.of("inbound", "inbound/erp", "outbound/erp", "archive", "outbox")) {
            try {
                Files.createDirectories(data.resolve(dir));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create " + data.resolve(dir), e);
            }
        }
    }

    /** Hands bytes to the "received" step as a transport would; returns the interchange's journal id. */
    public long submit(byte[] raw, String transport, String sourceName, ProcessingMode mode) {
        return submitBody(raw, transport, sourceName, mode);
    }

    /** Hands a file to the "received" step, read as a stream (it may be larger than memory); returns its journal id. */
    public long submit(java.nio.file.Path file, String transport, String sourceName, ProcessingMode mode) {
        return submitBody(file.toFile(), transport, sourceName, mode);
    }

    /** Hands a stream to the "received" step (it is read to its end and closed); returns the journal id. */
    public long submit(java.io.InputStream raw, String transport, String sourceName, ProcessingMode mode) {
        return submitBody(raw, transport, sourceName, mode);
    }

    private long submitBody(Object raw, String transport, String sourceName, ProcessingMode mode) {
        Object id = template.requestBodyAndHeaders("direct:receive", raw, Map.of(
                AvalHeaders.TRANSPORT, transport,
                AvalHeaders.SOURCE_NAME, sourceName == null ? "" : sourceName,
                AvalHeaders.MODE, mode.name()));
        return ((Number) id).longValue();
    }

    /** Waits until every received interchange and every accepted message has reached its end state. */
    public void awaitIdle(Duration timeout) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (journal.anyPending()) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException(journal.pendingCount() + " interchanges/messages still in progress after " + timeout);
            }
            Thread.sleep(50);
        }
    }

    public Journal journal() {
        return journal;
    }

    public AvalConfig config() {
        return config;
    }

    public CamelContext camelContext() {
        return main.getCamelContext();
    }

    public io.aval.notify.RepNotifier repNotifier() {
        return repNotifier;
    }

    public Database database() {
        return database;
    }

    public EdifactReaders readers() {
        return readers;
    }

    @Override
    public void close() {
        try {
            template.close();
        } catch (Exception ignored) {
            // stopping anyway
        }
        try {
            if (feedbackServer != null) {
                feedbackServer.close();
            }
            main.stop();
        } finally {
            translationThreads.shutdownNow();
            try {
                readers.close();
                broker.close();
            } finally {
                database.close();
            }
        }
    }
}
