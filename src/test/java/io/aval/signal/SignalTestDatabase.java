package io.aval.signal;

import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

import jakarta.persistence.EntityManagerFactory;

/**
 * A fresh H2 in-memory database migrated by Flyway from {@code classpath:db/migration/h2}, with an
 * EntityManagerFactory over the signal entities. Hibernate validates the mapping against the migrated
 * schema, so a drift between entity and migration fails the test.
 */
final class SignalTestDatabase {

    private SignalTestDatabase() {
    }

    static EntityManagerFactory create() {
        String url = "jdbc:h2:mem:signals-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration/h2").load().migrate();
        HibernatePersistenceConfiguration cfg = new HibernatePersistenceConfiguration("signals-test")
                .jdbcUrl(url).jdbcCredentials("sa", "")
                .property("hibernate.hbm2ddl.auto", "validate")
                .property("hibernate.show_sql", "false");
        for (Class<?> c : SignalEntities.CLASSES) {
            cfg.managedClass(c);
        }
        return cfg.createEntityManagerFactory();
    }
}
