package dev.strata.server.scorecard;

import dev.strata.scorecard.ScorecardMetrics;
import dev.strata.scorecard.ScorecardRules;
import dev.strata.server.web.ApiException;
import dev.strata.server.web.Texts;
import java.util.LinkedHashMap;
import java.util.Map;

/** The weights a user sets for the ranking, read from a query parameter or a JSON body and checked against the rules' metrics. */
final class ScorecardWeights {
    static final double MAX_WEIGHT = 100;

    private ScorecardWeights() {
    }

    /** {@code size:1,reach.email:2,engagement:-0.5}; null or blank: the defaults. */
    static Map<String, Double> parse(String text, ScorecardRules rules) {
        if (text == null || text.isBlank()) return ScorecardMetrics.DEFAULT_WEIGHTS;
        Map<String, Double> out = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            int colon = part.indexOf(':');
            if (colon < 0) throw ApiException.badRequest("weights: '" + clip(part) + "' is not metric:weight (e.g. size:1,reach:2)");
            String name = part.substring(0, colon).strip();
            double w;
            try {
                w = Double.parseDouble(part.substring(colon + 1).strip());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("weights: the weight of '" + clip(name) + "' is not a number: '" + clip(part.substring(colon + 1)) + "'");
            }
            put(out, name, w, rules);
        }
        return out;
    }

    /** From a JSON object of metric to number; null: the defaults. */
    static Map<String, Double> of(Map<String, Double> given, ScorecardRules rules) {
        if (given == null) return ScorecardMetrics.DEFAULT_WEIGHTS;
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : given.entrySet()) {
            if (e.getValue() == null) throw ApiException.badRequest("weights: '" + clip(e.getKey()) + "' has no number");
            put(out, e.getKey(), e.getValue(), rules);
        }
        return out;
    }

    private static void put(Map<String, Double> out, String name, double w, ScorecardRules rules) {
        if (!ScorecardMetrics.isMetric(rules, name)) {
            throw ApiException.badRequest("weights: unknown metric '" + clip(name) + "' (known: "
                    + String.join(", ", ScorecardMetrics.names(rules)) + ")");
        }
        if (!Double.isFinite(w) || Math.abs(w) > MAX_WEIGHT) {
            throw ApiException.badRequest("weights: the weight of '" + name + "' must be a number from -" + (int) MAX_WEIGHT + " to " + (int) MAX_WEIGHT + ", got " + w);
        }
        if (out.put(name, w) != null) throw ApiException.badRequest("weights: '" + name + "' is given twice");
    }

    private static String clip(String s) {
        return Texts.clip(s, 60);
    }
}
