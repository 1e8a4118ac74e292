package io.aval.transport.internal;

import io.aval.partner.Partner;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;
import org.apache.wss4j.common.ConfigurationConstants;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.message.token.UsernameToken;
import org.apache.wss4j.dom.validate.UsernameTokenValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WS-Security UsernameToken on the SOAP endpoint (CXF's WSS4J interceptor), the alternative to
 * HTTP Basic for partners whose SOAP stack speaks WS-Security: the token's user name and
 * plain-text password are checked against the same hashed credentials from
 * {@code partners.yaml} (a digest password cannot be checked against a hash and is refused).
 * A request that already logged in with Basic ({@link PartnerAuthFilter}) passes untouched; one
 * without either is refused with a SOAP fault. Use it over TLS: the password travels in clear.
 */
public final class UsernameTokenAuthenticator extends WSS4JInInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(UsernameTokenAuthenticator.class);

    public UsernameTokenAuthenticator(CredentialStore credentials) {
        super(properties(credentials));
    }

    private static Map<String, Object> properties(CredentialStore credentials) {
        Map<String, Object> p = new HashMap<>();
        p.put(ConfigurationConstants.ACTION, ConfigurationConstants.USERNAME_TOKEN);
        p.put(ConfigurationConstants.PASSWORD_TYPE, WSConstants.PW_TEXT);
        p.put(VALIDATOR_MAP, Map.of(WSConstants.USERNAME_TOKEN, new PartnerPasswordValidator(credentials)));
        return p;
    }

    @Override
    public void handleMessage(SoapMessage message) throws Fault {
        HttpServletRequest request = (HttpServletRequest) message.get(AbstractHTTPDestination.HTTP_REQUEST);
        if (request != null && request.getAttribute(PartnerAuthFilter.PARTNER) != null) {
            return;
        }
        super.handleMessage(message);
    }

    /** Checks a UsernameToken's password against the partner's stored hash, and names the partner for the service. */
    static final class PartnerPasswordValidator extends UsernameTokenValidator {
        private final CredentialStore credentials;

        PartnerPasswordValidator(CredentialStore credentials) {
            this.credentials = credentials;
        }

        @Override
        protected void verifyPlaintextPassword(UsernameToken token, RequestData data) throws WSSecurityException {
            String password = token.getPassword();
            Optional<Partner> partner = password == null ? Optional.empty()
                    : credentials.authenticate(token.getName(), password.toCharArray());
            if (partner.isEmpty()) {
                LOG.warn("SOAP endpoint: refused WS-Security UsernameToken log-in as '{}'", token.getName());
                throw new WSSecurityException(WSSecurityException.ErrorCode.FAILED_AUTHENTICATION);
            }
            if (data.getMsgContext() instanceof Message message
                    && message.get(AbstractHTTPDestination.HTTP_REQUEST) instanceof HttpServletRequest request) {
                request.setAttribute(PartnerAuthFilter.PARTNER, partner.get());
            }
        }

        @Override
        protected void verifyDigestPassword(UsernameToken token, RequestData data) throws WSSecurityException {
            LOG.warn("SOAP endpoint: refused WS-Security digest password for '{}' (only PasswordText can be checked "
                    + "against the stored hash)", token.getName());
            throw new WSSecurityException(WSSecurityException.ErrorCode.FAILED_AUTHENTICATION);
        }
    }
}
