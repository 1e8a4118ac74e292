package io.aval.partner;

import java.util.Objects;

/** An EDIFACT party identification as it stands in UNB (id + code qualifier, e.g. a GLN with 14). */
public record PartyIdentity(String id, String qualifier) {

    /** Same id, and the same qualifier where both sides give one. */
    public boolean matches(String otherId, String otherQualifier) {
        if (!id.equals(otherId)) {
            return false;
        }
        return qualifier == null || qualifier.isBlank() || otherQualifier == null || otherQualifier.isBlank()
                || Objects.equals(qualifier, otherQualifier);
    }

    @Override
    public String toString() {
        return qualifier == null || qualifier.isBlank() ? id : id + ":" + qualifier;
    }
}
