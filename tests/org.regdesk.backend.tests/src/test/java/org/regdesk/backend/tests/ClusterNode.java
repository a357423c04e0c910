package org.regdesk.backend.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.regdesk.server.store.DatabaseSettings;

/**
 * One regdesk-server node of a test cluster, in its own JVM so a test can kill it with -9: the registry
 * as {@link TestBackend} composes it, on the shared PostgreSQL database, with the cluster's keys from
 * {@code <data>/cluster} and the SMS provider's URL template.
 * Arguments: {@code <data folder> <port> first|join <sms url template>}; the database from
 * REGDESK_CLUSTER_DB_URL, _USER and the password file REGDESK_CLUSTER_DB_PASSWORD_FILE.
 */
public final class ClusterNode {

    private ClusterNode() {
    }

    public static void main(String[] arguments) throws Exception {
        Path data = Path.of(arguments[0]);
        int port = Integer.parseInt(arguments[1]);
        DatabaseSettings database = new DatabaseSettings(System.getenv("REGDESK_CLUSTER_DB_URL"),
                System.getenv("REGDESK_CLUSTER_DB_USER"),
                Files.readString(Path.of(System.getenv("REGDESK_CLUSTER_DB_PASSWORD_FILE"))).strip().toCharArray(), 24); // two nodes, their audit pools and the test within PostgreSQL's 100 connections
        Path keys = data.resolve("cluster");
        TestBackend node = new TestBackend(data, new TestBackend.Node(database, "first".equals(arguments[2]),
                Files.readAllBytes(keys.resolve("code.key")), port, Optional.of(arguments[3]), true),
                Files.readAllBytes(keys.resolve("master.key")), TestBackend.CaKeyPlace.PKCS12);
        System.out.println("NODE LISTENING " + node.base);
        System.out.flush();
        Thread.currentThread().join();
    }
}
