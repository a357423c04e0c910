package org.regdesk.server.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

import org.regdesk.server.codes.internal.CodeStore;
import org.regdesk.server.store.internal.Jdbc;

/** Verification codes in the verification_codes table: one row per citizen and operation, hash only. */
public final class JdbcCodeStore implements CodeStore {

    private final Database database;

    public JdbcCodeStore(Database database) {
        this.database = database;
    }

    @Override
    public void replace(StoredCode code) {
        database.transaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM verification_codes WHERE citizen = ? AND purpose = ?")) {
                delete.setString(1, code.citizen());
                delete.setString(2, code.operation());
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO verification_codes (code_hash, citizen, "
                    + "purpose, issued_at, expires_at, used) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, code.codeHash());
                insert.setString(2, code.citizen());
                insert.setString(3, code.operation());
                Jdbc.setInstant(insert, 4, code.issuedAt());
                Jdbc.setInstant(insert, 5, code.expiresAt());
                insert.setBoolean(6, code.used());
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<StoredCode> findByHash(String codeHash) {
        return database.transaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM verification_codes WHERE code_hash = ?")) {
                select.setString(1, codeHash);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.<StoredCode>empty();
                    }
                    return Optional.of(new StoredCode(codeHash, rows.getString("citizen"),
                            rows.getString("purpose"), Jdbc.instant(rows, "issued_at"),
                            Jdbc.instant(rows, "expires_at"), rows.getBoolean("used")));
                }
            }
        });
    }

    @Override
    public boolean markUsed(String codeHash) {
        return database.transaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE verification_codes SET used = TRUE WHERE code_hash = ? AND used = FALSE")) {
                update.setString(1, codeHash);
                return update.executeUpdate() == 1;
            }
        });
    }
}
