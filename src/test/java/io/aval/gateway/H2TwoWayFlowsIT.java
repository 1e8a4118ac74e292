package io.aval.gateway;

import io.aval.testing.TestGateway;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The two-way flows on the embedded defaults: H2 file database, embedded Artemis. */
class H2TwoWayFlowsIT extends AbstractTwoWayFlowsIT {

    @TempDir
    static Path data;

    static Gateway gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = TestGateway.start(twoWayConfig(data));
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Override
    protected Gateway gateway() {
        return gateway;
    }

    @Override
    protected Path data() {
        return data;
    }
}
