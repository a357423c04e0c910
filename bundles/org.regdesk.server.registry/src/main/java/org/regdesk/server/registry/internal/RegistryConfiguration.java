package org.regdesk.server.registry.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.regdesk.server.otp.internal.SmsText;

/**
 * {@code etc/org.regdesk.server.registry.cfg}: the registry core's own settings. The database, the SMS
 * gateway, the card key service and the E-Onay trust are configured in their bundles' files.
 */
@ObjectClassDefinition(name = "RegDesk registry", description = "Desk sessions, verification codes and the SMS text")
public @interface RegistryConfiguration {

    String PID = "org.regdesk.server.registry";

    @AttributeDefinition(description = "File (chmod 600) with the verification-code HMAC key, base64 of at least 32 random "
            + "bytes, the same on every node; empty = made once in <data>/keys/code-hash.key (development mode only)")
    String code_hash_key_file() default "";

    @AttributeDefinition(description = "File (chmod 600) with the audit key that seals every audit record and checkpoint, base64 "
            + "of at least 32 random bytes, the same on every node and with the auditors; empty = <data>/keys/audit.key (development mode only)")
    String audit_key_file() default "";

    @AttributeDefinition(description = "This node's audit checkpoint file (outside the database); empty = <data>/audit/checkpoints.jsonl")
    String audit_checkpoint_file() default "";

    @AttributeDefinition(description = "host:port of a syslog receiver (UDP, RFC 5424) that gets each checkpoint too; empty = none")
    String audit_syslog() default "";

    @AttributeDefinition(description = "Seconds between checkpoints while the chain grows")
    int audit_checkpoint_seconds() default 10;

    @AttributeDefinition(description = "Folder for the development verification-code key (<data>/keys/code-hash.key)")
    String data_directory() default "data";

    @AttributeDefinition(description = "The CA's name at the start of every SMS, as citizens know it")
    String sms_sender() default SmsText.DEFAULT_SENDER;

    @AttributeDefinition(description = "The SMS text, Turkish first: {sender}, {code} (required) and {minutes} are filled in")
    String sms_text() default SmsText.DEFAULT_TEMPLATE;
}
