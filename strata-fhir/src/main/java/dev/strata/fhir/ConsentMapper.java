package dev.strata.fhir;

import dev.strata.json.Json;
import dev.strata.model.Message;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Consent.ConsentProvisionType;
import org.hl7.fhir.r4.model.Consent.ConsentState;
import org.hl7.fhir.r4.model.Consent.ProvisionComponent;

/**
 * Consent → {@code consent.<channel>} for the channels its provisions name (a code of the
 * {@code consent_channel} table in the provision's action, purpose or code, else in the Consent's
 * category for the top provision). An active consent permits (true) or denies (false) each
 * channel, nested provisions overriding the one around them; a rejected consent is false for its
 * channels; an inactive one makes them unknown again (null). The values are folded per patient
 * into one {@code consent} object ({@link PatientSummaries}), since an identify replaces it whole.
 * Draft, proposed and entered-in-error consents, and consents naming no channel, are unmapped.
 */
final class ConsentMapper {
    private ConsentMapper() {
    }

    static List<Message> map(Consent c, MappingContext ctx) throws Unusable, Unmapped {
        ConsentState status = c.getStatus();
        if (status != ConsentState.ACTIVE && status != ConsentState.REJECTED && status != ConsentState.INACTIVE) {
            throw new Unmapped("Consent status " + (status == null ? "missing" : status.toCode()) + " is not in force");
        }
        Map<String, ConsentProvisionType> decided = new LinkedHashMap<>();
        ProvisionComponent root = c.getProvision();
        ConsentProvisionType rootType = root.hasType() ? root.getType() : ConsentProvisionType.PERMIT;
        List<String> rootChannels = channels(root, ctx);
        if (rootChannels.isEmpty()) {
            for (CodeableConcept category : c.getCategory()) addChannel(ctx.lookup("consent_channel", category), rootChannels);
        }
        for (String ch : rootChannels) decided.put(ch, rootType);
        nested(root, rootType, decided, ctx);
        if (decided.isEmpty()) throw new Unmapped("Consent names no channel of the consent_channel table");
        String patient = MappingContext.userId(c.getPatient(), "patient");
        long time;
        if (status == ConsentState.INACTIVE) {
            time = MappingContext.time("provision.period.end, meta.lastUpdated, dateTime",
                    root.getPeriod().getEndElement(), c.getMeta().getLastUpdatedElement(), c.getDateTimeElement());
        } else {
            time = MappingContext.time("dateTime, provision.period.start, meta.lastUpdated",
                    c.getDateTimeElement(), root.getPeriod().getStartElement(), c.getMeta().getLastUpdatedElement());
        }
        Long until = status == ConsentState.ACTIVE && root.getPeriod().hasEnd() ? MappingContext.millis(root.getPeriod().getEndElement()) : null;
        // An active consent whose period had ended when it was recorded says nothing about now.
        boolean ended = until != null && until <= time;
        for (Map.Entry<String, ConsentProvisionType> d : decided.entrySet()) {
            Json value = status == ConsentState.INACTIVE || ended ? Json.NULL
                    : status == ConsentState.REJECTED ? Json.FALSE
                    : d.getValue() == ConsentProvisionType.DENY ? Json.FALSE : Json.TRUE;
            ctx.summaries.consent(patient, d.getKey(), time, value);
            // A consent given for a period stops being known when it ends.
            if (until != null && until > time) ctx.summaries.consent(patient, d.getKey(), until, Json.NULL);
        }
        return List.of();
    }

    private static void nested(ProvisionComponent parent, ConsentProvisionType parentType, Map<String, ConsentProvisionType> decided, MappingContext ctx) {
        for (ProvisionComponent p : parent.getProvision()) {
            ConsentProvisionType type = p.hasType() ? p.getType() : parentType;
            for (String ch : channels(p, ctx)) decided.put(ch, type);
            nested(p, type, decided, ctx);
        }
    }

    private static List<String> channels(ProvisionComponent p, MappingContext ctx) {
        List<String> out = new java.util.ArrayList<>();
        for (CodeableConcept action : p.getAction()) addChannel(ctx.lookup("consent_channel", action), out);
        for (Coding purpose : p.getPurpose()) addChannel(ctx.mapping.code("consent_channel", purpose.getSystem(), purpose.getCode()), out);
        for (CodeableConcept code : p.getCode()) addChannel(ctx.lookup("consent_channel", code), out);
        return out;
    }

    private static void addChannel(String channel, List<String> out) {
        if (channel != null && !out.contains(channel)) out.add(channel);
    }
}
