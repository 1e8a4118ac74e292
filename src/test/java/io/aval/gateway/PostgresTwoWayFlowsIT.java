package io.aval.gateway;

import io.aval.testing.Databases;
import io.aval.testing.TestGateway;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The two-way flows on PostgreSQL (production's database), in a database of its own. */
class PostgresTwoWayFlowsIT extends AbstractTwoWayFlowsIT {

    @TempDir
    static Path data;

    static String url;
    static Gateway gateway;

    @BeforeAll
    static void start() throws Exception {
        url = Databases.freshPostgres();
        gateway = TestGateway.start(TestGateway.onPostgres(twoWayConfig(data), url));
    }

    @AfterAll
    static void stop() {
        try {
            if (gateway != null) {
                gateway.close();
            }
        } finally {
            if (url != null) {
                Databases.dropPostgres(url);
            }
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
