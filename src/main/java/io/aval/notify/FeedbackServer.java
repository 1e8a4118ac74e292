package io.aval.notify;

import io.aval.config.AvalConfig;
import jakarta.persistence.EntityManagerFactory;
import jakarta.servlet.ServletConfig;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxrs.lifecycle.SingletonResourceProvider;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The gateway's HTTP endpoint for rep feedback: Apache CXF JAX-RS ({@link FeedbackResource}) in a
 * CXF servlet on an embedded Jetty, on {@code aval.http.host}:{@code aval.feedback.http.port} (127.0.0.1:8081
 * by default; port 0 picks a free one). Stateless: behind a load balancer any instance answers.
 */
public final class FeedbackServer implements AutoCloseable {

    private final Server server;
    private final Bus bus;
    private final ServerConnector connector;

    private FeedbackServer(Server server, Bus bus, ServerConnector connector) {
        this.server = server;
        this.bus = bus;
        this.connector = connector;
    }

    public static FeedbackServer start(AvalConfig config, EntityManagerFactory emf) {
        return start(config.get("aval.http.host", "127.0.0.1"), config.getInt("aval.feedback.http.port", 8081),
                new FeedbackResource(FeedbackTokens.from(config), new FeedbackStore(emf)));
    }

    public static FeedbackServer start(String host, int port, FeedbackResource resource) {
        Bus bus = BusFactory.newInstance().createBus();
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        ServletHolder holder = new ServletHolder("cxf", new JaxRsServlet(bus, resource));
        holder.setInitOrder(1);
        context.addServlet(holder, "/*");
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // reporting the start failure
            }
            bus.shutdown(false);
            throw new IllegalStateException("Feedback endpoint did not start on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return new FeedbackServer(server, bus, connector);
    }

    /** The port actually listened on (useful with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Feedback endpoint did not stop cleanly: " + e.getMessage(), e);
        } finally {
            bus.shutdown(true);
        }
    }

    /** The CXF servlet publishing the JAX-RS resource once its bus and servlet transport are ready. */
    private static final class JaxRsServlet extends CXFNonSpringServlet {

        private static final long serialVersionUID = 1L;

        private final transient Bus ownBus;
        private final transient Object resource;

        JaxRsServlet(Bus bus, Object resource) {
            this.ownBus = bus;
            this.resource = resource;
        }

        /** Called by the servlet's init (when it has no bus yet): our bus, and the endpoint on its servlet transport. */
        @Override
        protected void loadBus(ServletConfig servletConfig) {
            setBus(ownBus);
            JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
            factory.setBus(getBus());
            factory.setAddress("/");
            factory.setResourceClasses(resource.getClass());
            factory.setResourceProvider(resource.getClass(), new SingletonResourceProvider(resource));
            factory.create();
        }
    }
}
