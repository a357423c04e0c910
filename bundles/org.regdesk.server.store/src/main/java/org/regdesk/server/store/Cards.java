package org.regdesk.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.regdesk.backend.api.Tckn;
import org.regdesk.server.store.internal.Jdbc;

/** Cards, their certificates' validity, and the sealed SO PINs of PKCS#11 tokens. */
public final class Cards {

    private static final String SELECT = "SELECT c.serial, c.holder_tckn, c.profile, c.key_reference, "
            + "(SELECT MAX(not_after) FROM certificates t WHERE t.card_serial = c.serial AND t.revoked_at IS NULL) AS not_after "
            + "FROM cards c ";

    private final Database database;

    public Cards(Database database) {
        this.database = database;
    }

    public List<CardRecord> ofHolder(Tckn holder) {
        return database.transaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT + "WHERE c.holder_tckn = ? ORDER BY c.serial")) {
                select.setString(1, holder.value());
                return read(select);
            }
        });
    }

    public Optional<CardRecord> find(String serial) {
        return database.transaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT + "WHERE c.serial = ?")) {
                select.setString(1, serial);
                return read(select).stream().findFirst();
            }
        });
    }

    private static List<CardRecord> read(PreparedStatement select) throws SQLException {
        List<CardRecord> cards = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                cards.add(new CardRecord(rows.getString("serial"), new Tckn(rows.getString("holder_tckn")),
                        rows.getString("profile"), rows.getString("key_reference"), Jdbc.optionalInstant(rows, "not_after")));
            }
        }
        return cards;
    }

    public void insert(String serial, Tckn holder, String profile, String keyReference, String soPinSealed) {
        database.transaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO cards (serial, holder_tckn, profile, "
                    + "key_reference, so_pin_sealed) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, serial);
                insert.setString(2, holder.value());
                insert.setString(3, profile);
                insert.setString(4, keyReference);
                insert.setString(5, soPinSealed);
                return insert.executeUpdate();
            }
        });
    }

    public void insertCertificate(String serialNumber, String cardSerial, String subject, Instant notBefore, Instant notAfter) {
        database.transaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO certificates (serial_number, card_serial, "
                    + "subject, not_before, not_after) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, serialNumber);
                insert.setString(2, cardSerial);
                insert.setString(3, subject);
                Jdbc.setInstant(insert, 4, notBefore);
                Jdbc.setInstant(insert, 5, notAfter);
                return insert.executeUpdate();
            }
        });
    }

    public Optional<SoPins> soPins(String serial) {
        return database.transaction(connection -> soPins(connection, serial));
    }

    private static Optional<SoPins> soPins(Connection connection, String serial) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT so_pin_sealed, so_pin_pending_sealed FROM cards WHERE serial = ?")) {
            select.setString(1, serial);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next() || rows.getString(1) == null) {
                    return Optional.empty();
                }
                return Optional.of(new SoPins(rows.getString(1), Optional.ofNullable(rows.getString(2))));
            }
        }
    }

    /** Records the next SO PIN beside the current one, unless a rotation is already pending (then keeps it). */
    public SoPins beginRotation(String serial, String nextSealed) {
        return database.transaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE cards SET so_pin_pending_sealed = ? "
                    + "WHERE serial = ? AND so_pin_sealed IS NOT NULL AND so_pin_pending_sealed IS NULL")) {
                update.setString(1, nextSealed);
                update.setString(2, serial);
                boolean resumed = update.executeUpdate() == 0;
                SoPins pins = soPins(connection, serial).orElseThrow(() -> new IllegalStateException("card has no SO PIN"));
                return new SoPins(pins.currentSealed(), pins.pendingSealed(), resumed);
            }
        });
    }

    /** The desk confirmed the token now has the pending SO PIN: it becomes the current one. */
    public boolean confirmRotation(String serial) {
        return database.transaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE cards SET so_pin_sealed = so_pin_pending_sealed, "
                    + "so_pin_pending_sealed = NULL WHERE serial = ? AND so_pin_pending_sealed IS NOT NULL")) {
                update.setString(1, serial);
                return update.executeUpdate() == 1;
            }
        });
    }
}
