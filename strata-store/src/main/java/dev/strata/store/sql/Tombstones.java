package dev.strata.store.sql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The erased users, known by the SHA-256 of their key so that erasure does not leave the key itself
 * behind. (A hash of a guessable id is a pseudonym, not anonymisation: it only lets the store
 * recognise the user again, which is the point of a tombstone.) Read by request threads, written by
 * the message log's writer after an erasure commits.
 */
final class Tombstones {
    private final Set<String> hashes = ConcurrentHashMap.newKeySet();

    static String hash(String userKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(userKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    boolean contains(String userKey) {
        return !hashes.isEmpty() && hashes.contains(hash(userKey));
    }

    void addHash(String userHash) {
        hashes.add(userHash);
    }
}
