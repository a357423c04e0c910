package org.regdesk.card.api;

import java.util.Arrays;
import java.util.HexFormat;

/** Digests a card signs; drivers wrap the digest as the card expects, usually as a DER DigestInfo. */
public enum DigestAlgorithm {
    SHA256(32, "3031300d060960864801650304020105000420"),
    SHA384(48, "3041300d060960864801650304020205000430"),
    SHA512(64, "3051300d060960864801650304020305000440");

    private final int length;
    private final byte[] digestInfoPrefix;

    DigestAlgorithm(int length, String digestInfoPrefixHex) {
        this.length = length;
        this.digestInfoPrefix = HexFormat.of().parseHex(digestInfoPrefixHex);
    }

    /** Digest length in bytes. */
    public int length() {
        return length;
    }

    /** The PKCS#1 v1.5 DigestInfo (RFC 8017, 9.2) around {@code digest}. */
    public byte[] digestInfo(byte[] digest) {
        if (digest.length != length) {
            throw new IllegalArgumentException(this + " digests are " + length + " bytes, not " + digest.length);
        }
        byte[] digestInfo = Arrays.copyOf(digestInfoPrefix, digestInfoPrefix.length + digest.length);
        System.arraycopy(digest, 0, digestInfo, digestInfoPrefix.length, digest.length);
        return digestInfo;
    }
}
