package catapult.engine.limits;

/**
 * One neuron's pre-activation of a dense group: {@code neuron} indexes a fixed-size (output)
 * group; {@link #ALIGNED} stands for "the neuron at this position" of a wide group, where every
 * neuron is alike and what matters is only which positions of two nodes coincide.
 */
record NeuronKey(int group, int neuron) implements Comparable<NeuronKey> {
    static final int ALIGNED = -1;

    @Override
    public int compareTo(NeuronKey o) {
        return group != o.group ? Integer.compare(group, o.group) : Integer.compare(neuron, o.neuron);
    }
}
