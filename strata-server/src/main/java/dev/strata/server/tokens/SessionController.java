package dev.strata.server.tokens;

import dev.strata.server.security.Allowed;
import dev.strata.server.security.Caller;
import dev.strata.server.security.Role;
import dev.strata.server.web.SmallCells;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the caller's own token is: the console signs in with a token and needs its role to decide
 * what to show. Every role may ask, so an ingest token is told what it is instead of a bare 403.
 */
@RestController
@Tag(name = "tokens")
@SecurityRequirement(name = "bearer")
public class SessionController {

    /**
     * @param canSeePersonal whether the role reads member lists and profiles (the endpoints allowed to admins and
     *                       editors only); without it counts from 1 to 10 come as {@code "<11"}
     */
    public record Session(String name, String role, boolean canSeePersonal) {
    }

    @Operation(summary = "The caller's token: its name, role and whether it may read personal data")
    @GetMapping("/api/session")
    @Allowed({Role.ADMIN, Role.EDITOR, Role.ANALYST, Role.INGEST})
    public Session session(Caller caller) {
        // the same rule that decides whether counts are exact: one place says who sees personal data
        return new Session(caller.name(), caller.role().wireName(), SmallCells.of(caller).isExact());
    }
}
