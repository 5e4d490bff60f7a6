package dev.strata.ingest.csv;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Derived messageIds: a hash of the file's identity and the row's key cells, so importing the
 * same rows again yields the same ids and the message log stores nothing new.
 */
final class MessageIds {
    private MessageIds() {
    }

    static String derive(String source, List<String> keyCells) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        update(sha, source);
        // length-prefixed cells: ("a,b", "c") and ("a", "b,c") must not collide
        for (String cell : keyCells) update(sha, cell);
        byte[] digest = sha.digest();
        return "csv-" + HexFormat.of().formatHex(digest, 0, 16);
    }

    private static void update(MessageDigest sha, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        sha.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16), (byte) (bytes.length >>> 8), (byte) bytes.length});
        sha.update(bytes);
    }
}
