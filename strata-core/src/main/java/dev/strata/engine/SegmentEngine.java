package dev.strata.engine;

import dev.strata.lang.Condition;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;

/**
 * Evaluates conditions over a loaded {@link Population} as of its instant. Two ways in: a whole
 * condition to a bitmap of member ids, or one user at a time.
 */
public final class SegmentEngine {
    private final Population population;

    public SegmentEngine(Population population) {
        this.population = population;
    }

    public Population population() {
        return population;
    }

    /**
     * The dense ids of the members of {@code condition}.
     *
     * @param segments definitions that {@code in segment "name"} may refer to
     */
    public RoaringBitmap evaluate(Condition condition, Map<String, Condition> segments) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Whether the user with dense id {@code user} satisfies {@code condition}. */
    public boolean test(int user, Condition condition, Map<String, Condition> segments) {
        throw new UnsupportedOperationException("not yet");
    }
}
