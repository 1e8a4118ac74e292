package io.aval.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class SignalSettingsTest {

    @Test
    void shippedConfigEqualsTheDefaultsInCode() {
        SignalSettings file = SignalSettings.load(Path.of("config/signals.yaml"));
        SignalSettings code = SignalSettings.defaults();
        assertThat(file).usingRecursiveComparison().ignoringFields("competitors", "agreedPrices").isEqualTo(code);
        assertThat(file.competitors).contains("Concurrent Inox");
    }

    @Test
    void missingKeysKeepTheirDefaults() {
        SignalSettings s = SignalSettings.load(new ByteArrayInputStream("""
                order-silence:
                  gap-factor: 3.5
                agreed-prices:
                  "ACME":
                    "4000862141411": 7.10
                """.getBytes(StandardCharsets.UTF_8)));
        assertThat(s.orderSilence.gapFactor).isEqualTo(3.5);
        assertThat(s.orderSilence.minDays).isEqualTo(30);
        assertThat(s.volumeDecline.dropRatio).isEqualTo(0.30);
        assertThat(s.agreedPrices.get("ACME").get("4000862141411")).isEqualByComparingTo("7.10");
    }

    @Test
    void emptyFileGivesDefaults() {
        SignalSettings s = SignalSettings.load(new ByteArrayInputStream(new byte[0]));
        assertThat(s.largeOrder.medianFactor).isEqualTo(3.0);
    }
}
