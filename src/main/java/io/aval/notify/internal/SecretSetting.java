package io.aval.notify.internal;

import io.aval.config.AvalConfig;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a setting that may be written {@code {{env:NAME}}} or {@code {{env:NAME:default}}} (secrets stay out of files). */
public final class SecretSetting {

    private static final Pattern ENV = Pattern.compile("\\{\\{env:([A-Za-z0-9_]+)(?::([^}]*))?}}");

    private SecretSetting() {
    }

    public static String get(AvalConfig config, String name) {
        String raw = config.get(name, "");
        Matcher m = ENV.matcher(raw);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String env = System.getenv(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(env != null ? env : m.group(2) == null ? "" : m.group(2)));
        }
        m.appendTail(out);
        return out.toString().trim();
    }
}
