package io.aval.transport;

/**
 * An interchange sent to a partner by AS2 was not acknowledged by a valid, positive MDN. A
 * technical failure: the interchange stays where it was and is sent again.
 */
public final class As2DeliveryFailed extends RuntimeException {

    private final String partnerId;
    private final String fileName;

    public As2DeliveryFailed(String partnerId, String fileName, String message) {
        super(message);
        this.partnerId = partnerId;
        this.fileName = fileName;
    }

    public String partnerId() {
        return partnerId;
    }

    public String fileName() {
        return fileName;
    }
}
