package dev.strata.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.RoaringBitmapWriter;

/**
 * The content of a snapshot: a {@link Population}'s arrays, in the order described in
 * {@code docs/engine.md}. Only what evaluation reads is kept; what is derived from it (user id
 * map, event users and latest timestamps, value indexes, packed dates) is rebuilt or left to be
 * built lazily, as after a load.
 */
final class PopulationCodec {
    private static final int BLOCK = 8192;

    private PopulationCodec() {
    }

    static void encode(Population p, long storeSeq, SnapshotOutput out) throws IOException {
        out.writeLong(storeSeq);
        out.writeLong(p.asOf());
        StringDictionary dictionary = p.dictionary;
        out.writeInt(dictionary.size());
        for (int code = 0; code < dictionary.size(); code++) out.writeString(dictionary.decode(code));
        int users = p.size();
        out.writeInt(users);
        for (int u = 0; u < users; u++) out.writeString(p.userId(u));
        writeLevel(out, p.traits.roots(), users);
        writeLevel(out, p.context.roots(), users);
        List<String> names = new ArrayList<>(p.eventNames());
        Collections.sort(names); // the same population always gives the same bytes
        out.writeInt(names.size());
        for (String name : names) {
            EventLog log = p.events(name);
            out.writeString(name);
            out.writeInt(log.rows());
            out.writeInts(log.offsets());
            out.writeLongs(log.timestamps);
            writeLevel(out, log.properties().roots(), log.rows());
        }
        // Since format 2: when each trait and the context were set, so a restored profile can be
        // continued exactly (a late identify with an older timestamp must not win).
        List<String> keys = new ArrayList<>(p.traitTimes.keySet());
        Collections.sort(keys);
        out.writeInt(keys.size());
        for (String key : keys) {
            out.writeString(key);
            out.writeLongs(p.traitTimes.get(key));
        }
        out.writeLongs(p.contextTimes);
    }

    static PopulationSnapshot.Restored decode(SnapshotInput in) throws IOException {
        long storeSeq = in.readLong();
        long asOf = in.readLong();
        String[] strings = new String[in.readCount(4, "dictionary size")];
        for (int i = 0; i < strings.length; i++) strings[i] = in.readString();
        StringDictionary dictionary = StringDictionary.of(strings);
        int users = in.readCount(4, "number of profiles");
        String[] userIds = new String[users];
        Map<String, Integer> idsByUser = new HashMap<>(Math.max(16, (int) (users / 0.75f) + 1));
        for (int u = 0; u < users; u++) {
            userIds[u] = in.readString();
            if (idsByUser.put(userIds[u], u) != null) throw in.corrupt("profile " + userIds[u] + " appears twice");
        }
        ColumnFamily traits = readFamily(in, dictionary, users);
        ColumnFamily context = readFamily(in, dictionary, users);
        int logs = in.readCount(4, "number of event names");
        Map<String, EventLog> events = new HashMap<>();
        for (int i = 0; i < logs; i++) {
            String name = in.readString();
            int rows = in.readCount(8, "number of '" + name + "' events");
            if ((users + 1L) * 4 > in.remaining()) throw in.corrupt("the offsets of '" + name + "' exceed the bytes left");
            int[] offsets = new int[users + 1];
            in.readInts(offsets, 0, offsets.length);
            RoaringBitmap present = usersWithRows(in, name, offsets, rows);
            long[] timestamps = new long[rows];
            in.readLongs(timestamps);
            ColumnFamily properties = readFamily(in, dictionary, rows);
            if (events.put(name, new EventLog(name, present, offsets, timestamps, properties)) != null) {
                throw in.corrupt("event name '" + name + "' appears twice");
            }
        }
        int keys = in.readCount(4, "number of trait keys");
        Map<String, long[]> traitTimes = new HashMap<>();
        for (int i = 0; i < keys; i++) {
            String key = in.readString();
            if ((long) users * 8 > in.remaining()) throw in.corrupt("the times of trait '" + key + "' exceed the bytes left");
            long[] times = new long[users];
            in.readLongs(times);
            if (traitTimes.put(key, times) != null) throw in.corrupt("trait key '" + key + "' appears twice");
        }
        if ((long) users * 8 > in.remaining()) throw in.corrupt("the context times exceed the bytes left");
        long[] contextTimes = new long[users];
        in.readLongs(contextTimes);
        return new PopulationSnapshot.Restored(
                new Population(asOf, List.of(userIds), idsByUser, dictionary, traits, context, events, traitTimes, contextTimes), storeSeq);
    }

    /** The users with at least one row, checking on the way that the offsets partition the rows. */
    private static RoaringBitmap usersWithRows(SnapshotInput in, String name, int[] offsets, int rows) throws IOException {
        if (offsets[0] != 0 || offsets[offsets.length - 1] != rows) {
            throw in.corrupt("the offsets of '" + name + "' do not span its " + rows + " rows");
        }
        RoaringBitmapWriter<RoaringBitmap> users = RoaringBitmapWriter.writer().get();
        for (int u = 0; u + 1 < offsets.length; u++) {
            if (offsets[u + 1] < offsets[u]) throw in.corrupt("the offsets of '" + name + "' decrease at profile " + u);
            if (offsets[u + 1] > offsets[u]) users.add(u);
        }
        RoaringBitmap b = users.get();
        b.runOptimize();
        return b;
    }

    // ---- column trees ------------------------------------------------------------------------

    private static void writeLevel(SnapshotOutput out, ColumnFamily.Level level, int rows) throws IOException {
        out.writeInt(level.size);
        for (int i = 0; i < level.size; i++) {
            out.writeString(level.keys[i]);
            writeColumn(out, level.nodes[i].column, rows);
            writeLevel(out, level.nodes[i].children, rows);
        }
    }

    private static ColumnFamily readFamily(SnapshotInput in, StringDictionary dictionary, int rows) throws IOException {
        ColumnFamily family = new ColumnFamily(dictionary, 0);
        readLevel(in, family, family.roots(), rows, dictionary.size());
        return family;
    }

    private static void readLevel(SnapshotInput in, ColumnFamily family, ColumnFamily.Level level, int rows, int codes)
            throws IOException {
        int size = in.readCount(4, "number of keys");
        for (int i = 0; i < size; i++) {
            String key = in.readString();
            ColumnFamily.Node node = family.attach(level, key, readColumn(in, rows, codes));
            readLevel(in, family, node.children, rows, codes);
        }
    }

    /**
     * A column as its present count, its tags, then only the numbers of NUMBER rows and the codes
     * of STRING rows (most rows of a property column hold neither): -1 instead of a count when the
     * column has no number (or string) array at all, which evaluation tells apart from an array of
     * unused cells.
     */
    private static void writeColumn(SnapshotOutput out, ValueColumn c, int rows) throws IOException {
        if (c.tags.length != rows) {
            throw new IllegalStateException("a column of " + c.tags.length + " rows in a family of " + rows);
        }
        out.writeInt(c.present);
        out.writeBytes(c.tags, 0, rows);
        out.writeInt(c.nums == null ? -1 : count(c.tags, Tag.NUMBER));
        if (c.nums != null) {
            for (int row = 0; row < rows; row++) if (c.tags[row] == Tag.NUMBER) out.writeDouble(c.nums[row]);
        }
        out.writeInt(c.strs == null ? -1 : count(c.tags, Tag.STRING));
        if (c.strs != null) {
            for (int row = 0; row < rows; row++) if (c.tags[row] == Tag.STRING) out.writeInt(c.strs[row]);
        }
    }

    private static ValueColumn readColumn(SnapshotInput in, int rows, int codes) throws IOException {
        int present = in.readInt();
        if (rows > in.remaining()) throw in.corrupt("a column of " + rows + " rows with " + in.remaining() + " bytes left");
        byte[] tags = new byte[rows];
        in.readBytes(tags, 0, rows);
        int numberCells = 0;
        int stringCells = 0;
        for (int row = 0; row < rows; row++) {
            byte t = tags[row];
            if (t == Tag.NUMBER) numberCells++;
            else if (t == Tag.STRING) stringCells++;
            else if (t < Tag.MISSING || t > Tag.ARRAY) throw in.corrupt("unknown value tag " + t + " in row " + row);
        }
        double[] nums = readNumbers(in, tags, numberCells);
        int[] strs = readCodes(in, tags, stringCells, codes);
        return new ValueColumn(tags, nums, strs, present);
    }

    private static double[] readNumbers(SnapshotInput in, byte[] tags, int cells) throws IOException {
        int count = in.readInt();
        if (count == -1 && cells == 0) return null;
        if (count != cells) throw in.corrupt(count + " numbers for " + cells + " number cells");
        double[] nums = new double[tags.length];
        double[] block = new double[Math.min(BLOCK, count)];
        int row = 0;
        for (int done = 0; done < count; ) {
            int n = Math.min(block.length, count - done);
            in.readDoubles(block, 0, n);
            for (int j = 0; j < n; j++) {
                while (tags[row] != Tag.NUMBER) row++;
                nums[row++] = block[j];
            }
            done += n;
        }
        return nums;
    }

    private static int[] readCodes(SnapshotInput in, byte[] tags, int cells, int codes) throws IOException {
        int count = in.readInt();
        if (count == -1 && cells == 0) return null;
        if (count != cells) throw in.corrupt(count + " strings for " + cells + " string cells");
        int[] strs = new int[tags.length];
        int[] block = new int[Math.min(BLOCK, count)];
        int row = 0;
        for (int done = 0; done < count; ) {
            int n = Math.min(block.length, count - done);
            in.readInts(block, 0, n);
            for (int j = 0; j < n; j++) {
                while (tags[row] != Tag.STRING) row++;
                if (block[j] < 0 || block[j] >= codes) throw in.corrupt("string code " + block[j] + " outside the dictionary of " + codes);
                strs[row++] = block[j];
            }
            done += n;
        }
        return strs;
    }

    private static int count(byte[] tags, byte tag) {
        int n = 0;
        for (byte t : tags) if (t == tag) n++;
        return n;
    }
}
