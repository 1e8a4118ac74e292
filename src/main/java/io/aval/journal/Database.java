package io.aval.journal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.aval.config.AvalConfig;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * The gateway's database: a pooled connection, the schema brought up to date by Flyway
 * migrations ({@code db/migration/h2} or {@code db/migration/postgresql}), and one Hibernate
 * EntityManagerFactory over the entity classes of every capability.
 */
public final class Database implements AutoCloseable {

    /** Journal entities; other capabilities add theirs when the gateway opens the database. */
    public static final List<Class<?>> JOURNAL_ENTITIES = List.of(
            InterchangeRecord.class, MessageRecord.class, MessageEvent.class, InterchangeReference.class,
            AcknowledgementRecord.class, ContrlReplyRecord.class);

    private final HikariDataSource dataSource;
    private final EntityManagerFactory entityManagerFactory;
    private final String vendor;

    private Database(HikariDataSource dataSource, EntityManagerFactory emf, String vendor) {
        this.dataSource = dataSource;
        this.entityManagerFactory = emf;
        this.vendor = vendor;
    }

    public static Database open(AvalConfig config, List<Class<?>> extraEntities) {
        String url = config.get("aval.db.url");
        String vendor = vendorOf(url);
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(url);
        hikari.setUsername(config.get("aval.db.user", "sa"));
        hikari.setPassword(config.get("aval.db.password", ""));
        hikari.setMaximumPoolSize(config.getInt("aval.db.pool-size", 8));
        hikari.setPoolName("aval-db");
        HikariDataSource ds = new HikariDataSource(hikari);
        try {
            Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration/" + vendor)
                    .load()
                    .migrate();
            List<Class<?>> entities = new ArrayList<>(JOURNAL_ENTITIES);
            entities.addAll(extraEntities);
            HibernatePersistenceConfiguration cfg = new HibernatePersistenceConfiguration("aval")
                    .managedClasses(entities)
                    .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, ds)
                    .property(AvailableSettings.HBM2DDL_AUTO, "none")
                    .property(AvailableSettings.STATEMENT_BATCH_SIZE, 50)
                    .property(AvailableSettings.ORDER_INSERTS, true)
                    .property(AvailableSettings.SHOW_SQL, false);
            return new Database(ds, cfg.createEntityManagerFactory(), vendor);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }

    static String vendorOf(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return "h2";
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return "postgresql";
        }
        throw new IllegalStateException("Unsupported database URL " + url + " (use jdbc:h2:… or jdbc:postgresql:…)");
    }

    public EntityManagerFactory entityManagerFactory() {
        return entityManagerFactory;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String vendor() {
        return vendor;
    }

    @Override
    public void close() {
        try {
            entityManagerFactory.close();
        } finally {
            dataSource.close();
        }
    }
}
