package org.bertgeometry.variants.abstention;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bertgeometry.report.table.JsonFiles;

/**
 * When a variant classifier answers "unassigned" instead of a class (docs/methods.md, "Calibration and
 * abstention"): when its highest class probability is below {@code minProbability}, or when the
 * sequence's pooled [CLS] vector lies farther than {@code maxDistance} (squared Mahalanobis, see
 * {@link MahalanobisScorer}) from every training class, or when the sequence lacks most of its predicted
 * class's k-mer signature ({@link SignatureCheck}). The thresholds are set on validation data by
 * {@link #calibrate} and {@link SignatureCheck#calibrate}; the rule is stored beside the model as {@value #FILE}.
 *
 * @param minProbability answers below this highest probability are unassigned (0 = never)
 * @param maxDistance    vectors with a larger distance score are unassigned (infinity = never)
 * @param scorer         the distance of the model's features to its training classes
 * @param signature      the k-mer signature check ({@link SignatureCheck#none()} in rules saved before it existed)
 */
public record AbstentionRule(double minProbability, double maxDistance, MahalanobisScorer scorer,
        SignatureCheck signature) {

    /** File name of the rule in a model folder. */
    public static final String FILE = "abstention.json";

    /** The label written for an unassigned sequence. */
    public static final String UNASSIGNED = "unassigned";

    /** A rule of the probability and distance thresholds alone. */
    public AbstentionRule(double minProbability, double maxDistance, MahalanobisScorer scorer) {
        this(minProbability, maxDistance, scorer, SignatureCheck.none());
    }

    /**
     * Every reason to leave {@code sequence} unassigned, given the model's class probabilities and pooled
     * [CLS] vector for it; empty when the model's answer stands. The predicted class is the most probable.
     */
    public Set<AbstentionReason> reasons(double[] probabilities, double[] feature, String sequence) {
        int predicted = 0;
        for (int c = 1; c < probabilities.length; c++) {
            if (probabilities[c] > probabilities[predicted]) {
                predicted = c;
            }
        }
        Set<AbstentionReason> out = EnumSet.noneOf(AbstentionReason.class);
        if (probabilities.length == 0 || probabilities[predicted] < minProbability) {
            out.add(AbstentionReason.LOW_PROBABILITY);
        }
        if (scorer.score(feature) > maxDistance) {
            out.add(AbstentionReason.FAR_EMBEDDING);
        }
        if (probabilities.length > 0 && signature.missing(sequence, predicted)) {
            out.add(AbstentionReason.MISSING_SIGNATURE);
        }
        return out;
    }

    /** Whether a sequence with these class probabilities and this feature vector stays unassigned. */
    public boolean abstains(double[] probabilities, double[] feature, String sequence) {
        return !reasons(probabilities, feature, sequence).isEmpty();
    }

    /** This rule with another probability threshold (a user's choice replacing the calibrated one). */
    public AbstentionRule withMinProbability(double p) {
        return new AbstentionRule(p, maxDistance, scorer, signature);
    }

    /** This rule with its k-mer signature check. */
    public AbstentionRule withSignature(SignatureCheck check) {
        return new AbstentionRule(minProbability, maxDistance, scorer, check);
    }

    /** The reasons as one cell of text, e.g. "low probability; missing signature" (empty when none). */
    public static String describe(Set<AbstentionReason> reasons) {
        List<String> words = new ArrayList<>();
        reasons.forEach(r -> words.add(r.label()));
        return String.join("; ", words);
    }

    /**
     * Thresholds such that about {@code rate} of the in-distribution validation sequences fall below the
     * probability threshold and about {@code rate} beyond the distance threshold: the empirical
     * {@code rate}-quantile of the validation maxima and the (1 - rate)-quantile of their distances
     * (linear interpolation between order statistics).
     */
    public static AbstentionRule calibrate(double[] validationMaxProbability, double[] validationDistance,
            double rate, MahalanobisScorer scorer) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("abstention rate must lie in [0, 1), got " + rate);
        }
        return new AbstentionRule(quantile(validationMaxProbability, rate), quantile(validationDistance, 1 - rate),
                scorer);
    }

    /** The {@code q}-quantile of {@code values} with linear interpolation (numpy's default). */
    public static double quantile(double[] values, double q) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to take a quantile of");
        }
        double[] s = values.clone();
        Arrays.sort(s);
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(s.length - 1, lo + 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }

    /** Writes the rule to {@code modelDir/abstention.json}. */
    public void save(Path modelDir) throws IOException {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("method", "unassigned when max probability < min_probability or squared Mahalanobis distance of the "
                + "pooled [CLS] vector to the nearest training class mean > max_distance or the share of the predicted "
                + "class's k-mer signature present in the sequence < signatures.min_fraction (docs/methods.md)");
        o.put("min_probability", minProbability);
        o.put("max_distance", maxDistance);
        o.put("class_means", scorer.means());
        o.put("precision", scorer.precision());
        if (signature.present()) {
            KmerSignatures k = signature.signatures();
            Map<String, Object> sig = new LinkedHashMap<>();
            sig.put("k", k.k());
            sig.put("min_share", k.minShare());
            sig.put("min_fraction", signature.minFraction());
            sig.put("classes", k.classes());
            o.put("signatures", sig);
        }
        JsonFiles.write(o, modelDir.resolve(FILE));
    }

    /** Reads {@code modelDir/abstention.json}, with an error that says how to make one when it is missing. */
    public static AbstentionRule load(Path modelDir) throws IOException {
        Path file = modelDir.resolve(FILE);
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Stored s = new Gson().fromJson(r, Stored.class);
            if (s == null || s.class_means == null || s.precision == null || s.max_distance == null
                    || s.min_probability == null) {
                throw new IOException(file + ": incomplete abstention rule; retrain with 'bertgeo train' or "
                        + "'bertgeo case-study' to write it again");
            }
            return new AbstentionRule(s.min_probability, s.max_distance, new MahalanobisScorer(s.class_means,
                    s.precision), signatureOf(s, file));
        } catch (NoSuchFileException e) {
            throw new IOException(file + " does not exist: this model has no abstention rule; models trained by "
                    + "'bertgeo train' or 'bertgeo case-study' have one", e);
        } catch (JsonParseException e) {
            throw new IOException(file + " is not valid JSON (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The stored signature check; a file written before the check existed has none and gets
     * {@link SignatureCheck#none()}, so older models keep working with the two other thresholds.
     */
    private static SignatureCheck signatureOf(Stored s, Path file) throws IOException {
        if (s.signatures == null) {
            return SignatureCheck.none();
        }
        StoredSignatures g = s.signatures;
        if (g.k == null || g.min_share == null || g.min_fraction == null || g.classes == null
                || g.classes.size() != s.class_means.length) {
            throw new IOException(file + ": incomplete k-mer signatures (need k, min_share, min_fraction and one "
                    + "list per class); retrain with 'bertgeo train' or 'bertgeo case-study' to write them again");
        }
        List<Set<String>> classes = new ArrayList<>();
        g.classes.forEach(c -> classes.add(new LinkedHashSet<>(c)));
        return new SignatureCheck(new KmerSignatures(g.k, g.min_share, classes), g.min_fraction);
    }

    /** The JSON layout, field names as in the file. */
    @SuppressWarnings("checkstyle:MemberName")
    private static final class Stored {
        Double min_probability;
        Double max_distance;
        double[][] class_means;
        double[][] precision;
        StoredSignatures signatures;
    }

    /** The JSON layout of the signatures, field names as in the file. */
    @SuppressWarnings("checkstyle:MemberName")
    private static final class StoredSignatures {
        Integer k;
        Double min_share;
        Double min_fraction;
        List<List<String>> classes;
    }
}
