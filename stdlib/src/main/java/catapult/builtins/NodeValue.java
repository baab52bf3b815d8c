package catapult.builtins;

import catapult.engine.graph.GraphBuilder;
import catapult.engine.graph.Node;
import catapult.lang.builtins.Type;
import catapult.lang.value.CatValue;
import java.util.Arrays;
import java.util.List;

/**
 * A neuron group inside an `arch` body. Operators build graph edges: `a + b` is a skip
 * connection and `c * a` a fixed scale, neither with trainable weights.
 */
public final class NodeValue implements CatValue.Operand {
    public static final Type TYPE = Type.of(NodeValue.class, "node");

    private final Node node;
    private final GraphBuilder graph;

    public NodeValue(Node node, GraphBuilder graph) {
        this.node = node;
        this.graph = graph;
    }

    public Node node() { return node; }

    @Override public String typeName() { return "node"; }

    @Override public String show() { return "<node " + node.id() + " shape=" + Arrays.toString(node.shape()) + ">"; }

    @Override public Object field(String name) {
        if (name.equals("shape")) {
            return java.util.Collections.unmodifiableList(Arrays.stream(node.shape()).mapToObj(s -> (Object) (double) s).toList());
        }
        if (name.equals("size")) return (double) node.size();
        return NO_FIELD;
    }

    @Override public List<String> fieldNames() { return List.of("shape", "size"); }

    @Override
    public Object binary(String op, Object other, boolean reversed) {
        if (op.equals("+") && other instanceof NodeValue n) return new NodeValue(graph.add(node, n.node), graph);
        if (op.equals("-") && other instanceof NodeValue n) {
            Node negated = graph.scale(-1.0, reversed ? node : n.node);
            return new NodeValue(graph.add(reversed ? n.node : node, negated), graph);
        }
        if (op.equals("*") && other instanceof Double c) return new NodeValue(graph.scale(c, node), graph);
        if (op.equals("/") && other instanceof Double c && !reversed) return new NodeValue(graph.scale(1.0 / c, node), graph);
        return null;
    }
}
