package dev.strata.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessageIdHashesTest {

    @Test
    void agreesWithAHashSetThroughRandomAddsAndRemoves() {
        for (long seed = 1; seed <= 5; seed++) {
            Random random = new Random(seed);
            MessageIdHashes hashes = new MessageIdHashes();
            Set<String> reference = new HashSet<>();
            List<String> universe = new ArrayList<>();
            for (int i = 0; i < 5_000; i++) universe.add("id-" + random.nextInt(1_000_000) + "-" + i % 7);
            for (int step = 0; step < 60_000; step++) {
                String id = universe.get(random.nextInt(universe.size()));
                MessageIdHashes.Hash128 h = MessageIdHashes.hash(id);
                if (random.nextInt(3) == 0) {
                    assertThat(hashes.remove(h)).as("remove %s (seed %d)", id, seed).isEqualTo(reference.remove(id));
                } else {
                    assertThat(hashes.add(h)).as("add %s (seed %d)", id, seed).isEqualTo(reference.add(id));
                }
                assertThat(hashes.size()).isEqualTo(reference.size());
            }
            for (String id : universe) {
                assertThat(hashes.contains(MessageIdHashes.hash(id))).isEqualTo(reference.contains(id));
            }
        }
    }

    @Test
    void hashesDependOnEveryCharacterAndTheLength() {
        Set<MessageIdHashes.Hash128> seen = new HashSet<>();
        List<String> ids = new ArrayList<>(List.of("", "a", "a\0", "\0a", "ab", "ba", "abcdefgh", "abcdefgi", "bbcdefgh",
                "abcdefghabcdefgh", "abcdefghabcdefgi", "550e8400-e29b-41d4-a716-446655440000",
                "550e8400-e29b-41d4-a716-446655440001", "😀", "\uD83D", "\uDE00"));
        for (int i = 0; i < 100_000; i++) ids.add("msg-" + i);
        for (String id : ids) seen.add(MessageIdHashes.hash(id));

        assertThat(seen).hasSize(ids.size());
        assertThat(MessageIdHashes.hash("same")).isEqualTo(MessageIdHashes.hash(new String("same")));
    }
}
