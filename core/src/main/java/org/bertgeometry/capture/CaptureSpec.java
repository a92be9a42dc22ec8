package org.bertgeometry.capture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a forward pass should record: a filter over hook names (glob patterns where {@code *} matches
 * any run of characters, e.g. {@code layer.*.attention.probs}), optionally restricted to some layers and
 * some heads. A name is captured when it matches a pattern and, if it belongs to a layer, that layer is
 * selected. Head selection applies to per-head points. {@link #none()} makes the forward pass skip
 * every capture, with no extra copies. An immutable value; the globs are compiled once, here, because
 * {@link #wants} runs for every hook point of every batch.
 */
public final class CaptureSpec {

    private final List<String> patterns;
    private final Set<Integer> layers;
    private final Set<Integer> heads;
    private final List<Pattern> compiled;

    /**
     * @param patterns glob patterns over hook names ({@link HookPoint#name()})
     * @param layers   selected layers (0-based); empty means all
     * @param heads    selected heads (0-based); empty means all
     */
    public CaptureSpec(List<String> patterns, Set<Integer> layers, Set<Integer> heads) {
        this.patterns = List.copyOf(patterns);
        this.layers = Set.copyOf(layers);
        this.heads = Set.copyOf(heads);
        this.compiled = this.patterns.stream().map(CaptureSpec::glob).toList();
        for (int v : layers) {
            if (v < 0) {
                throw new IllegalArgumentException("layer index must be >= 0, got " + v);
            }
        }
        for (int v : heads) {
            if (v < 0) {
                throw new IllegalArgumentException("head index must be >= 0, got " + v);
            }
        }
    }

    /** Capture nothing. */
    public static CaptureSpec none() {
        return new CaptureSpec(List.of(), Set.of(), Set.of());
    }

    /** Capture the named points (glob patterns allowed) in every layer and head. */
    public static CaptureSpec of(String... patterns) {
        return new CaptureSpec(Arrays.asList(patterns), Set.of(), Set.of());
    }

    /** Every layer's and head's attention probabilities. */
    public static CaptureSpec attentionProbs() {
        return of(HookPoint.Kind.ATTENTION_PROBS.glob());
    }

    /** Points of {@code kind} in this spec's layers and heads (its patterns are replaced). */
    public CaptureSpec selecting(HookPoint.Kind kind) {
        return new CaptureSpec(List.of(kind.glob()), layers, heads);
    }

    /** Glob patterns over hook names. */
    public List<String> patterns() {
        return patterns;
    }

    /** Selected layers; empty means all. */
    public Set<Integer> layers() {
        return layers;
    }

    /** Selected heads; empty means all. */
    public Set<Integer> heads() {
        return heads;
    }

    /** Whether layer {@code layer} is selected (every layer is when none is named). */
    public boolean selectsLayer(int layer) {
        return layers.isEmpty() || layers.contains(layer);
    }

    /**
     * The attention-probability hook point named {@code name} when this spec selects its layer, else
     * null: what every sink that reads attention maps filters its input by.
     */
    public HookPoint selectedAttentionProbs(String name) {
        HookPoint point = HookPoint.parseOrNull(name);
        boolean wanted = point != null && point.kind() == HookPoint.Kind.ATTENTION_PROBS && selectsLayer(point.layer());
        return wanted ? point : null;
    }

    /** Whether head {@code head} is selected (every head is when none is named). */
    public boolean selectsHead(int head) {
        return heads.isEmpty() || heads.contains(head);
    }

    /** This spec restricted to {@code selected} layers. */
    public CaptureSpec withLayers(Integer... selected) {
        return new CaptureSpec(patterns, Set.of(selected), heads);
    }

    /** This spec restricted to {@code selected} heads. */
    public CaptureSpec withHeads(Integer... selected) {
        return new CaptureSpec(patterns, layers, Set.of(selected));
    }

    /** Whether nothing at all is requested. */
    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    /** Whether the point {@code name} is to be recorded. */
    public boolean wants(String name) {
        int layer = HookNames.layerOf(name);
        if (layer >= 0 && !selectsLayer(layer)) {
            return false;
        }
        for (Pattern p : compiled) {
            if (p.matcher(name).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The selected heads in ascending order for a model with {@code numHeads} heads.
     *
     * @throws IllegalArgumentException if a selected head does not exist
     */
    public int[] selectedHeads(int numHeads) {
        if (heads.isEmpty()) {
            int[] all = new int[numHeads];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int[] out = new TreeSet<>(heads).stream().mapToInt(Integer::intValue).toArray();
        if (out[out.length - 1] >= numHeads) {
            throw new IllegalArgumentException("capture asks for head " + out[out.length - 1]
                    + " but the model has " + numHeads + " heads (0-based)");
        }
        return out;
    }

    /** Checks that every selected layer exists in a model with {@code numLayers} layers. */
    public void validateFor(int numLayers, int numHeads) {
        for (int l : layers) {
            if (l >= numLayers) {
                throw new IllegalArgumentException("capture asks for layer " + l + " but the model has "
                        + numLayers + " layers (0-based)");
            }
        }
        selectedHeads(numHeads);
    }

    /**
     * A spec that captures at least what either captures (patterns, layers and heads are united; an
     * empty selection means all, so it wins).
     */
    public CaptureSpec union(CaptureSpec other) {
        if (isEmpty()) {
            return other;
        }
        if (other.isEmpty()) {
            return this;
        }
        List<String> p = new ArrayList<>(patterns);
        other.patterns.stream().filter(s -> !p.contains(s)).forEach(p::add);
        return new CaptureSpec(p, unite(layers, other.layers), unite(heads, other.heads));
    }

    private static Set<Integer> unite(Set<Integer> a, Set<Integer> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Set.of();
        }
        Set<Integer> s = new TreeSet<>(a);
        s.addAll(b);
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CaptureSpec c && patterns.equals(c.patterns) && layers.equals(c.layers)
                && heads.equals(c.heads);
    }

    @Override
    public int hashCode() {
        return Objects.hash(patterns, layers, heads);
    }

    @Override
    public String toString() {
        return "CaptureSpec[patterns=" + patterns + ", layers=" + layers + ", heads=" + heads + "]";
    }

    private static Pattern glob(String p) {
        StringBuilder re = new StringBuilder();
        for (String part : p.split("\\*", -1)) {
            if (re.length() > 0 || p.startsWith("*")) {
                re.append(".*");
            }
            re.append(Pattern.quote(part));
        }
        return Pattern.compile(re.toString());
    }
}
