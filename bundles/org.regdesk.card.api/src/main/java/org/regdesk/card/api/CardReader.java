package org.regdesk.card.api;

import java.util.Objects;

/**
 * A reader (PC/SC terminal, PKCS#11 slot) as the operator sees it.
 *
 * @param id   unique among all transports, e.g. {@code pcsc:Virtual PCD 00 00}
 * @param name the name to show
 */
public record CardReader(String id, String name) {
    public CardReader {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
