package io.aval.transport;

import jakarta.xml.ws.WebFault;

/**
 * SOAP fault: the interchange was refused (its UNB sender is not the partner who logged in, or
 * it cannot be read that far). The refusal is journaled; the message names both identities.
 */
@WebFault(name = "SubmissionRefused", targetNamespace = InterchangeSubmissionService.NAMESPACE)
public class SubmissionRefused extends Exception {

    public SubmissionRefused(String message) {
        super(message);
    }
}
