package org.regdesk.server.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

import org.regdesk.backend.api.PhoneNumber;
import org.regdesk.backend.api.Tckn;

/** Citizens and their dev portal passwords (a real identity provider replaces the latter). */
public final class Citizens {

    private final Database database;

    public Citizens(Database database) {
        this.database = database;
    }

    public Optional<Citizen> find(Tckn tckn) {
        return database.transaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM citizens WHERE tckn = ?")) {
                select.setString(1, tckn.value());
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Citizen(tckn, rows.getString("given_name"), rows.getString("family_name"),
                            rows.getObject("birth_date", java.time.LocalDate.class), new PhoneNumber(rows.getString("phone")),
                            rows.getString("id_document_number")));
                }
            }
        });
    }

    public Optional<String> portalPasswordHash(Tckn tckn) {
        return database.transaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT portal_password_hash FROM citizens WHERE tckn = ?")) {
                select.setString(1, tckn.value());
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    public void insert(Citizen citizen, String portalPasswordHash) {
        database.transaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO citizens (tckn, given_name, family_name, "
                    + "birth_date, phone, id_document_number, portal_password_hash) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, citizen.tckn().value());
                insert.setString(2, citizen.givenName());
                insert.setString(3, citizen.familyName());
                insert.setObject(4, citizen.birthDate());
                insert.setString(5, citizen.phone().e164());
                insert.setString(6, citizen.idDocumentNumber());
                insert.setString(7, portalPasswordHash);
                return insert.executeUpdate();
            }
        });
    }

    public long count() {
        return database.transaction(connection -> {
            try (ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM citizens")) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }
}
