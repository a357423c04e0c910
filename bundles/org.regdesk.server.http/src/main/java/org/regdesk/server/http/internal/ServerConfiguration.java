package org.regdesk.server.http.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Settings of the RegDesk server, read from {@code etc/org.regdesk.server.http.cfg}.
 * Property names are the method names with '_' read as '.', e.g. {@code tls.keystore.path}.
 */
@ObjectClassDefinition(name = "RegDesk server", description = "Listening address, TLS and data folder of regdesk-server")
public @interface ServerConfiguration {

    String PID = "org.regdesk.server.http";

    @AttributeDefinition(description = "Address to listen on; 127.0.0.1 keeps the server local to this machine")
    String host() default "127.0.0.1";

    @AttributeDefinition(description = "TCP port; 0 picks a free one (tests)")
    int port() default 8443;

    @AttributeDefinition(description = "Serve HTTPS; switching it off is for diagnostics only")
    boolean tls_enabled() default true;

    @AttributeDefinition(description = "Folder for server state (development certificate, later the database)")
    String data_directory() default "data";

    @AttributeDefinition(description = "PKCS#12 keystore with the production certificate; empty generates a self-signed development certificate")
    String tls_keystore_path() default "";

    @AttributeDefinition(description = "File (chmod 600) holding the password of tls.keystore.path")
    String tls_keystore_password_file() default "";

    @AttributeDefinition(description = "Password of tls.keystore.path given directly (tests; production refuses it: use tls.keystore.password.file)", type = AttributeType.PASSWORD)
    String tls_keystore_password() default "";

    @AttributeDefinition(description = "PEM file with the CA certificate(s) that issue desk certificates (mutual TLS); empty creates a development desk CA in <data>/tls")
    String tls_client_ca_path() default "";

    @AttributeDefinition(description = "Behind a load balancer that passes TLS through (HAProxy send-proxy-v2): read the client's address from the PROXY protocol header. Firewall the node so that only the balancer reaches it.")
    boolean proxy_protocol() default false;

    @AttributeDefinition(description = "Route contributions (HttpRoutes.name) that must be served before /ready answers 200, e.g. registry, portal, PIN_UNBLOCK")
    String ready_requires() default "registry,portal";

    @AttributeDefinition(description = "Desks that get a development certificate in <data>/desks/<id>.p12 when tls.client.ca.path is empty")
    String development_desks() default "DESK-001,DESK-002";
}
