package dev.strata.server.segments;

import dev.strata.lang.Condition;
import dev.strata.lang.SegmentParser;
import dev.strata.live.LiveEngine;
import dev.strata.live.MembershipChange;
import dev.strata.live.SegmentKind;
import dev.strata.store.SegmentRepository;
import dev.strata.store.SegmentRepository.SegmentRecord;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Puts saved segments into the engine: at start, every one; later, one at a time. */
public final class SavedSegments {
    private static final Logger log = LoggerFactory.getLogger(SavedSegments.class);

    private SavedSegments() {
    }

    /**
     * Defines every saved segment, referenced segments first; static segments get their saved
     * member lists. A segment that no longer defines (its text stopped parsing) is logged and left
     * out rather than keeping the server from starting.
     *
     * @return the number of segments defined
     */
    public static int installAll(LiveEngine engine, SegmentRepository segments) {
        int n = 0;
        for (SegmentRecord s : SegmentOrder.dependenciesFirst(segments.list())) {
            try {
                SegmentKind kind = kindOf(s);
                install(engine, s, kind == SegmentKind.STATIC ? segments.staticMembers(s.id()) : null);
                n++;
            } catch (RuntimeException e) {
                log.error("segment '{}' ({}) could not be defined and is left out: {}", s.name(), s.id(), e.getMessage());
            }
        }
        return n;
    }

    /** Defines one segment; for a static one, {@code staticMembers} null means "the definition's members now". */
    static List<MembershipChange> install(LiveEngine engine, SegmentRecord s, Collection<String> staticMembers) {
        return engine.define(s.id(), s.name(), condition(s), kindOf(s), staticMembers);
    }

    /** The saved definition; null for a static segment uploaded as a list. */
    static Condition condition(SegmentRecord s) {
        return s.definition() == null ? null : SegmentParser.parse(s.definition());
    }

    static SegmentKind kindOf(SegmentRecord s) {
        SegmentKind k = SegmentKind.parse(s.kind());
        if (k == null) throw new IllegalStateException("segment " + s.id() + " has unknown kind '" + s.kind() + "'");
        return k;
    }
}
