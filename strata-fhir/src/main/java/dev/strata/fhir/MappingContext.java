package dev.strata.fhir;

import dev.strata.json.Json;
import dev.strata.model.Message;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;

/**
 * What the mappers share: the mapping tables, the resources of the bundle being read (to resolve a
 * {@code medicationReference}), and the rules for ids, user ids and times.
 */
final class MappingContext {
    final FhirMapping mapping;
    /** Medications of the current bundle by full URL and by {@code Medication/id}; empty for NDJSON. */
    final Map<String, Resource> bundleResources;
    /** Facts for the traits that need all of a patient's resources (chronic count, consents, survey answers). */
    final PatientSummaries summaries;

    MappingContext(FhirMapping mapping, Map<String, Resource> bundleResources, PatientSummaries summaries) {
        this.mapping = mapping;
        this.bundleResources = bundleResources;
        this.summaries = summaries;
    }

    /**
     * {@code fhir-TYPE-ID-VERSION[-PART]}: the same resource version always gives the same id, so a
     * re-import is deduplicated by the store, and a new version of a resource is a new message.
     */
    static String messageId(Resource r, String part) {
        String version = r.getMeta().hasVersionId() ? r.getMeta().getVersionId() : "0";
        String base = "fhir-" + r.fhirType() + "-" + r.getIdElement().getIdPart() + "-" + version;
        return part == null ? base : base + "-" + part;
    }

    /** The patient id a reference points to: {@code Patient/ID}, {@code urn:uuid:ID}, or an absolute URL ending so. */
    static String userId(Reference ref, String field) throws Unusable {
        if (ref == null || !ref.hasReference()) throw new Unusable("no " + field + " reference");
        String s = ref.getReference();
        if (s.startsWith("urn:uuid:")) return s.substring("urn:uuid:".length());
        if (s.startsWith("urn:oid:")) return s.substring("urn:oid:".length());
        int history = s.indexOf("/_history/");
        if (history >= 0) s = s.substring(0, history);
        int patient = s.lastIndexOf("Patient/");
        if (patient < 0) throw new Unusable(field + " '" + s + "' is not a Patient reference");
        String id = s.substring(patient + "Patient/".length());
        if (id.isEmpty() || id.contains("/") || id.contains("?")) throw new Unusable(field + " '" + s + "' is not a Patient reference");
        return id;
    }

    /** Epoch millis of the first present time, or an {@link Unusable} naming the fields tried. */
    static long time(String fields, Object... candidates) throws Unusable {
        for (Object c : candidates) {
            if (c instanceof Period p) c = p.getStartElement();
            if (c instanceof BaseDateTimeType dt && dt.getValue() != null) return millis(dt);
            if (c instanceof Date date) return date.getTime();
        }
        throw new Unusable("no time (" + fields + ")");
    }

    /**
     * A FHIR date or dateTime in epoch millis. A value without a time of day (2013, 2013-10,
     * 2013-10-10) is midnight UTC of its first day: HAPI would read it in the JVM's zone, which
     * would make the same file import differently on another machine.
     */
    static long millis(BaseDateTimeType dt) {
        if (dt.getPrecision().ordinal() <= TemporalPrecisionEnum.DAY.ordinal()) {
            String s = dt.getValueAsString();
            int year = Integer.parseInt(s.substring(0, 4));
            int month = s.length() >= 7 ? Integer.parseInt(s.substring(5, 7)) : 1;
            int day = s.length() >= 10 ? Integer.parseInt(s.substring(8, 10)) : 1;
            return LocalDate.of(year, month, day).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }
        return dt.getValue().getTime();
    }

    /** The start of a choice element that may be a dateTime or a Period. */
    static Object start(Type t) {
        if (t instanceof BaseDateTimeType || t instanceof Period) return t;
        return null;
    }

    /** The value of a coded table for the first coding of the concept found in it, or null. */
    String lookup(String table, CodeableConcept cc) {
        if (cc == null) return null;
        for (Coding c : cc.getCoding()) {
            String v = mapping.code(table, c.getSystem(), c.getCode());
            if (v != null) return v;
        }
        return null;
    }

    String lookup(String table, List<CodeableConcept> concepts) {
        for (CodeableConcept cc : concepts) {
            String v = lookup(table, cc);
            if (v != null) return v;
        }
        return null;
    }

    /** The first coding's code, for the properties that keep the source code. */
    static Coding firstCoding(CodeableConcept cc) {
        return cc != null && cc.hasCoding() ? cc.getCodingFirstRep() : null;
    }

    /** Text for keyword matching: the concept's text and every coding's display. */
    static String text(CodeableConcept cc) {
        if (cc == null) return null;
        StringBuilder sb = new StringBuilder(cc.hasText() ? cc.getText() : "");
        for (Coding c : cc.getCoding()) if (c.hasDisplay()) sb.append(' ').append(c.getDisplay());
        return sb.toString();
    }

    static Message track(Resource r, String part, String userId, long time, String event, Json.Obj.Builder props) {
        return Message.track(userId, messageId(r, part), time, event, props.build(), null);
    }

    static Message identify(Resource r, String part, String userId, long time, Json.Obj.Builder traits) {
        return Message.identify(userId, messageId(r, part), time, traits.build(), null);
    }

    static Json str(String s) {
        return new Json.Str(s);
    }

    static Json num(double d) {
        return new Json.Num(d);
    }

    /** Adds a string property when the value is present. */
    static void put(Json.Obj.Builder b, String key, String value) {
        if (value != null && !value.isEmpty()) b.put(key, new Json.Str(value));
    }
}
