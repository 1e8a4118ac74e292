package io.aval.partner;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The supplier's own identities and its trading partners, read from {@code partners.yaml}.
 * Answers "who is this UNB sender/recipient?" for the envelope checks.
 */
public final class PartnerDirectory {

    /** The file as written by the integration team. */
    record PartnersFile(Supplier supplier, List<Partner> partners) {
    }

    /** The supplier (us). */
    public record Supplier(String name, List<PartyIdentity> identities) {
        public boolean isIdentifiedBy(String id, String qualifier) {
            return identities.stream().anyMatch(i -> i.matches(id, qualifier));
        }
    }

    private final Supplier supplier;
    private final List<Partner> partners;

    public PartnerDirectory(Supplier supplier, List<Partner> partners) {
        this.supplier = supplier;
        this.partners = List.copyOf(partners);
        validate();
    }

    public static PartnerDirectory load(Path file) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try {
            PartnersFile parsed = yaml.readValue(Files.newBufferedReader(file), PartnersFile.class);
            if (parsed == null || parsed.supplier() == null) {
                throw new IllegalStateException(file + " has no 'supplier' section");
            }
            return new PartnerDirectory(parsed.supplier(), parsed.partners() == null ? List.of() : parsed.partners());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read partner profiles " + file + ": " + e.getMessage(), e);
        }
    }

    private void validate() {
        Set<String> ids = new HashSet<>();
        Set<String> identities = new HashSet<>();
        for (Partner p : partners) {
            if (p.id() == null || p.id().isBlank()) {
                throw new IllegalStateException("A partner in partners.yaml has no id");
            }
            if (!ids.add(p.id())) {
                throw new IllegalStateException("Partner id '" + p.id() + "' is used twice in partners.yaml");
            }
            for (PartyIdentity i : p.identities()) {
                if (!identities.add(i.toString())) {
                    throw new IllegalStateException("Identity " + i + " is given to two partners in partners.yaml");
                }
            }
        }
    }

    public Supplier supplier() {
        return supplier;
    }

    public List<Partner> partners() {
        return partners;
    }

    public Optional<Partner> byIdentity(String id, String qualifier) {
        return partners.stream().filter(p -> p.isIdentifiedBy(id, qualifier)).findFirst();
    }

    public Optional<Partner> byId(String partnerId) {
        return partners.stream().filter(p -> p.id().equals(partnerId)).findFirst();
    }

    public boolean isSupplier(String id, String qualifier) {
        return supplier.isIdentifiedBy(id, qualifier);
    }
}
