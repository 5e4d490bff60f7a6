package dev.strata.server.ops;

import dev.strata.live.LiveEngine;
import dev.strata.server.security.Allowed;
import dev.strata.server.security.Caller;
import dev.strata.server.security.Role;
import dev.strata.server.web.SmallCells;
import dev.strata.store.Store;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.view.InternalResourceView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Totals for dashboards, and the root page: the web console when its module (strata-console) is on
 * the classpath, the API docs otherwise.
 */
@RestController
@Tag(name = "stats")
public class StatsController {
    private static final boolean CONSOLE = new ClassPathResource("static/index.html").exists();

    private final LiveEngine engine;
    private final Store store;

    public StatsController(LiveEngine engine, Store store) {
        this.engine = engine;
        this.store = store;
    }

    @Operation(summary = "Profiles, stored messages and segments")
    @GetMapping("/api/stats")
    @SecurityRequirement(name = "bearer")
    @Allowed({Role.ADMIN, Role.EDITOR, Role.ANALYST})
    public Map<String, Object> stats(Caller caller) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("profiles", SmallCells.shown(engine.profileCount(), caller));
        out.put("messages", SmallCells.shown(store.messages().count(), caller));
        out.put("segments", store.segments().list().size());
        out.put("store", store.kind());
        return out;
    }

    @GetMapping("/")
    public View root() {
        return CONSOLE ? new InternalResourceView("/index.html") : new RedirectView("/docs");
    }
}
