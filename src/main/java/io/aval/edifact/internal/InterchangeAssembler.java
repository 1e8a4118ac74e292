package io.aval.edifact.internal;

import io.aval.edifact.EnvelopeProfile;
import io.aval.edifact.TranslationException;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Wraps positional messages (UNH + body) in UNB…UNZ for a partner profile: numbers the messages, counts
 * segments into UNT and messages into UNZ, writes dates in the syntax version's format, releases the
 * service characters and fits every value into the partner's character repertoire.
 */
public final class InterchangeAssembler {

    private static final DateTimeFormatter V3_DATE = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter V4_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmm");

    private InterchangeAssembler() { }

    /** Renders the interchange as text; encode it with {@code profile.charset().encoding()}. */
    public static String assemble(EnvelopeProfile profile, LocalDateTime preparedAt, List<List<Segment>> messages) {
        if (profile.controlReference() == null) {
            throw new TranslationException(TranslationException.Failure.INVALID_PROFILE,
                    "no interchange control reference assigned", null, profile.recipientId());
        }
        CharacterRepertoire repertoire = new CharacterRepertoire(profile.charset(), profile.charsetPolicy());
        SyntaxSeparators sep = SyntaxSeparators.forVersion(profile.syntaxVersion());
        StringBuilder out = new StringBuilder(4096);
        if (profile.una()) {
            out.append(sep.una());
        }
        String date = (profile.syntaxVersion() >= 4 ? V4_DATE : V3_DATE).format(preparedAt);
        sep.appendSegment(out, Segment.of("UNB")
                .element(profile.charset().name(), Integer.toString(profile.syntaxVersion()))
                .element(fit(repertoire, profile.senderId(), profile), fit(repertoire, profile.senderQualifier(), profile))
                .element(fit(repertoire, profile.recipientId(), profile), fit(repertoire, profile.recipientQualifier(), profile))
                .element(date, TIME.format(preparedAt))
                .element(fit(repertoire, profile.controlReference(), profile))
                .element()
                .element(fit(repertoire, profile.applicationReference(), profile))
                .element()
                .element(profile.ackRequested() ? "1" : "")
                .element()
                .element(profile.testIndicator() ? "1" : "")
                .build());
        int number = 0;
        for (List<Segment> message : messages) {
            String ref = Integer.toString(++number);
            List<Segment> segments = new ArrayList<>(message);
            Segment unh = segments.get(0);
            if (!"UNH".equals(unh.tag())) {
                throw new TranslationException(TranslationException.Failure.INVALID_MESSAGE_XML,
                        "message does not start with UNH", profile.controlReference(), profile.recipientId());
            }
            List<List<String>> unhElements = new ArrayList<>(unh.elements());
            if (unhElements.isEmpty()) {
                unhElements.add(List.of(ref));
            } else {
                unhElements.set(0, List.of(ref));
            }
            segments.set(0, new Segment("UNH", unhElements));
            for (Segment s : segments) {
                sep.appendSegment(out, s);
            }
            sep.appendSegment(out, Segment.of("UNT").element(Integer.toString(segments.size() + 1)).element(ref).build());
        }
        sep.appendSegment(out, Segment.of("UNZ").element(Integer.toString(messages.size()))
                .element(fit(repertoire, profile.controlReference(), profile)).build());
        return out.toString();
    }

    private static String fit(CharacterRepertoire repertoire, String value, EnvelopeProfile profile) {
        if (value == null) {
            return "";
        }
        try {
            return repertoire.fit(value, "UNB");
        } catch (TranslationException e) {
            throw new TranslationException(e.failure(), e.getMessage(), profile.controlReference(), profile.recipientId());
        }
    }
}
