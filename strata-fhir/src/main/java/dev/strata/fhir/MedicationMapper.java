package dev.strata.fhir;

import dev.strata.json.Json;
import dev.strata.model.Message;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;

/**
 * MedicationDispense and MedicationRequest → {@code Medication Refill} with drug_class (the
 * {@code drug} table by RxNorm code, else the first {@code drug_ingredient} keyword in the drug's
 * name, else {@code other}), days_supply ({@link DaysSupply}: stated, from quantity and dosage, or
 * the default) with its source, and the RxNorm code.
 */
final class MedicationMapper {
    private MedicationMapper() {
    }

    static List<Message> dispense(MedicationDispense d, MappingContext ctx) throws Unusable, Unmapped {
        MedicationDispense.MedicationDispenseStatus s = d.getStatus();
        if (s != null && s != MedicationDispense.MedicationDispenseStatus.COMPLETED) {
            throw new Unmapped("MedicationDispense status " + s.toCode() + " is not completed");
        }
        String userId = MappingContext.userId(d.getSubject(), "subject");
        long time = MappingContext.time("whenHandedOver, whenPrepared", d.getWhenHandedOverElement(), d.getWhenPreparedElement());
        Json.Obj.Builder p = drug(medication(d, d.getMedication(), ctx), ctx);
        DaysSupply.of(d.getDaysSupply(), d.getQuantity(), d.getDosageInstruction(), ctx.mapping).putInto(p);
        if (d.hasQuantity() && d.getQuantity().hasValue()) p.put("quantity", MappingContext.num(d.getQuantity().getValue().doubleValue()));
        Coding type = MappingContext.firstCoding(d.getType());
        if (type != null) MappingContext.put(p, "fill_type", type.getCode());
        p.put("source", MappingContext.str("MedicationDispense"));
        return List.of(MappingContext.track(d, null, userId, time, ctx.mapping.event("refill"), p));
    }

    static List<Message> request(MedicationRequest r, MappingContext ctx) throws Unusable, Unmapped {
        MedicationRequest.MedicationRequestStatus s = r.getStatus();
        if (s == MedicationRequest.MedicationRequestStatus.CANCELLED || s == MedicationRequest.MedicationRequestStatus.ENTEREDINERROR
                || s == MedicationRequest.MedicationRequestStatus.DRAFT) {
            throw new Unmapped("MedicationRequest status " + s.toCode() + " is not a prescription");
        }
        MedicationRequest.MedicationRequestIntent intent = r.getIntent();
        if (intent == MedicationRequest.MedicationRequestIntent.PROPOSAL || intent == MedicationRequest.MedicationRequestIntent.PLAN
                || intent == MedicationRequest.MedicationRequestIntent.OPTION) {
            throw new Unmapped("MedicationRequest intent " + intent.toCode() + " is not an order");
        }
        String userId = MappingContext.userId(r.getSubject(), "subject");
        long time = MappingContext.time("authoredOn", r.getAuthoredOnElement());
        Json.Obj.Builder p = drug(medication(r, r.getMedication(), ctx), ctx);
        MedicationRequest.MedicationRequestDispenseRequestComponent dr = r.getDispenseRequest();
        DaysSupply.of(dr.hasExpectedSupplyDuration() ? dr.getExpectedSupplyDuration() : null,
                dr.hasQuantity() ? dr.getQuantity() : null, r.getDosageInstruction(), ctx.mapping).putInto(p);
        if (dr.hasNumberOfRepeatsAllowed()) p.put("repeats_allowed", MappingContext.num(dr.getNumberOfRepeatsAllowed()));
        p.put("source", MappingContext.str("MedicationRequest"));
        return List.of(MappingContext.track(r, null, userId, time, ctx.mapping.event("refill"), p));
    }

    /** The drug concept: inline, a contained Medication, or a Medication elsewhere in the bundle. */
    private static CodeableConcept medication(DomainResource owner, Type med, MappingContext ctx) throws Unusable {
        // an unresolved reference still maps (drug_class other); only a missing medication[x] is unusable
        if (med instanceof CodeableConcept cc) return cc;
        if (med instanceof Reference ref && ref.hasReference()) {
            String target = ref.getReference();
            Resource found = null;
            if (target.startsWith("#")) {
                for (Resource c : owner.getContained()) {
                    if (c.getIdElement().getIdPart() != null && ("#" + c.getIdElement().getIdPart()).equals(target)) found = c;
                    else if (target.equals(c.getId())) found = c;
                }
            } else {
                found = ctx.bundleResources.get(target);
            }
            if (found == null && ref.getResource() instanceof Medication m) found = m;
            if (found instanceof Medication m) return m.getCode();
            // bulk-export NDJSON keeps Medications in a file of their own: the refill still counts,
            // classed by the reference's display if any, else "other"
            return new CodeableConcept().setText(ref.hasDisplay() ? ref.getDisplay() : null);
        }
        throw new Unusable("no medication[x]");
    }

    private static Json.Obj.Builder drug(CodeableConcept cc, MappingContext ctx) {
        Json.Obj.Builder p = new Json.Obj.Builder();
        String cls = ctx.lookup("drug", cc);
        if (cls == null) cls = ctx.mapping.keyword("drug_ingredient", MappingContext.text(cc));
        p.put("drug_class", MappingContext.str(cls == null ? "other" : cls));
        for (Coding c : cc.getCoding()) {
            if ("http://www.nlm.nih.gov/research/umls/rxnorm".equals(c.getSystem())) {
                MappingContext.put(p, "rxnorm", c.getCode());
                break;
            }
        }
        String name = cc.hasText() ? cc.getText() : cc.hasCoding() ? cc.getCodingFirstRep().getDisplay() : null;
        MappingContext.put(p, "drug", name);
        return p;
    }
}
