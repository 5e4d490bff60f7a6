package dev.strata.personas;

import dev.strata.engine.Population;
import dev.strata.engine.SegmentEngine;
import dev.strata.lang.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.roaringbitmap.RoaringBitmap;

/**
 * The profiles to describe and a way to ask which of them satisfy a definition: persona features
 * are read through the segment language, so they mean exactly what a segment would.
 *
 * @param universe every profile, as engine ids
 * @param keys     user ids in the universe's ascending id order
 * @param members  members of a definition among all profiles (ids outside the universe are ignored)
 */
public record ProfileSource(RoaringBitmap universe, List<String> keys, Function<Condition, RoaringBitmap> members) {
    public ProfileSource {
        if (universe.getCardinality() != keys.size()) {
            throw new IllegalArgumentException("universe has " + universe.getCardinality() + " ids but " + keys.size() + " keys");
        }
    }

    /** A batch population evaluated as of its instant. */
    public static ProfileSource of(Population population) {
        SegmentEngine engine = new SegmentEngine(population);
        RoaringBitmap all = new RoaringBitmap();
        List<String> keys = new ArrayList<>(population.size());
        if (population.size() > 0) all.add(0L, population.size());
        for (int u = 0; u < population.size(); u++) keys.add(population.userId(u));
        return new ProfileSource(all, keys, c -> engine.evaluate(c, Map.of()));
    }

    /** The row of an engine id: its rank in the universe, or -1 when outside it. */
    int row(int id) {
        return universe.contains(id) ? (int) universe.rank(id) - 1 : -1;
    }

    int size() {
        return keys.size();
    }
}
