package org.bertgeometry.variants.classifier;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Spike sequences with a class each: the input of {@link VariantClassifierTrainer}. Checked on
 * construction so that training never starts on data it cannot learn from.
 *
 * @param ids        one identifier per sequence (for reports)
 * @param spikes     nucleotide sequences (spike genes, reference orientation)
 * @param labels     class index per sequence, into {@code classNames}
 * @param classNames the class names, indexed by label
 */
public record LabelledSpikes(List<String> ids, List<String> spikes, int[] labels, List<String> classNames) {

    public LabelledSpikes {
        ids = List.copyOf(ids);
        spikes = List.copyOf(spikes);
        labels = labels.clone();
        classNames = List.copyOf(classNames);
        if (ids.size() != spikes.size() || spikes.size() != labels.length) {
            throw new IllegalArgumentException("got " + ids.size() + " ids, " + spikes.size() + " sequences and "
                    + labels.length + " labels; they must match one to one");
        }
        if (spikes.isEmpty()) {
            throw new IllegalArgumentException("no sequences to train on");
        }
        if (new HashSet<>(classNames).size() != classNames.size()) {
            throw new IllegalArgumentException("class names must be distinct: " + classNames);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new IllegalArgumentException("sequence '" + ids.get(i) + "' has label " + labels[i]
                        + " outside the " + classNames.size() + " classes " + classNames);
            }
            if (spikes.get(i).isEmpty()) {
                throw new IllegalArgumentException("sequence '" + ids.get(i) + "' is empty");
            }
        }
    }

    public int size() {
        return labels.length;
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** How many sequences each class has, indexed by label. */
    public int[] classCounts() {
        int[] counts = new int[classNames.size()];
        for (int l : labels) {
            counts[l]++;
        }
        return counts;
    }

    /** The names of classes with no sequence at all. */
    public List<String> emptyClasses() {
        int[] counts = classCounts();
        List<String> out = new ArrayList<>();
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] == 0) {
                out.add(classNames.get(c));
            }
        }
        return out;
    }

    /** The rows at {@code indices}, in that order. */
    public LabelledSpikes subset(int[] indices) {
        List<String> i = new ArrayList<>(indices.length);
        List<String> s = new ArrayList<>(indices.length);
        int[] l = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            i.add(ids.get(indices[k]));
            s.add(spikes.get(indices[k]));
            l[k] = labels[indices[k]];
        }
        return new LabelledSpikes(i, s, l, classNames);
    }

    /**
     * These spikes without class {@code label}: its sequences are dropped, the class leaves the class list,
     * and the labels above it move down by one (to train a model that has never seen that class).
     */
    public LabelledSpikes withoutClass(int label) {
        List<String> i = new ArrayList<>();
        List<String> s = new ArrayList<>();
        List<Integer> l = new ArrayList<>();
        for (int k = 0; k < labels.length; k++) {
            if (labels[k] != label) {
                i.add(ids.get(k));
                s.add(spikes.get(k));
                l.add(labels[k] > label ? labels[k] - 1 : labels[k]);
            }
        }
        List<String> names = new ArrayList<>(classNames);
        names.remove(label);
        return new LabelledSpikes(i, s, l.stream().mapToInt(Integer::intValue).toArray(), names);
    }

    /** Number of distinct labels present. */
    public int distinctLabels() {
        Set<Integer> seen = new HashSet<>();
        for (int l : labels) {
            seen.add(l);
        }
        return seen.size();
    }
}
