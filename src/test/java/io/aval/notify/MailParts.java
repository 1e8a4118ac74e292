package io.aval.notify;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What a test needs to read from a received email: recipients, text, HTML and inline images. */
public record MailParts(String subject, List<String> to, List<String> cc, String text, String html, List<Image> images) {

    public record Image(String contentType, String contentId, String disposition, int size) {
    }

    public static MailParts of(MimeMessage m) throws Exception {
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        List<Image> images = new ArrayList<>();
        walk(m, text, html, images);
        return new MailParts(m.getSubject(), addresses(m, Message.RecipientType.TO), addresses(m, Message.RecipientType.CC),
                text.toString(), html.toString(), images);
    }

    private static List<String> addresses(MimeMessage m, Message.RecipientType type) throws Exception {
        var a = m.getRecipients(type);
        return a == null ? List.of() : Arrays.stream(a).map(x -> ((InternetAddress) x).getAddress()).toList();
    }

    private static void walk(Part p, StringBuilder text, StringBuilder html, List<Image> images) throws Exception {
        if (p.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) p.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart child = mp.getBodyPart(i);
                walk(child, text, html, images);
            }
        } else if (p.isMimeType("text/plain")) {
            text.append(p.getContent());
        } else if (p.isMimeType("text/html")) {
            html.append(p.getContent());
        } else if (p.isMimeType("image/*")) {
            images.add(new Image(p.getContentType().split(";")[0].trim(), ((MimePart) p).getContentID(), p.getDisposition(),
                    p.getInputStream().readAllBytes().length));
        }
    }
}
