package dev.strata.bench;

import java.time.Instant;
import java.util.List;

/** The standard segment workload Q1–Q8 every comparison and micro-benchmark runs. */
public final class StandardWorkload {

    /** The evaluation instant T; also the end of the generated two years of behaviour. */
    public static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");

    public static final List<WorkloadQuery> QUERIES = List.of(
            new WorkloadQuery("Q1", "age(birthday) >= 65 and address.state in (\"CA\", \"OR\")"
                    + " and did \"Screening Completed\" within 365d and not did \"App Open\" within 30d"),
            new WorkloadQuery("Q2", "count(\"Medication Refill\" within 90d) >= 3"),
            new WorkloadQuery("Q3", "near(address, 34.05, -118.24, 25 km)"),
            new WorkloadQuery("Q4", "(diabetes = true or hypertension = true) and (plan = \"medicare\" or income_band <= 2)"
                    + " and context.os.name != \"web\" and not did \"Doctor Visit\" within 180d"),
            new WorkloadQuery("Q5", "count(\"App Open\" within 30d) >= 10 and did \"Appointment Booked\" within 60d"),
            new WorkloadQuery("Q6", "age(birthday) >= 40 and age(birthday) <= 64 and gender = \"female\""
                    + " and address.state in (\"CA\", \"TX\", \"FL\", \"NY\") and not did \"Screening Completed\" within 730d"
                    + " and did \"App Open\" within 7d"),
            new WorkloadQuery("Q7", "did \"Survey Answered\" where score >= 9 within 90d"
                    + " and count(\"Appointment Booked\" within 365d) >= 2"),
            new WorkloadQuery("Q8", "near(address, 34.05, -118.24, 25 km) and plan = \"medicare\""
                    + " and (did \"Doctor Visit\" within 30d or did \"Appointment Booked\" within 30d)"));

    private StandardWorkload() {
    }

    public static WorkloadQuery byId(String id) {
        for (WorkloadQuery q : QUERIES) {
            if (q.id().equals(id)) {
                return q;
            }
        }
        throw new IllegalArgumentException("unknown workload query '" + id + "': expected one of Q1..Q8");
    }
}
