package dev.strata.fhir;

import dev.strata.json.Json;
import dev.strata.model.Message;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** Where the committed fixtures are, and small lookups over imported messages. */
final class Fixtures {
    private Fixtures() {
    }

    static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Message byId(List<Message> messages, String messageId) {
        return messages.stream().filter(m -> messageId.equals(m.messageId())).findFirst()
                .orElseThrow(() -> new AssertionError("no message " + messageId));
    }

    static Json path(Json.Obj o, String... keys) {
        Json v = o;
        for (String k : keys) v = ((Json.Obj) v).get(k);
        return v;
    }

    static String str(Json.Obj o, String... keys) {
        Json v = path(o, keys);
        return v == null ? null : ((Json.Str) v).value();
    }

    static Double num(Json.Obj o, String... keys) {
        Json v = path(o, keys);
        return v == null ? null : ((Json.Num) v).value();
    }
}
