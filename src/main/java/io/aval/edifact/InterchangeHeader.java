package io.aval.edifact;

/** The UNB interchange header's fields, as sent. */
public record InterchangeHeader(String syntaxId, String syntaxVersion, String senderId, String senderQualifier,
                                String recipientId, String recipientQualifier, String date, String time,
                                String controlRef, String applicationRef, String ackRequest, String testIndicator,
                                Segment segment) {

    /** "UNOC:3" */
    public String syntax() {
        return syntaxId + ":" + syntaxVersion;
    }

    /** True when UNB 0031 asks the recipient for an acknowledgement. */
    public boolean acknowledgementRequested() {
        return "1".equals(ackRequest);
    }
}
