package io.aval.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.aval.config.AvalConfig;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The partners of a several-account import benchmark: the demo partner Acme (account ACME, sender
 * 5412345000013:14) and copies of its agreements under other ids, accounts and senders.
 */
final class BenchPartners {

    /** Acme's UNB sender, as in config/partners.yaml. */
    static final String DEMO_SENDER = "5412345000013:14";

    private BenchPartners() {
    }

    /** The UNB sender (id:qualifier) of bench account {@code index}: 0 is Acme, then BENCH1:ZZ, BENCH2:ZZ… */
    static String sender(int index) {
        return index == 0 ? DEMO_SENDER : "BENCH" + index + ":ZZ";
    }

    /**
     * Copies the configuration folder {@code source} to {@code target} and adds {@code accounts - 1}
     * partners to its partners.yaml, each a copy of Acme's agreements with its own id ({@code bench-n}),
     * account ({@code BENCH-n}) and sender ({@link #sender}), without credentials or AS2 (the bench
     * uses neither). Returns {@code target}.
     */
    static Path configWith(Path source, Path target, int accounts) throws IOException {
        AvalConfig.copyFolder(source, target);
        Path partnersFile = target.resolve("partners.yaml");
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ObjectNode root = (ObjectNode) yaml.readTree(partnersFile.toFile());
        ArrayNode partners = (ArrayNode) root.get("partners");
        ObjectNode demo = demoPartner(partners, partnersFile);
        for (int n = 1; n < accounts; n++) {
            ObjectNode copy = demo.deepCopy();
            copy.put("id", "bench-" + n).put("name", "Bench account " + n).put("account", "BENCH-" + n);
            copy.remove("credentials");
            copy.remove("as2");
            String[] sender = sender(n).split(":");
            copy.putArray("identities").addObject().put("id", sender[0]).put("qualifier", sender[1]);
            partners.add(copy);
        }
        yaml.writeValue(partnersFile.toFile(), root);
        return target;
    }

    private static ObjectNode demoPartner(ArrayNode partners, Path file) {
        String[] demo = DEMO_SENDER.split(":");
        for (JsonNode p : partners) {
            for (JsonNode i : p.path("identities")) {
                if (demo[0].equals(i.path("id").asText()) && demo[1].equals(i.path("qualifier").asText())) {
                    return (ObjectNode) p;
                }
            }
        }
        throw new IllegalStateException(file + " has no partner with the identity " + DEMO_SENDER
                + ": the import benchmark sends as that partner");
    }
}
