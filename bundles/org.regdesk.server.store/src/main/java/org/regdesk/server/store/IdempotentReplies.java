package org.regdesk.server.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.regdesk.server.store.internal.Jdbc;

/**
 * Desk steps' answers by the desk's Idempotency-Key (table idempotent_replies), kept a day. Used inside
 * the step's transaction: {@link #claim} takes the key, {@link #complete} stores the answer, and both
 * commit with the step's own changes, so a step runs once however often the desk asks.
 */
public final class IdempotentReplies {

    /** A stored answer, and the path it answered (a key reused for another path is refused by the caller). */
    public record StoredReply(String path, int status, String contentType, byte[] body) {
    }

    private static final Duration KEEP = Duration.ofDays(1);

    private final Database database;

    public IdempotentReplies(Database database) {
        this.database = database;
    }

    /**
     * Claims the key for this request in the step's transaction; false when another request holds it. On
     * PostgreSQL a same-key request still running elsewhere is waited for: false then means its answer is
     * committed ({@link #earlier}); if it rolled back, this request claims the key instead.
     */
    public boolean claim(String desk, String key, String path, Instant now) {
        return database.transaction(connection -> {
            Jdbc.nowAndThenDelete(connection, "idempotent_replies", "created_at", now.minus(KEEP), 1_000);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO idempotent_replies (desk_id, request_key, "
                    + "path, status, content_type, body, created_at) VALUES (?, ?, ?, 0, '', ?, ?) ON CONFLICT DO NOTHING")) {
                insert.setString(1, desk);
                insert.setString(2, key);
                insert.setString(3, path);
                insert.setBytes(4, new byte[0]);
                Jdbc.setInstant(insert, 5, now);
                return insert.executeUpdate() == 1;
            }
        });
    }

    /** Stores the answer of the request that claimed the key; it commits with the step. */
    public void complete(String desk, String key, StoredReply reply) {
        database.transaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE idempotent_replies SET status = ?, "
                    + "content_type = ?, body = ? WHERE desk_id = ? AND request_key = ?")) {
                update.setInt(1, reply.status());
                update.setString(2, reply.contentType());
                update.setBytes(3, reply.body());
                update.setString(4, desk);
                update.setString(5, key);
                return update.executeUpdate();
            }
        });
    }

    /** The committed answer under this key; empty while the request that claimed it has not committed. */
    public Optional<StoredReply> earlier(String desk, String key) {
        return database.transaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT path, status, content_type, body "
                    + "FROM idempotent_replies WHERE desk_id = ? AND request_key = ? AND status > 0")) {
                select.setString(1, desk);
                select.setString(2, key);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(new StoredReply(rows.getString("path"), rows.getInt("status"),
                            rows.getString("content_type"), rows.getBytes("body"))) : Optional.<StoredReply>empty();
                }
            }
        });
    }
}
