package dev.strata.live;

import dev.strata.engine.TimeSlice;
import dev.strata.lang.Path;

/** What the time of a profile's next possible change depends on: its event times and date strings. */
interface Timeline {
    TimeSlice eventTimes(String event);

    /** The string at a trait or context path, or null. */
    String text(Path path);
}
