package dev.strata.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged, truncated or foreign file is refused with a {@link CorruptSnapshotException} that says why. */
class PopulationSnapshotDamageTest {

    @TempDir
    Path dir;
    Path file;
    byte[] good;

    @BeforeEach
    void writeGoodSnapshot() throws Exception {
        file = dir.resolve("population.snapshot");
        PopulationSnapshot.write(PopulationSnapshotTest.varied(), 99L, file);
        good = Files.readAllBytes(file);
    }

    @Test
    void every_single_byte_change_is_detected() throws Exception {
        for (int i = 0; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= (byte) (1 + (i % 255));
            Files.write(file, bad);
            int at = i;
            assertThatThrownBy(() -> PopulationSnapshot.read(file))
                    .as("byte %d of %d changed", at, good.length)
                    .isInstanceOf(CorruptSnapshotException.class)
                    .hasMessageStartingWith(file.toString());
        }
    }

    @Test
    void a_changed_content_byte_is_reported_as_a_checksum_mismatch() throws Exception {
        byte[] bad = good.clone();
        bad[bad.length / 2] ^= 0x10;
        Files.write(file, bad);
        assertThatThrownBy(() -> PopulationSnapshot.read(file))
                .isInstanceOf(CorruptSnapshotException.class).hasMessageContaining("checksum mismatch");
    }

    @Test
    void a_truncated_file_is_reported_as_truncated() throws Exception {
        for (int length : new int[] {PopulationSnapshot.HEADER, PopulationSnapshot.HEADER + 1, good.length / 2, good.length - 1}) {
            Files.write(file, Arrays.copyOf(good, length));
            assertThatThrownBy(() -> PopulationSnapshot.read(file)).as("cut to %d bytes", length)
                    .isInstanceOf(CorruptSnapshotException.class).hasMessageContaining("truncated");
        }
        for (int length : new int[] {0, 7, PopulationSnapshot.HEADER - 1}) {
            Files.write(file, Arrays.copyOf(good, length));
            assertThatThrownBy(() -> PopulationSnapshot.read(file)).as("cut to %d bytes", length)
                    .isInstanceOf(CorruptSnapshotException.class).hasMessageContaining("shorter than a snapshot header");
        }
    }

    @Test
    void trailing_bytes_are_refused() throws Exception {
        Files.write(file, Arrays.copyOf(good, good.length + 3));
        assertThatThrownBy(() -> PopulationSnapshot.read(file))
                .isInstanceOf(CorruptSnapshotException.class).hasMessageContaining("trailing bytes");
    }

    @Test
    void another_file_is_not_taken_for_a_snapshot() throws Exception {
        Files.writeString(file, "{\"type\":\"identify\",\"userId\":\"a\",\"timestamp\":\"2025-01-01T00:00:00Z\"}\n");
        assertThatThrownBy(() -> PopulationSnapshot.read(file))
                .isInstanceOf(CorruptSnapshotException.class).hasMessageContaining("not a population snapshot");
    }

    @Test
    void another_format_version_is_refused_by_number() throws Exception {
        ByteBuffer h = ByteBuffer.wrap(good).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(8, PopulationSnapshot.VERSION + 1);
        CRC32C crc = new CRC32C();
        crc.update(good, 0, 28);
        h.putInt(28, (int) crc.getValue()); // a well-formed header of a newer version
        Files.write(file, good);
        assertThatThrownBy(() -> PopulationSnapshot.read(file))
                .isInstanceOf(CorruptSnapshotException.class)
                .hasMessageContaining("format version " + (PopulationSnapshot.VERSION + 1))
                .hasMessageContaining("reads version " + PopulationSnapshot.VERSION);
    }

    @Test
    void a_missing_file_is_not_called_corrupt() {
        assertThatThrownBy(() -> PopulationSnapshot.read(dir.resolve("absent.snapshot")))
                .isInstanceOf(NoSuchFileException.class);
    }

    /** What a crash in the middle of a write leaves: the half-written temporary file beside the last good snapshot. */
    @Test
    void a_crashed_write_leaves_the_previous_snapshot_readable() throws Exception {
        Path partial = dir.resolve("population.snapshot.partial");
        Files.write(partial, Arrays.copyOf(good, good.length / 3));
        assertThat(PopulationSnapshot.read(file).storeSeq()).isEqualTo(99L);

        PopulationSnapshot.write(PopulationSnapshotTest.varied(), 100L, file);
        assertThat(partial).doesNotExist();
        assertThat(PopulationSnapshot.read(file).storeSeq()).isEqualTo(100L);
    }

    @Test
    void a_failed_write_keeps_the_previous_snapshot_and_removes_its_temporary_file() throws Exception {
        Population broken = PopulationSnapshotTest.varied();
        broken.traits.roots().nodes[0].column.tags = new byte[broken.size() + 1]; // rows disagree: the writer refuses
        assertThatThrownBy(() -> PopulationSnapshot.write(broken, 100L, file)).isInstanceOf(IllegalStateException.class);
        assertThat(dir.resolve("population.snapshot.partial")).doesNotExist();
        assertThat(Files.readAllBytes(file)).isEqualTo(good);
    }
}
