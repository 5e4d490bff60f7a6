package dev.strata.batch;

import dev.strata.engine.Population;
import dev.strata.engine.SegmentEngine;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;

/** Evaluates a file of definitions over a population and writes members or sizes as CSV. */
public final class BatchEvaluation {

    /** One segment's members as dense ids. */
    public record Result(String name, RoaringBitmap members) {
        public int size() {
            return members.getCardinality();
        }
    }

    private BatchEvaluation() {
    }

    /** Evaluates every definition (references resolve to earlier definitions), in file order. */
    public static List<Result> evaluate(Population population, SegmentDefinitions definitions) {
        SegmentEngine engine = new SegmentEngine(population);
        Map<String, dev.strata.lang.Condition> byName = definitions.byName();
        List<Result> results = new ArrayList<>();
        for (SegmentDefinitions.Named n : definitions.segments()) {
            results.add(new Result(n.name(), engine.evaluate(n.condition(), byName)));
        }
        return results;
    }

    /** {@code segment,user_id} rows sorted by segment name, then user id. */
    public static void writeMembers(Population population, List<Result> results, Writer out) throws IOException {
        MembershipCsv.row(out, "segment", "user_id");
        for (Result r : sortedByName(results)) {
            List<String> ids = new ArrayList<>(r.size());
            r.members().forEach((int id) -> ids.add(population.userId(id)));
            ids.sort(Comparator.naturalOrder());
            for (String id : ids) MembershipCsv.row(out, r.name(), id);
        }
        out.flush();
    }

    /** {@code segment,size} rows sorted by segment name. */
    public static void writeCounts(List<Result> results, Writer out) throws IOException {
        MembershipCsv.row(out, "segment", "size");
        for (Result r : sortedByName(results)) MembershipCsv.row(out, r.name(), Integer.toString(r.size()));
        out.flush();
    }

    private static List<Result> sortedByName(List<Result> results) {
        List<Result> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparing(Result::name));
        return sorted;
    }
}
