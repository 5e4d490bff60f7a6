package dev.strata.fhir;

import dev.strata.json.Json;
import dev.strata.model.Message;
import java.util.List;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;

/**
 * QuestionnaireResponse → {@code Survey Answered} with {@code survey} (the questionnaire's id,
 * without URL or version) and {@code answers}: every answered item by linkId (nested groups
 * flattened), numbers and booleans as such, codings by code, other values as text.
 */
final class QuestionnaireResponseMapper {
    /** Answers beyond this are left out: a message is limited to 32 KB. */
    static final int MAX_ANSWERS = 200;

    private QuestionnaireResponseMapper() {
    }

    static List<Message> map(QuestionnaireResponse q, MappingContext ctx) throws Unusable, Unmapped {
        QuestionnaireResponse.QuestionnaireResponseStatus s = q.getStatus();
        if (s != QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED && s != QuestionnaireResponse.QuestionnaireResponseStatus.AMENDED) {
            throw new Unmapped("QuestionnaireResponse status " + (s == null ? "missing" : s.toCode()) + " is not completed");
        }
        String userId = patient(q);
        long time = MappingContext.time("authored", q.getAuthoredElement());
        Json.Obj.Builder p = new Json.Obj.Builder();
        p.put("survey", MappingContext.str(surveyName(q)));
        Json.Obj.Builder answers = new Json.Obj.Builder();
        int[] count = {0};
        collect(q.getItem(), answers, count);
        p.put("answers", answers.build());
        return List.of(MappingContext.track(q, null, userId, time, ctx.mapping.event("survey"), p));
    }

    /** The subject; a subject contained in the response (no id outside it) falls back to the source. */
    private static String patient(QuestionnaireResponse q) throws Unusable {
        Reference subject = q.getSubject();
        if (subject.hasReference() && !subject.getReference().startsWith("#")) return MappingContext.userId(subject, "subject");
        if (q.getSource().hasReference()) return MappingContext.userId(q.getSource(), "source");
        throw new Unusable("no subject or source Patient reference outside the resource");
    }

    static String surveyName(QuestionnaireResponse q) {
        if (!q.hasQuestionnaire()) return "unknown";
        String s = q.getQuestionnaire();
        int bar = s.indexOf('|');
        if (bar >= 0) s = s.substring(0, bar);
        int slash = s.lastIndexOf('/');
        return slash >= 0 ? s.substring(slash + 1) : s;
    }

    private static void collect(List<QuestionnaireResponse.QuestionnaireResponseItemComponent> items, Json.Obj.Builder out, int[] count) {
        for (QuestionnaireResponse.QuestionnaireResponseItemComponent item : items) {
            for (QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent a : item.getAnswer()) {
                Json v = value(a.getValue());
                if (v != null && item.hasLinkId() && count[0] < MAX_ANSWERS) {
                    out.put(item.getLinkId(), v);
                    count[0]++;
                }
                collect(a.getItem(), out, count);
            }
            collect(item.getItem(), out, count);
        }
    }

    private static Json value(Type t) {
        if (t == null) return null;
        if (t instanceof BooleanType b) return b.booleanValue() ? Json.TRUE : Json.FALSE;
        if (t instanceof IntegerType i && i.getValue() != null) return MappingContext.num(i.getValue());
        if (t instanceof DecimalType d && d.getValue() != null) return MappingContext.num(d.getValue().doubleValue());
        if (t instanceof Coding c) return c.hasCode() ? MappingContext.str(c.getCode()) : c.hasDisplay() ? MappingContext.str(c.getDisplay()) : null;
        if (t instanceof PrimitiveType<?> p) return p.getValueAsString() == null ? null : MappingContext.str(p.getValueAsString());
        return null;
    }
}
