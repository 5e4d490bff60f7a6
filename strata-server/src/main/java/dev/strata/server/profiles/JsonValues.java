package dev.strata.server.profiles;

import dev.strata.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The engine's JSON values as plain Java values the HTTP layer writes as JSON. */
final class JsonValues {
    private JsonValues() {
    }

    static Object plain(Json j) {
        if (j == null || j instanceof Json.Null) return null;
        if (j instanceof Json.Bool b) return b.value();
        if (j instanceof Json.Str s) return s.value();
        if (j instanceof Json.Num n) {
            double d = n.value();
            // Whole numbers read back as they were sent (42, not 42.0).
            if (d == Math.rint(d) && Math.abs(d) < 1e15) return (long) d;
            return d;
        }
        if (j instanceof Json.Arr a) {
            List<Object> out = new ArrayList<>(a.items().size());
            for (Json item : a.items()) out.add(plain(item));
            return out;
        }
        Json.Obj o = (Json.Obj) j;
        Map<String, Object> out = new LinkedHashMap<>();
        o.fields().forEach((k, v) -> out.put(k, plain(v)));
        return out;
    }
}
