package catapult.lang.codec;

import catapult.lang.builtins.Args;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;

/**
 * Remembers which built-in call made a value, for values that cannot be encoded field by field
 * (an optimizer holds compiled update rules, a network's structure lives in its compiled
 * program, a guest function lives in a GraalVM context) but can be made again by the same call.
 * Keys are held weakly and compared by identity, so a recipe lives exactly as long as its value.
 */
public final class CallRecipes {
    private static final Map<Key, CallRecipe> RECIPES = new HashMap<>();
    private static final ReferenceQueue<Object> GONE = new ReferenceQueue<>();

    private CallRecipes() {}

    /** Records that {@code value} was made by the call {@code args} (no-op for null and plain values). */
    public static void remember(Object value, Args args) {
        if (value == null || value instanceof Double || value instanceof String || value instanceof Boolean) return;
        CallRecipe recipe = new CallRecipe(args.builtin().name(), args.rest(), args.givenValues(), args.session().precision());
        synchronized (RECIPES) {
            expunge();
            RECIPES.put(new Key(value, GONE), recipe);
        }
    }

    /** The call that made {@code value}, or null. */
    public static CallRecipe of(Object value) {
        if (value == null) return null;
        synchronized (RECIPES) {
            expunge();
            return RECIPES.get(new Key(value, null));
        }
    }

    private static void expunge() {
        for (Object k; (k = GONE.poll()) != null; ) RECIPES.remove(k);
    }

    /** A weak reference compared by the identity of its referent. */
    private static final class Key extends WeakReference<Object> {
        private final int hash;

        Key(Object referent, ReferenceQueue<Object> queue) {
            super(referent, queue);
            this.hash = System.identityHashCode(referent);
        }

        @Override public int hashCode() { return hash; }

        @Override public boolean equals(Object o) {
            if (this == o) return true;
            if (!(o instanceof Key k)) return false;
            Object mine = get();
            return mine != null && mine == k.get();
        }
    }
}
