package dev.strata.testing;

import dev.strata.lang.Condition;
import dev.strata.lang.SegmentPrinter;
import dev.strata.model.Message;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One conformance input: messages in read order, the instant, a definition and the named
 * segments it may refer to. Its text form is what a failing property prints.
 */
public record ConformanceCase(long asOf, List<Message> messages, Condition condition, Map<String, Condition> segments) {

    public ConformanceCase {
        messages = List.copyOf(messages);
        segments = Collections.unmodifiableMap(new LinkedHashMap<>(segments));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("\nas of ").append(Instant.ofEpochMilli(asOf)).append('\n');
        sb.append("definition: ").append(SegmentPrinter.print(condition)).append('\n');
        segments.forEach((name, def) -> sb.append("segment ").append(name).append(": ").append(SegmentPrinter.print(def)).append('\n'));
        sb.append("messages (").append(messages.size()).append("):\n").append(MessageNdjson.write(messages));
        return sb.toString();
    }
}
