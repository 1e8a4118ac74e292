package io.aval.notify;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.aval.signal.DownstreamFunction;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Customer accounts and their teams, read from {@code config/accounts.yaml}: the rep who owns each
 * account (and the language of the emails) and the account's dedicated contact in each downstream
 * function. Answers "who hears about this signal?".
 */
public final class AccountDirectory {

    /** The language of a rep's emails. */
    public enum Language {
        FR, EN;

        public Locale locale() {
            return this == FR ? Locale.FRENCH : Locale.ENGLISH;
        }
    }

    /** The sales rep who owns an account. */
    public record Rep(String name, String email, Language language) {
    }

    /** One customer account and its team. */
    public record Account(String id, String name, Rep rep, Map<DownstreamFunction, String> contacts) {

        /** The dedicated contact of the function, if the account has one. */
        public Optional<String> contact(DownstreamFunction function) {
            return Optional.ofNullable(contacts.get(function)).filter(s -> !s.isBlank());
        }
    }

    record AccountsFile(List<AccountEntry> accounts) {
    }

    record AccountEntry(String id, String name, RepEntry rep, Map<String, String> contacts) {
    }

    record RepEntry(String name, String email, String language) {
    }

    private final Map<String, Account> accounts;

    public AccountDirectory(List<Account> accounts) {
        Map<String, Account> byId = new LinkedHashMap<>();
        for (Account a : accounts) {
            if (byId.put(a.id(), a) != null) {
                throw new IllegalStateException("Account '" + a.id() + "' is listed twice in accounts.yaml");
            }
        }
        this.accounts = byId;
    }

    /** Reads the file; a missing file means no account has a team yet (no email is sent). */
    public static AccountDirectory load(Path file) {
        if (!Files.isRegularFile(file)) {
            return new AccountDirectory(List.of());
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        AccountsFile parsed;
        try (Reader in = Files.newBufferedReader(file)) {
            parsed = yaml.readValue(in, AccountsFile.class);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read account teams " + file + ": " + e.getMessage(), e);
        }
        if (parsed == null || parsed.accounts() == null) {
            return new AccountDirectory(List.of());
        }
        return new AccountDirectory(parsed.accounts().stream().map(e -> toAccount(file, e)).toList());
    }

    private static Account toAccount(Path file, AccountEntry e) {
        if (e.id() == null || e.id().isBlank()) {
            throw new IllegalStateException("An account in " + file + " has no id");
        }
        if (e.rep() == null || e.rep().email() == null || e.rep().email().isBlank()) {
            throw new IllegalStateException("Account " + e.id() + " in " + file + " has no rep email");
        }
        Language language;
        try {
            language = Language.valueOf((e.rep().language() == null ? "en" : e.rep().language()).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw new IllegalStateException("Account " + e.id() + " in " + file + ": rep language must be fr or en, not "
                    + e.rep().language(), ex);
        }
        Map<DownstreamFunction, String> contacts = new EnumMap<>(DownstreamFunction.class);
        if (e.contacts() != null) {
            for (Map.Entry<String, String> c : e.contacts().entrySet()) {
                try {
                    contacts.put(DownstreamFunction.valueOf(c.getKey().trim().toUpperCase(Locale.ROOT)), c.getValue());
                } catch (IllegalArgumentException ex) {
                    throw new IllegalStateException("Account " + e.id() + " in " + file + ": unknown function '" + c.getKey()
                            + "' (ADV, LOGISTICS, SAV)", ex);
                }
            }
        }
        Rep rep = new Rep(e.rep().name() == null ? e.rep().email() : e.rep().name(), e.rep().email().trim(), language);
        return new Account(e.id(), e.name() == null ? e.id() : e.name(), rep, contacts);
    }

    public Optional<Account> account(String id) {
        return Optional.ofNullable(accounts.get(id));
    }

    public List<Account> accounts() {
        return List.copyOf(accounts.values());
    }
}
