package dev.strata.fhir;

import dev.strata.json.Json;
import dev.strata.model.Message;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;

/** Patient → one identify with demographic traits, named as in the synthetic population. */
final class PatientMapper {
    static final String GEOLOCATION = "http://hl7.org/fhir/StructureDefinition/geolocation";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private PatientMapper() {
    }

    static List<Message> map(Patient p, MappingContext ctx) throws Unusable {
        if (!p.hasIdElement() || !p.getIdElement().hasIdPart()) throw new Unusable("Patient has no id");
        String userId = p.getIdElement().getIdPart();
        Json.Obj.Builder t = new Json.Obj.Builder();
        if (p.hasBirthDate()) {
            // birthDate is a calendar date: keep it as written, not shifted through a time zone
            t.put("birthday", MappingContext.str(p.getBirthDateElement().getValueAsString()));
        }
        if (p.hasGender()) t.put("gender", MappingContext.str(p.getGender().toCode()));
        if (p.hasAddress()) t.put("address", address(preferredAddress(p)));
        if (p.hasMaritalStatus()) {
            String m = ctx.lookup("marital_status", p.getMaritalStatus());
            MappingContext.put(t, "marital_status", m != null ? m : p.getMaritalStatus().getText());
        }
        if (p.hasCommunication()) {
            Patient.PatientCommunicationComponent c = p.getCommunication().stream()
                    .filter(Patient.PatientCommunicationComponent::getPreferred).findFirst().orElse(p.getCommunicationFirstRep());
            if (c.hasLanguage() && c.getLanguage().hasCoding()) t.put("language", MappingContext.str(c.getLanguage().getCodingFirstRep().getCode()));
            else if (c.hasLanguage() && c.getLanguage().hasText()) t.put("language", MappingContext.str(c.getLanguage().getText()));
        }
        if (p.hasDeceased()) {
            if (p.getDeceased() instanceof DateTimeType d) {
                t.put("deceased", Json.TRUE);
                t.put("deceased_date", MappingContext.str(DAY.format(java.time.Instant.ofEpochMilli(MappingContext.millis(d)))));
            } else {
                t.put("deceased", p.getDeceasedBooleanType().booleanValue() ? Json.TRUE : Json.FALSE);
            }
        } else {
            t.put("deceased", Json.FALSE);
        }
        ContactPoints contacts = new ContactPoints(p.getTelecom(), System.currentTimeMillis());
        MappingContext.put(t, "phone", contacts.phone((int) ctx.mapping.setting("phone_country_code", 1)));
        MappingContext.put(t, "email", contacts.email());
        MappingContext.put(t, "preferred_contact", contacts.preferred());
        // A Patient carries no clinical time: the record's lastUpdated, else the day of birth, so
        // the identify precedes the person's events and a re-import gives the same message.
        long time = MappingContext.time("meta.lastUpdated, birthDate", p.getMeta().getLastUpdatedElement(), p.getBirthDateElement());
        return List.of(MappingContext.identify(p, null, userId, time, t));
    }

    private static Address preferredAddress(Patient p) {
        for (Address a : p.getAddress()) if (a.getUse() == Address.AddressUse.HOME) return a;
        return p.getAddressFirstRep();
    }

    static Json.Obj address(Address a) {
        Json.Obj.Builder b = new Json.Obj.Builder();
        MappingContext.put(b, "city", a.getCity());
        MappingContext.put(b, "state", a.getState());
        MappingContext.put(b, "zip", a.getPostalCode());
        MappingContext.put(b, "country", a.getCountry());
        Extension geo = a.getExtensionByUrl(GEOLOCATION);
        if (geo != null) {
            BigDecimal lat = decimal(geo.getExtensionByUrl("latitude"));
            BigDecimal lon = decimal(geo.getExtensionByUrl("longitude"));
            if (lat != null && lon != null) {
                b.put("latitude", MappingContext.num(lat.doubleValue()));
                b.put("longitude", MappingContext.num(lon.doubleValue()));
            }
        }
        return b.build();
    }

    private static BigDecimal decimal(Extension e) {
        return e != null && e.getValue() instanceof DecimalType d ? d.getValue() : null;
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
