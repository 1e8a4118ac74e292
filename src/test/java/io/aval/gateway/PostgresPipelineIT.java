package io.aval.gateway;

import io.aval.testing.Databases;
import io.aval.testing.TestGateway;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline on PostgreSQL (production's database), in a database of its own. */
class PostgresPipelineIT extends AbstractPipelineIT {

    @TempDir
    static Path data;

    static String url;
    static Gateway gateway;

    @BeforeAll
    static void start() {
        url = Databases.freshPostgres();
        gateway = TestGateway.start(TestGateway.postgresConfig(data, url));
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
