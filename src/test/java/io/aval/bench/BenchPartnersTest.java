package io.aval.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aval.partner.Partner;
import io.aval.partner.PartnerDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchPartnersTest {

    private static final Path CONFIG = Path.of("config");

    @Test
    void aThreeAccountConfigHasAcmeAndTwoCopiesEachItsOwnAccountAndSender(@TempDir Path tmp) throws Exception {
        Path config = BenchPartners.configWith(CONFIG, tmp.resolve("config"), 3);

        PartnerDirectory directory = PartnerDirectory.load(config.resolve("partners.yaml"));
        PartnerDirectory original = PartnerDirectory.load(CONFIG.resolve("partners.yaml"));
        assertEquals(original.partners().size() + 2, directory.partners().size());
        Partner acme = directory.byIdentity("5412345000013", "14").orElseThrow();
        for (int n = 1; n <= 2; n++) {
            Partner copy = directory.byIdentity("BENCH" + n, "ZZ").orElseThrow();
            assertEquals("bench-" + n, copy.id());
            assertEquals("BENCH-" + n, copy.account());
            assertEquals(acme.inbound(), copy.inbound());
            assertEquals(acme.outbound(), copy.outbound());
        }
        // the rest of the folder comes along unchanged
        for (String file : List.of("application.properties", "accounts.yaml", "signals.yaml")) {
            assertEquals(Files.readString(CONFIG.resolve(file)), Files.readString(config.resolve(file)));
        }
    }

    @Test
    void theCorpusGoesRoundRobinOverTheAccountsSenders() {
        List<byte[]> corpus = ImportBenchmark.corpus("T", LocalDate.of(2025, 1, 2), 1, 7, 2, 3);

        List<String> senders = corpus.stream()
                .map(b -> new String(b, StandardCharsets.ISO_8859_1).split("\\+")[3])
                .collect(Collectors.toList());
        assertEquals(List.of("5412345000013:14", "BENCH1:ZZ", "BENCH2:ZZ", "5412345000013:14", "BENCH1:ZZ",
                "BENCH2:ZZ", "5412345000013:14"), senders);
        Set<String> one = ImportBenchmark.corpus("T", LocalDate.of(2025, 1, 2), 1, 4, 2, 1).stream()
                .map(b -> new String(b, StandardCharsets.ISO_8859_1).split("\\+")[3]).collect(Collectors.toSet());
        assertEquals(Set.of("5412345000013:14"), one);
    }
}
