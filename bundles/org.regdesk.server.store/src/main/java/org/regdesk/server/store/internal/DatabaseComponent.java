package org.regdesk.server.store.internal;

import java.nio.file.Path;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.regdesk.server.settings.SecretFiles;
import org.regdesk.server.settings.ServerMode;
import org.regdesk.server.settings.SettingRefusedException;
import org.regdesk.server.store.Database;
import org.regdesk.server.store.DatabaseOwner;
import org.regdesk.server.store.DatabaseSettings;
import org.regdesk.server.store.DemoData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the registry database from {@code etc/org.regdesk.server.store.cfg} (embedded H2 unless a
 * PostgreSQL URL is set), migrates it, and offers it as the {@link Database} service while it is open.
 */
@Component(service = {}, immediate = true, configurationPid = DatabaseComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DatabaseComponent.Configuration.class)
public final class DatabaseComponent {

    public static final String PID = "org.regdesk.server.store";

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseComponent.class);

    @ObjectClassDefinition(name = "RegDesk registry database")
    public @interface Configuration {

        @AttributeDefinition(description = "Folder for the embedded database")
        String data_directory() default "data";

        @AttributeDefinition(description = "JDBC URL; empty = embedded H2 file database in <data>/db. PostgreSQL: jdbc:postgresql://host:5432/regdesk")
        String database_url() default "";

        String database_user() default "regdesk";

        @AttributeDefinition(description = "File (chmod 600) holding the database password")
        String database_password_file() default "";

        @AttributeDefinition(description = "The password given directly (tests; production refuses it)", type = AttributeType.PASSWORD)
        String database_password() default "";

        int database_max_connections() default 32;

        @AttributeDefinition(description = "PostgreSQL role that owns the schema and runs the migrations; the server's own role "
                + "(database.user) then may only read and add audit records. Required in production with PostgreSQL")
        String database_owner_user() default "";

        @AttributeDefinition(description = "File (chmod 600) holding the owner role's password")
        String database_owner_password_file() default "";

        @AttributeDefinition(description = "Load the demo desks, operators and citizens into an empty database (development mode only)")
        boolean demo_data() default false;
    }

    private final Database database;
    private final ServiceRegistration<Database> registration;

    @Activate
    public DatabaseComponent(BundleContext context, Configuration configuration) {
        Path data = Path.of(configuration.data_directory().trim()).toAbsolutePath();
        String url = configuration.database_url().trim();
        ServerMode mode = ServerMode.from(context.getProperty(ServerMode.PROPERTY));
        if (configuration.demo_data() && !mode.allowsDevelopmentFallbacks()) {
            throw new SettingRefusedException("demo.data", "is true in production; the demo registry's passwords are published");
        }
        DatabaseSettings settings = url.isEmpty() ? DatabaseSettings.embedded(data)
                : new DatabaseSettings(url, configuration.database_user(),
                        SecretFiles.readIfSet("database.password.file", configuration.database_password_file())
                                .orElseGet(() -> configuration.database_password().toCharArray()),
                        configuration.database_max_connections());
        java.util.Optional<DatabaseOwner> owner = DatabaseOwner.of(configuration.database_owner_user(),
                configuration.database_owner_password_file());
        if (settings.postgresql()) {
            mode.requireInProduction("database.owner.user", owner.isPresent(),
                    "is empty; production on PostgreSQL migrates as the schema's owner so that the server's role cannot change "
                            + "audit records");
        }
        database = Database.open(settings, owner);
        try {
            if (configuration.demo_data() && DemoData.load(database)) {
                LOG.info("Loaded the demo registry (desks DESK-001/002, operators, citizens); see README.md for the passwords");
            }
        } catch (RuntimeException | Error e) {
            database.close();
            throw e;
        }
        registration = context.registerService(Database.class, database, null);
        LOG.info("Registry database ready on {}", settings.postgresql() ? "PostgreSQL" : "embedded H2 in " + data.resolve("db"));
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
        database.close();
    }
}
