package io.aval.mapping;

import io.aval.edifact.Finding;

/**
 * A message cannot go further for a reason that lies in the message or its configuration (not a
 * technical failure): it is quarantined with this finding, never retried.
 */
public class MessageRejectedException extends RuntimeException {

    private final transient Finding finding;

    public MessageRejectedException(Finding finding) {
        super(finding.describe());
        this.finding = finding;
    }

    public MessageRejectedException(String reason) {
        super(reason);
        this.finding = null;
    }

    public Finding finding() {
        return finding;
    }
}
