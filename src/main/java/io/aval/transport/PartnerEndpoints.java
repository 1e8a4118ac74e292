package io.aval.transport;

import io.aval.config.AvalConfig;
import io.aval.gateway.Gateway;
import io.aval.journal.Acknowledgements;
import io.aval.partner.Partner;
import io.aval.partner.PartnerDirectory;
import io.aval.transport.internal.As2Routes;
import io.aval.transport.internal.CredentialStore;
import io.aval.transport.internal.InterchangeResource;
import io.aval.transport.internal.InterchangeSoapEndpoint;
import io.aval.transport.internal.JsonBody;
import io.aval.transport.internal.JsonExceptionMapper;
import io.aval.transport.internal.OutboundInterchangeFiles;
import io.aval.transport.internal.PartnerAuthFilter;
import io.aval.transport.internal.PartnerSubmission;
import io.aval.transport.internal.SftpIntake;
import io.aval.transport.internal.UsernameTokenAuthenticator;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.UnaryOperator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxrs.lifecycle.SingletonResourceProvider;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The partners' HTTP endpoints on {@code aval.http.host:aval.http.port} (127.0.0.1:8080 by
 * default): REST under {@code /partners/} and SOAP at {@code /soap/interchanges}, both behind
 * HTTP Basic with the partners' hashed passwords from {@code partners.yaml} (SOAP also takes a
 * WS-Security UsernameToken), over TLS when {@code aval.http.tls.keystore} is set; for each
 * partner with an {@code sftp:} profile, the routes {@code inbound-sftp-<partner>} and
 * {@code outbound-sftp-<partner>} made from the templates in {@code routes/}; and, when
 * {@code aval.as2.keystore} is set, the AS2 server and senders ({@code As2Routes}). They hand
 * accepted bytes to the gateway's "received" step like every other transport.
 *
 * <p>Started after the gateway and closed before it:
 * <pre>{@code
 * PartnerEndpoints endpoints = PartnerEndpoints.start(gateway);
 * ...
 * endpoints.close();
 * }</pre>
 */
public final class PartnerEndpoints implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerEndpoints.class);
    private static final Pattern ENV = Pattern.compile("\\{\\{env:([A-Za-z_][A-Za-z0-9_]*)}}");

    private final org.eclipse.jetty.server.Server jetty;
    private final Bus bus;
    private final List<Server> services;
    private final URI baseUri;
    private final CamelContext camel;
    private final List<String> routeIds;

    private PartnerEndpoints(org.eclipse.jetty.server.Server jetty, Bus bus, List<Server> services, URI baseUri,
                             CamelContext camel, List<String> routeIds) {
        this.camel = camel;
        this.routeIds = routeIds;
        this.jetty = jetty;
        this.bus = bus;
        this.services = services;
        this.baseUri = baseUri;
    }

    /** Starts the endpoints with partner secrets ({@code {{env:NAME}}}) read from the environment. */
    public static PartnerEndpoints start(Gateway gateway) {
        return start(gateway, System::getenv);
    }

    /** As {@link #start(Gateway)}, with {@code {{env:NAME}}} references resolved by {@code environment}. */
    public static PartnerEndpoints start(Gateway gateway, UnaryOperator<String> environment) {
        AvalConfig config = gateway.config();
        PartnerDirectory partners = gateway.camelContext().getRegistry().lookupByNameAndType("partners", PartnerDirectory.class);
        CredentialStore credentials = new CredentialStore(partners, environment);
        PartnerSubmission submission = new PartnerSubmission(gateway, partners);
        String host = config.get("aval.http.host", "127.0.0.1");
        int port = config.getInt("aval.http.port", 8080);
        long maxBody = config.getLong("aval.http.max-body-bytes", 10L * 1024 * 1024);
        CamelContext camel = gateway.camelContext();
        camel.getRegistry().bind("sftpIntake", new SftpIntake(submission, partners));
        List<String> routeIds = new ArrayList<>(addSftpRoutes(camel, partners, environment));
        try {
            routeIds.addAll(As2Routes.add(camel, config, partners, submission, gateway.journal(), environment));
        } catch (RuntimeException e) {
            removeRoutes(camel, routeIds);
            throw e;
        }

        Bus bus = BusFactory.newInstance().createBus();
        org.eclipse.jetty.server.Server jetty = new org.eclipse.jetty.server.Server();
        try {
            ServerConnector connector = connector(jetty, config, environment);
            connector.setHost(host);
            connector.setPort(port);
            jetty.addConnector(connector);
            ServletContextHandler context = new ServletContextHandler("/");
            context.addFilter(new FilterHolder(new PartnerAuthFilter(credentials, maxBody)), "/*",
                    EnumSet.of(DispatcherType.REQUEST));
            CXFNonSpringServlet servlet = new CXFNonSpringServlet();
            servlet.setBus(bus);
            ServletHolder holder = new ServletHolder(servlet);
            holder.setInitOrder(1);
            context.addServlet(holder, "/*");
            context.setErrorHandler(new JsonErrorHandler());
            jetty.setHandler(context);
            jetty.setErrorHandler(new JsonErrorHandler());
            jetty.start();

            JAXRSServerFactoryBean rest = new JAXRSServerFactoryBean();
            rest.setBus(bus);
            rest.setAddress("/partners");
            rest.setResourceClasses(InterchangeResource.class);
            rest.setResourceProvider(InterchangeResource.class,
                    new SingletonResourceProvider(new InterchangeResource(submission, gateway.journal(),
                            new Acknowledgements(gateway.database().entityManagerFactory()),
                            new OutboundInterchangeFiles(gateway.journal(), config.dataDir()))));
            rest.setProvider(new JsonExceptionMapper());
            Server restServer = rest.create();

            JaxWsServerFactoryBean soap = new JaxWsServerFactoryBean();
            soap.setBus(bus);
            soap.setAddress("/soap/interchanges");
            soap.setServiceClass(InterchangeSubmissionService.class);
            soap.setServiceBean(new InterchangeSoapEndpoint(submission));
            soap.getInInterceptors().add(new UsernameTokenAuthenticator(credentials));
            Server soapServer = soap.create();

            String scheme = connector.getDefaultConnectionFactory() instanceof SslConnectionFactory ? "https" : "http";
            URI base = URI.create(scheme + "://" + host + ":" + connector.getLocalPort() + "/");
            LOG.info("Partner endpoints on {} (REST {}partners/, SOAP {}soap/interchanges?wsdl), {} partner log-in(s)",
                    base, base, base, credentials.size());
            return new PartnerEndpoints(jetty, bus, List.of(restServer, soapServer), base, camel, routeIds);
        } catch (Exception e) {
            removeRoutes(camel, routeIds);
            try {
                jetty.stop();
            } catch (Exception ignored) {
                // reporting the start failure
            }
            bus.shutdown(false);
            throw new IllegalStateException("Partner endpoints did not start on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * Plain HTTP, or HTTPS only when {@code aval.http.tls.keystore} names a keystore (PKCS#12 or
     * JKS, relative to the config folder; password in {@code aval.http.tls.keystore-password} or
     * AVAL_HTTP_TLS_KEYSTORE_PASSWORD): then the port speaks TLS and nothing else.
     */
    private static ServerConnector connector(org.eclipse.jetty.server.Server jetty, AvalConfig config,
                                             UnaryOperator<String> environment) {
        String keystore = config.get("aval.http.tls.keystore", "");
        if (keystore.isBlank()) {
            return new ServerConnector(jetty);
        }
        Path file = config.configDir().resolve(keystore).normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("TLS keystore " + file + " (aval.http.tls.keystore) does not exist");
        }
        String password = config.get("aval.http.tls.keystore-password", "");
        if (password.isBlank()) {
            String env = environment.apply("AVAL_HTTP_TLS_KEYSTORE_PASSWORD");
            password = env == null ? "" : env;
        }
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(file.toString());
        tls.setKeyStorePassword(password);
        tls.setKeyStoreType(file.getFileName().toString().toLowerCase().endsWith(".jks") ? "JKS" : "PKCS12");
        String alias = config.get("aval.http.tls.key-alias", "");
        if (!alias.isBlank()) {
            tls.setCertAlias(alias);
        }
        HttpConfiguration https = new HttpConfiguration();
        https.addCustomizer(new SecureRequestCustomizer());
        return new ServerConnector(jetty, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(https));
    }

    private static List<String> addSftpRoutes(CamelContext camel, PartnerDirectory partners, UnaryOperator<String> environment) {
        List<String> ids = new ArrayList<>();
        try {
            for (Partner p : partners.partners()) {
                Partner.SftpProfile sftp = p.sftp();
                if (sftp == null) {
                    continue;
                }
                if (sftp.host() == null || sftp.username() == null) {
                    throw new IllegalStateException("Partner " + p.id() + ": sftp needs at least host and username in partners.yaml");
                }
                String password = secret(p, sftp.password(), environment);
                String port = Integer.toString(sftp.port() == null ? 22 : sftp.port());
                String delay = Long.toString(sftp.pollDelayMs() == null ? 10_000 : sftp.pollDelayMs());
                String strict = Boolean.FALSE.equals(sftp.hostKeyChecking()) ? "no" : "yes";
                if (sftp.inbox() != null) {
                    ids.add(TemplatedRouteBuilder.builder(camel, "inbound-sftp").routeId("inbound-sftp-" + p.id())
                            .parameter("partner", p.id()).parameter("host", sftp.host()).parameter("port", port)
                            .parameter("username", sftp.username()).parameter("password", password)
                            .parameter("inbox", sftp.inbox()).parameter("delay", delay)
                            .parameter("strictHostKeyChecking", strict)
                            .parameter("useUserKnownHostsFile", Boolean.toString(strict.equals("yes"))).add());
                }
                if (sftp.outbox() != null) {
                    ids.add(TemplatedRouteBuilder.builder(camel, "outbound-sftp").routeId("outbound-sftp-" + p.id())
                            .parameter("partner", p.id()).parameter("host", sftp.host()).parameter("port", port)
                            .parameter("username", sftp.username()).parameter("password", password)
                            .parameter("outbox", sftp.outbox()).parameter("delay", delay)
                            .parameter("strictHostKeyChecking", strict)
                            .parameter("useUserKnownHostsFile", Boolean.toString(strict.equals("yes"))).add());
                }
            }
            return ids;
        } catch (RuntimeException e) {
            removeRoutes(camel, ids);
            throw e;
        }
    }

    /** A secret from partners.yaml: only as {@code {{env:NAME}}}, so that no password sits in the file. */
    private static String secret(Partner p, String value, UnaryOperator<String> environment) {
        if (value == null || value.isBlank()) {
            return "";
        }
        Matcher env = ENV.matcher(value.trim());
        if (!env.matches()) {
            throw new IllegalStateException("Partner " + p.id() + ": sftp.password in partners.yaml must be {{env:NAME}}, never the password");
        }
        String resolved = environment.apply(env.group(1));
        if (resolved == null) {
            throw new IllegalStateException("Partner " + p.id() + ": environment variable " + env.group(1) + " (sftp.password) is not set");
        }
        return resolved;
    }

    private static void removeRoutes(CamelContext camel, List<String> ids) {
        for (String id : ids) {
            try {
                camel.getRouteController().stopRoute(id);
                camel.removeRoute(id);
            } catch (Exception e) {
                LOG.warn("Route {} did not stop cleanly: {}", id, e.getMessage());
            }
        }
    }

    /** {@code http://host:port/}, with the port actually bound (tests ask for port 0). */
    public URI baseUri() {
        return baseUri;
    }

    public int port() {
        return baseUri.getPort();
    }

    @Override
    public void close() {
        removeRoutes(camel, routeIds);
        for (Server s : services) {
            s.destroy();
        }
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.warn("Partner endpoints did not stop cleanly: {}", e.getMessage());
        } finally {
            bus.shutdown(true);
        }
    }

    /** Jetty's own errors (unknown path, bad request) in the same JSON shape, without stack traces. */
    private static final class JsonErrorHandler extends ErrorHandler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            int status = response.getStatus();
            response.getHeaders().put("Content-Type", "application/json");
            String body = JsonBody.error(status == 404 ? "not_found" : "error", "HTTP " + status);
            response.write(true, java.nio.ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
            return true;
        }
    }
}
