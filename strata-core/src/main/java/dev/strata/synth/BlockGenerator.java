package dev.strata.synth;

import java.util.SplittableRandom;

/** Per worker thread: generates a contiguous block of profiles into one NDJSON buffer. */
final class BlockGenerator {

    /** A generated block, written by the caller in block order. */
    static final class Block {
        final NdjsonBuffer buffer;
        final int profiles;
        final MessageWriter.Counts counts = new MessageWriter.Counts();
        final long[] segmentCounts = new long[LatentSegment.values().length];

        Block(NdjsonBuffer buffer, int profiles) {
            this.buffer = buffer;
            this.profiles = profiles;
        }
    }

    private final long seed;
    private final ActivityScale scale;
    private final ProfileSampler sampler;
    private final ContactSampler contacts;
    private final BehaviourSimulator simulator;
    private final MessageWriter writer;
    private final EventList events = new EventList();

    BlockGenerator(long seed, Timeline timeline, ActivityScale scale) {
        this.seed = seed;
        this.scale = scale;
        this.sampler = new ProfileSampler(timeline);
        this.contacts = new ContactSampler(timeline);
        this.simulator = new BehaviourSimulator(timeline);
        this.writer = new MessageWriter(timeline);
    }

    Block generate(long fromIndex, int count, NdjsonBuffer buffer) {
        buffer.clear();
        Block block = new Block(buffer, count);
        for (long index = fromIndex; index < fromIndex + count; index++) {
            SplittableRandom rng = PopulationGenerator.randomFor(seed, index);
            Profile p = sampler.sample(index, rng);
            if (!p.anonymous) {
                contacts.draw(p, PopulationGenerator.contactRandomFor(seed, index));
            }
            block.segmentCounts[p.segment.ordinal()]++;
            simulator.simulate(p, rng, events, scale, true);
            events.sort();
            writer.write(p, events, rng, buffer, block.counts);
        }
        return block;
    }
}
