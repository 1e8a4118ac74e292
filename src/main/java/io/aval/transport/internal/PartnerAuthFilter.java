package io.aval.transport.internal;

import io.aval.partner.Partner;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards every partner endpoint, REST and SOAP alike: HTTP Basic against the partners'
 * hashed passwords (401), then the body size limit (413), both answered in JSON before any
 * byte reaches CXF or the journal. A SOAP POST without an Authorization header goes on to CXF
 * (body still bounded), where {@link UsernameTokenAuthenticator} demands a WS-Security
 * UsernameToken instead. The body is read here, bounded, so that a chunked upload
 * cannot bypass the limit. Only the SOAP service's WSDL and the REST resource's OpenAPI
 * description ({@code GET /partners/openapi.yaml}) are public.
 */
public final class PartnerAuthFilter implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerAuthFilter.class);

    /** Request attribute holding the authenticated {@link Partner}. */
    public static final String PARTNER = "aval.partner";

    /** The REST resource's OpenAPI description, readable without a log-in. */
    static final String OPENAPI_PATH = "/partners/openapi.yaml";

    private final CredentialStore credentials;
    private final long maxBodyBytes;

    public PartnerAuthFilter(CredentialStore credentials, long maxBodyBytes) {
        this.credentials = credentials;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String path = request.getRequestURI();
        if (!path.startsWith("/partners/") && !path.startsWith("/soap/")) {
            // CXF would answer these in HTML; partners get JSON everywhere
            send(response, 404, "not_found", "no partner endpoint at " + path + " (REST: /partners/…, SOAP: /soap/interchanges)");
            return;
        }
        if ("GET".equals(request.getMethod()) && (path.equals(OPENAPI_PATH) || request.getQueryString() != null
                && request.getQueryString().toLowerCase().startsWith("wsdl"))) {
            chain.doFilter(req, res);
            return;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null && path.startsWith("/soap/") && "POST".equals(request.getMethod())) {
            // no Basic: the SOAP request must carry a WS-Security UsernameToken (UsernameTokenAuthenticator)
            passBounded(request, response, chain);
            return;
        }
        Optional<Partner> partner = authenticate(authorization);
        if (partner.isEmpty()) {
            LOG.warn("Partner endpoint {} {}: refused log-in from {}", request.getMethod(), request.getRequestURI(),
                    request.getRemoteAddr());
            response.setHeader("WWW-Authenticate", "Basic realm=\"aval partners\", charset=\"UTF-8\"");
            send(response, 401, "unauthorized", "HTTP Basic credentials of a trading partner are required");
            return;
        }
        request.setAttribute(PARTNER, partner.get());
        if (request.getContentLengthLong() > maxBodyBytes) {
            refuseTooLarge(request, response, request.getContentLengthLong() + " bytes");
            return;
        }
        if ("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod())) {
            passBounded(request, response, chain);
            return;
        }
        chain.doFilter(req, res);
    }

    /** Passes the request on with its body read here, or answers 413 when the body is over the limit. */
    private void passBounded(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            refuseTooLarge(request, response, request.getContentLengthLong() + " bytes");
            return;
        }
        byte[] body = readBounded(request.getInputStream());
        if (body == null) {
            refuseTooLarge(request, response, "more than " + maxBodyBytes + " bytes");
            return;
        }
        chain.doFilter(new BufferedRequest(request, body), response);
    }

    /** How much of a refused body is still read after the 413, as a multiple of the limit. */
    private static final int DRAIN_LIMITS = 4;

    /**
     * 413 for a body over the limit (declared by its Content-Length, or found while reading a chunked one): the
     * client may still be sending it. The answer goes out first, with {@code Connection: close}; then up to
     * {@link #DRAIN_LIMITS} times the limit of the body is read and dropped before the connection closes. Closing
     * a socket with request bytes unread makes the kernel answer the client's next segment with a reset, which
     * can throw away the 413 before the client has read it (the client saw "header parser received no bytes").
     */
    private void refuseTooLarge(HttpServletRequest request, HttpServletResponse response, String size) throws IOException {
        response.setHeader("Connection", "close");
        send(response, 413, "too_large", tooLarge(size));
        response.flushBuffer();
        InputStream in = request.getInputStream();
        byte[] buffer = new byte[8192];
        long left = DRAIN_LIMITS * maxBodyBytes;
        try {
            for (int n; left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) != -1; ) {
                left -= n;
            }
        } catch (IOException gone) {
            // the client stopped sending: nothing more to drain
        }
    }

    private String tooLarge(String size) {
        return "the body has " + size + "; the limit is " + maxBodyBytes + " bytes (aval.http.max-body-bytes)";
    }

    private Optional<Partner> authenticate(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return credentials.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray());
    }

    /** The whole body, or null when it is longer than the limit. */
    private byte[] readBounded(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            total += n;
            if (total > maxBodyBytes) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    static void send(HttpServletResponse response, int status, String code, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(JsonBody.error(code, message).getBytes(StandardCharsets.UTF_8));
    }

    /** The request with its body already read (and checked against the limit). */
    private static final class BufferedRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("bodies are read synchronously here");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
