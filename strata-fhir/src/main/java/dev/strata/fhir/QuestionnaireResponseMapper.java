package dev.strata.fhir;

import dev.strata.json.Json;
import dev.strata.model.Message;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        String survey = surveyName(q);
        p.put("survey", MappingContext.str(survey));
        Map<String, Json> answers = new LinkedHashMap<>();
        collect(q.getItem(), answers);
        Json.Obj.Builder answerObject = new Json.Obj.Builder();
        answers.forEach(answerObject::put);
        p.put("answers", answerObject.build());
        // the latest answer per item also becomes the trait survey.<questionnaire>.<linkId>
        answers.forEach((linkId, value) -> ctx.summaries.answer(userId, survey, linkId, time, value));
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

    private static void collect(List<QuestionnaireResponse.QuestionnaireResponseItemComponent> items, Map<String, Json> out) {
        for (QuestionnaireResponse.QuestionnaireResponseItemComponent item : items) {
            for (QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent a : item.getAnswer()) {
                Json v = value(a.getValue());
                if (v != null && item.hasLinkId() && (out.size() < MAX_ANSWERS || out.containsKey(item.getLinkId()))) {
                    out.put(item.getLinkId(), v);
                }
                collect(a.getItem(), out);
            }
            collect(item.getItem(), out);
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
