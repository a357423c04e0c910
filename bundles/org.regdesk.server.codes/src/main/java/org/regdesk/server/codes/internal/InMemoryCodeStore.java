package org.regdesk.server.codes.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link CodeStore} in memory, for tests and the demo until the database store lands. */
public final class InMemoryCodeStore implements CodeStore {

    private final Map<String, StoredCode> byHash = new ConcurrentHashMap<>();

    @Override
    public synchronized void replace(StoredCode code) {
        byHash.values().removeIf(old -> old.citizen().equals(code.citizen()) && old.operation().equals(code.operation()));
        byHash.put(code.codeHash(), code);
    }

    @Override
    public Optional<StoredCode> findByHash(String codeHash) {
        return Optional.ofNullable(byHash.get(codeHash));
    }

    @Override
    public synchronized boolean markUsed(String codeHash) {
        StoredCode code = byHash.get(codeHash);
        if (code == null || code.used()) {
            return false;
        }
        byHash.put(codeHash, new StoredCode(code.codeHash(), code.citizen(), code.operation(), code.issuedAt(), code.expiresAt(), true));
        return true;
    }
}
