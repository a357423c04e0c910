package org.regdesk.backend.client.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Where the workstation finds its backend; read from {@code etc/org.regdesk.backend.client.cfg}. */
@ObjectClassDefinition(name = "RegDesk backend connection")
public @interface BackendConnectionConfiguration {

    String PID = "org.regdesk.backend.client";

    @AttributeDefinition(description = "Base address of the registry backend")
    String url() default "https://127.0.0.1:8443/";

    @AttributeDefinition(description = "PEM certificate to pin (the server's development certificate); empty uses the JDK's trusted CAs")
    String trusted_certificate() default "";

    @AttributeDefinition(description = "Seconds between health checks")
    int poll_interval_seconds() default 15;

    @AttributeDefinition(description = "Seconds to wait for the backend before calling it unreachable")
    int timeout_seconds() default 5;

    @AttributeDefinition(description = "PKCS#12 file with this desk's certificate (mutual TLS); the development server writes <data>/desks/<desk>.p12")
    String desk_keystore() default "";

    @AttributeDefinition(description = "File holding the password of desk.keystore")
    String desk_keystore_password_file() default "";
}
