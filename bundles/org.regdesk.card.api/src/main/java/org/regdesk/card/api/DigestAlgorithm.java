package org.regdesk.card.api;

/** Digests a card signs; the driver wraps the digest in the card's expected format (DigestInfo). */
public enum DigestAlgorithm {
    SHA256(32), SHA384(48), SHA512(64);

    private final int length;

    DigestAlgorithm(int length) {
        this.length = length;
    }

    /** Digest length in bytes. */
    public int length() {
        return length;
    }
}
