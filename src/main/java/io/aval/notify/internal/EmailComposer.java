package io.aval.notify.internal;

import io.aval.notify.AccountDirectory.Account;
import io.aval.notify.AccountDirectory.Rep;
import io.aval.signal.Signal;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes one rep email: {@code multipart/related} holding a {@code multipart/alternative} (plain text,
 * then HTML) and the inline PNG charts the HTML refers to by Content-ID. Each signal shows its summary,
 * its evidence and its two feedback links.
 */
public final class EmailComposer {

    /** One account's part of an email: its signals in display order, and how many wait for later. */
    public record Section(Account account, List<Signal> signals, int deferred) {
    }

    /** The "useful" and "not useful" URLs of a signal. */
    public record Links(String useful, String notUseful) {
    }

    private final Session session;
    private final InternetAddress from;

    public EmailComposer(Session session, String from) {
        this.session = session;
        try {
            this.from = new InternetAddress(from);
        } catch (MessagingException e) {
            throw new IllegalStateException("aval.mail.from is not an email address: " + from, e);
        }
    }

    public MimeMessage compose(Rep rep, Collection<String> copies, String subject, String intro, List<Section> sections,
                               Function<Signal, Links> links, Function<Signal, Optional<byte[]>> charts) {
        MailTexts t = new MailTexts(rep.language());
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        Map<String, byte[]> images = new LinkedHashMap<>();
        text.append(t.greeting(rep.name())).append("\n\n").append(intro).append("\n");
        html.append("<!DOCTYPE html><html lang=\"").append(rep.language().locale().getLanguage())
                .append("\"><head><meta charset=\"UTF-8\"><title>").append(esc(subject)).append("</title></head>")
                .append("<body style=\"font-family:Arial,Helvetica,sans-serif;color:#222\">")
                .append("<p>").append(esc(t.greeting(rep.name()))).append("</p><p>").append(esc(intro)).append("</p>");
        for (Section section : sections) {
            String heading = section.account().name() + " (" + section.account().id() + ")";
            text.append("\n== ").append(heading).append(" ==\n");
            html.append("<h2 style=\"border-bottom:1px solid #ccc\">").append(esc(heading)).append("</h2>");
            for (Signal s : section.signals()) {
                Links l = links.apply(s);
                String title = t.type(s.type()) + " — " + s.summary();
                text.append("\n* ").append(title).append("\n");
                text.append("  ").append(t.date()).append(": ").append(s.businessDate())
                        .append(" | ").append(t.severityLabel()).append(": ").append(t.severity(s.severity()))
                        .append(" | ").append(t.seenBy()).append(": ").append(t.function(s.function())).append("\n");
                html.append("<div style=\"margin:12px 0;padding:8px;border-left:4px solid ")
                        .append(switch (s.severity()) { case HIGH -> "#d03030"; case MEDIUM -> "#e0a000"; case LOW -> "#4a78b0"; })
                        .append("\"><h3 style=\"margin:0\">").append(esc(t.type(s.type()))).append("</h3>")
                        .append("<p style=\"margin:4px 0\"><strong>").append(esc(s.summary())).append("</strong></p>")
                        .append("<p style=\"margin:4px 0;color:#555\">").append(esc(t.date())).append(": ").append(s.businessDate())
                        .append(" &middot; ").append(esc(t.severityLabel())).append(": ").append(esc(t.severity(s.severity())))
                        .append(" &middot; ").append(esc(t.seenBy())).append(": ").append(esc(t.function(s.function()))).append("</p>");
                List<String> evidence = evidenceLines(t, s);
                if (!evidence.isEmpty()) {
                    text.append("  ").append(t.evidence()).append(":\n");
                    html.append("<p style=\"margin:4px 0\">").append(esc(t.evidence())).append(":</p><ul style=\"margin:0\">");
                    for (String line : evidence) {
                        text.append("    - ").append(line).append("\n");
                        html.append("<li>").append(esc(line)).append("</li>");
                    }
                    html.append("</ul>");
                }
                Optional<byte[]> chart = charts.apply(s);
                if (chart.isPresent()) {
                    String cid = "chart-" + s.id() + "@aval";
                    images.put(cid, chart.get());
                    html.append("<p><img src=\"cid:").append(cid).append("\" alt=\"").append(esc(t.chartCaption()))
                            .append("\" width=\"640\" height=\"260\"><br><small>").append(esc(t.chartCaption())).append("</small></p>");
                }
                text.append("  ").append(t.question()).append("\n    ").append(t.useful()).append(": ").append(l.useful())
                        .append("\n    ").append(t.notUseful()).append(": ").append(l.notUseful()).append("\n");
                html.append("<p>").append(esc(t.question())).append(" <a href=\"").append(esc(l.useful()))
                        .append("\" style=\"color:#1a7f37\">").append(esc(t.useful())).append("</a> &middot; <a href=\"")
                        .append(esc(l.notUseful())).append("\" style=\"color:#a40e26\">").append(esc(t.notUseful()))
                        .append("</a></p></div>");
            }
            if (section.deferred() > 0) {
                text.append("\n(").append(t.more(section.deferred())).append(")\n");
                html.append("<p><em>").append(esc(t.more(section.deferred()))).append("</em></p>");
            }
        }
        text.append("\n--\n").append(t.footer()).append("\n");
        html.append("<hr><p style=\"color:#777;font-size:small\">").append(esc(t.footer())).append("</p></body></html>");
        try {
            return build(rep, copies, subject, text.toString(), html.toString(), images);
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot build the email for " + rep.email() + ": " + e.getMessage(), e);
        }
    }

    private MimeMessage build(Rep rep, Collection<String> copies, String subject, String text, String html,
                              Map<String, byte[]> images) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(from);
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(rep.email(), true));
        List<InternetAddress> cc = new ArrayList<>();
        for (String c : copies) {
            if (!c.equalsIgnoreCase(rep.email())) {
                cc.add(new InternetAddress(c, true));
            }
        }
        if (!cc.isEmpty()) {
            m.setRecipients(Message.RecipientType.CC, cc.toArray(new InternetAddress[0]));
        }
        m.setSubject(subject, "UTF-8");
        m.setSentDate(Date.from(Instant.now()));

        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, "UTF-8", "plain");
        alternative.addBodyPart(plain);
        MimeBodyPart rich = new MimeBodyPart();
        rich.setText(html, "UTF-8", "html");
        alternative.addBodyPart(rich);

        MimeMultipart related = new MimeMultipart("related");
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        related.addBodyPart(body);
        for (Map.Entry<String, byte[]> image : images.entrySet()) {
            MimeBodyPart png = new MimeBodyPart();
            png.setDataHandler(new DataHandler(new ByteArrayDataSource(image.getValue(), "image/png")));
            png.setContentID("<" + image.getKey() + ">");
            png.setDisposition(Part.INLINE);
            png.setFileName(image.getKey().substring(0, image.getKey().indexOf('@')) + ".png");
            related.addBodyPart(png);
        }
        m.setContent(related);
        return m;
    }

    private static List<String> evidenceLines(MailTexts t, Signal s) {
        List<String> out = new ArrayList<>();
        if (s.sourceDocument() != null) {
            out.add(t.document() + ": " + s.sourceDocument());
        }
        Map<String, Object> evidence;
        try {
            evidence = s.evidence();
        } catch (RuntimeException e) {
            evidence = Map.of();
        }
        if (evidence == null) {
            return out;
        }
        for (Map.Entry<String, Object> e : evidence.entrySet()) {
            if (out.size() >= 12) {
                break;
            }
            String v = String.valueOf(e.getValue());
            out.add(e.getKey() + ": " + (v.length() > 200 ? v.substring(0, 197) + "..." : v));
        }
        return out;
    }

    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** HTML-escapes text for the other notify pages (report, feedback page). */
    public static String escape(String s) {
        return esc(s);
    }
}
