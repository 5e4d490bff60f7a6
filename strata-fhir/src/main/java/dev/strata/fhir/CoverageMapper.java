package dev.strata.fhir;

import dev.strata.json.Json;
import dev.strata.model.Message;
import java.util.List;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Reference;

/**
 * Coverage → identify with trait {@code plan} (the {@code plan} table by Coverage.type, else a
 * {@code plan_payor} keyword in the payor's or type's name, else {@code other}) at the period start.
 * Cancelled, draft and entered-in-error coverages are unmapped.
 */
final class CoverageMapper {
    private CoverageMapper() {
    }

    static List<Message> map(Coverage c, MappingContext ctx) throws Unusable, Unmapped {
        if (c.getStatus() != null && c.getStatus() != Coverage.CoverageStatus.ACTIVE) {
            throw new Unmapped("Coverage status " + c.getStatus().toCode() + " is not active");
        }
        String userId = MappingContext.userId(c.getBeneficiary(), "beneficiary");
        long time = MappingContext.time("period.start, meta.lastUpdated", c.getPeriod(), c.getMeta().getLastUpdatedElement());
        StringBuilder names = new StringBuilder();
        for (Reference payor : c.getPayor()) if (payor.hasDisplay()) names.append(payor.getDisplay()).append(' ');
        names.append(MappingContext.text(c.getType()));
        String plan = ctx.lookup("plan", c.getType());
        if (plan == null) plan = ctx.mapping.keyword("plan_payor", names.toString());
        if (plan == null && c.hasType() && "http://terminology.hl7.org/CodeSystem/coverage-selfpay".equals(c.getType().getCodingFirstRep().getSystem())) {
            plan = "uninsured";
        }
        Json.Obj.Builder t = new Json.Obj.Builder();
        t.put("plan", MappingContext.str(plan == null ? "other" : plan));
        String payor = c.hasPayor() && c.getPayorFirstRep().hasDisplay() ? c.getPayorFirstRep().getDisplay() : null;
        MappingContext.put(t, "plan_payor", payor);
        return List.of(MappingContext.identify(c, null, userId, time, t));
    }
}
