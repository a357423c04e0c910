package org.regdesk.server.registry.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.regdesk.server.otp.internal.SmsText;

/** {@code etc/org.regdesk.server.registry.cfg}: keys, SMS gateway and the database. */
@ObjectClassDefinition(name = "RegDesk registry", description = "Database, card keys and SMS gateway of the registry backend")
public @interface RegistryConfiguration {

    String PID = "org.regdesk.server.registry";

    @AttributeDefinition(description = "Folder for the embedded database and development keys")
    String data_directory() default "data";

    @AttributeDefinition(description = "JDBC URL; empty = embedded H2 file database in <data>/db. PostgreSQL: jdbc:postgresql://host:5432/regdesk")
    String database_url() default "";

    String database_user() default "regdesk";

    @AttributeDefinition(type = AttributeType.PASSWORD)
    String database_password() default "";

    int database_max_connections() default 32;

    @AttributeDefinition(description = "Load the demo desks, operators and citizens into an empty database")
    boolean demo_data() default false;

    @AttributeDefinition(description = "PKCS#12 keystore with the AES card master key; empty = a random development key in <data>/keys")
    String card_master_keystore_path() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD)
    String card_master_keystore_password() default "";

    String card_master_keystore_alias() default "regdesk-card-master";

    @AttributeDefinition(description = "outbox (development: messages kept in memory, shown at /dev/sms-outbox only with demo.data) or http")
    String sms_gateway() default "outbox";

    @AttributeDefinition(description = "E-Onay: PEM/DER files of the CA certificates signatures must chain to, comma-separated")
    String eonay_trust_anchors() default "";

    @AttributeDefinition(description = "E-Onay: PEM/DER CRL files of those CAs, comma-separated; re-read when they change")
    String eonay_crls() default "";

    @AttributeDefinition(description = "For sms.gateway=http: URL with {to} and {text}, e.g. https://sms.example/send?key=K&to={to}&msg={text}")
    String sms_url_template() default "";

    @AttributeDefinition(description = "GET or POST")
    String sms_method() default "POST";

    @AttributeDefinition(description = "The CA's name at the start of every SMS, as citizens know it")
    String sms_sender() default SmsText.DEFAULT_SENDER;

    @AttributeDefinition(description = "The SMS text, Turkish first: {sender}, {code} (required) and {minutes} are filled in")
    String sms_text() default SmsText.DEFAULT_TEMPLATE;
}
