package dev.strata.live;

import dev.strata.engine.TimeSlice;
import dev.strata.lang.Path;

/** What the time of a profile's next possible change depends on: its event times and date strings. */
interface Timeline {
    TimeSlice eventTimes(String event);

    /** The string at a trait or context path, or null. */
    String text(Path path);

    /** A live profile's timeline: its event series and its trait and context strings. */
    static Timeline of(LiveProfile p) {
        return new Timeline() {
            @Override
            public TimeSlice eventTimes(String event) {
                EventSeries s = p.events(event);
                return s == null ? new TimeSlice(new long[0], 0, 0) : new TimeSlice(s.times(), 0, s.size());
            }

            @Override
            public String text(Path path) {
                return ProfileEvaluator.value(path, p) instanceof dev.strata.json.Json.Str s ? s.value() : null;
            }
        };
    }
}
