package dev.strata.store.sql;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The audit log's hash: SHA-256 over a canonical encoding of an entry's fields and the previous
 * entry's hash. Each field is written as its length and its UTF-8 bytes (a null as length -1), so
 * no two different entries share an encoding however their texts are split.
 */
final class AuditChain {
    /** The previous hash of the first entry. */
    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    static String hash(long seq, long atMillis, String actor, String role, String action, String target,
                       String remote, String prevHash) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        writeField(out, "strata-audit-v1");
        writeField(out, Long.toString(seq));
        writeField(out, Long.toString(atMillis));
        writeField(out, actor);
        writeField(out, role);
        writeField(out, action);
        writeField(out, target);
        writeField(out, remote);
        writeField(out, prevHash);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void writeField(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.writeBytes("-1:".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(bytes);
    }
}
