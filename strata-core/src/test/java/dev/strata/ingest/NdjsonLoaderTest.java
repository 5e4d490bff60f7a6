package dev.strata.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.model.Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NdjsonLoaderTest {
    @TempDir
    Path dir;

    private static String track(int i) {
        return "{\"type\":\"track\",\"userId\":\"u" + i + "\",\"event\":\"E\",\"timestamp\":\"2025-01-01T00:00:00Z\",\"messageId\":\"m" + i + "\"}";
    }

    /** Every 7th line is broken; line numbers must stay right across block boundaries and threads. */
    @ParameterizedTest
    @ValueSource(ints = {16, 100, 1000, 1 << 22})
    void keepsFileOrderAndLineNumbersAcrossBlocks(int blockBytes) throws IOException {
        StringBuilder sb = new StringBuilder("\uFEFF");
        List<Integer> broken = new ArrayList<>();
        for (int i = 1; i <= 500; i++) {
            if (i % 7 == 0) {
                sb.append("{broken ").append(i).append("\r\n");
                broken.add(i);
            } else {
                sb.append(track(i)).append(i % 5 == 0 ? "\r\n" : "\n");
            }
        }
        Path f = dir.resolve("x.ndjson");
        Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
        List<Long> problemLines = new ArrayList<>();
        List<Message> got = new ArrayList<>();
        NdjsonLoader loader = new NdjsonLoader(p -> problemLines.add(p.line()), false, 0, 100, 2).withBlockBytes(blockBytes);
        NdjsonLoader.Result r = loader.load(List.of(f), got::add);
        assertThat(r.lines()).isEqualTo(500);
        assertThat(r.invalid()).isEqualTo(broken.size());
        assertThat(problemLines).containsExactlyElementsOf(broken.stream().map(Integer::longValue).toList());
        List<String> ids = got.stream().map(Message::userId).toList();
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 500; i++) if (i % 7 != 0) expected.add("u" + i);
        assertThat(ids).containsExactlyElementsOf(expected);
    }

    @Test
    void strictStopsWithFileAndLine() throws IOException {
        Path f = dir.resolve("s.ndjson");
        Files.writeString(f, track(1) + "\n\n[1,2]\n" + track(2) + "\n");
        NdjsonLoader loader = new NdjsonLoader(p -> { }, true, 0, 100);
        assertThatThrownBy(() -> loader.load(List.of(f), m -> { }))
                .isInstanceOf(NdjsonLoader.StrictModeException.class)
                .hasMessage(f + ":3: expected a JSON object, found an array");
    }

    @Test
    void lastLineWithoutNewlineAndMissingTimestamp() throws IOException {
        Path f = dir.resolve("t.ndjson");
        Files.writeString(f, "{\"type\":\"identify\",\"anonymousId\":\"anon\",\"traits\":{\"a\":1}}");
        List<Message> got = new ArrayList<>();
        new NdjsonLoader(p -> { }, false, 12345L, 100).load(List.of(f), got::add);
        assertThat(got).hasSize(1);
        assertThat(got.get(0).userId()).isEqualTo("anon");
        assertThat(got.get(0).timestamp()).isEqualTo(12345L);
    }
}
