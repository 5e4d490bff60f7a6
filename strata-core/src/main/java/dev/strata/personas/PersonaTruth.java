package dev.strata.personas;

import dev.strata.synth.LatentSegment;
import java.util.List;
import java.util.Locale;

/**
 * How discovered personas line up with the generator's latent segments: for each persona, the
 * share of its members drawn from each segment. Discovery never sees the segments; this is only
 * to read the result.
 */
public final class PersonaTruth {
    private PersonaTruth() {
    }

    public static String crossTab(GeneratedPopulation generated, List<PersonaDiscovery.Persona> personas) {
        LatentSegment[] segs = LatentSegment.values();
        StringBuilder b = new StringBuilder("| persona | profiles |");
        for (LatentSegment s : segs) b.append(' ').append(s.displayName()).append(" |");
        b.append("\n|---|---:|");
        for (int i = 0; i < segs.length; i++) b.append("---:|");
        b.append('\n');
        for (PersonaDiscovery.Persona p : personas) {
            long[] counts = new long[segs.length];
            for (String key : p.members()) {
                int id = generated.population().idOf(key);
                if (id >= 0) counts[generated.truth(id).ordinal()]++;
            }
            b.append("| ").append(p.name()).append(" | ").append(p.size()).append(" |");
            for (long c : counts) b.append(String.format(Locale.ROOT, " %.0f%% |", 100.0 * c / Math.max(1, p.size())));
            b.append('\n');
        }
        return b.toString();
    }
}
