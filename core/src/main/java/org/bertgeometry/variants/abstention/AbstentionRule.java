package org.bertgeometry.variants.abstention;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bertgeometry.report.table.JsonFiles;

/**
 * When a variant classifier answers "unassigned" instead of a class (docs/methods.md, "Calibration and
 * abstention"): when its highest class probability is below {@code minProbability}, or when the
 * sequence's pooled [CLS] vector lies farther than {@code maxDistance} (squared Mahalanobis, see
 * {@link MahalanobisScorer}) from every training class. Both thresholds are set on validation data by
 * {@link #calibrate}; the rule is stored beside the model as {@value #FILE}.
 *
 * @param minProbability answers below this highest probability are unassigned (0 = never)
 * @param maxDistance    vectors with a larger distance score are unassigned (infinity = never)
 * @param scorer         the distance of the model's features to its training classes
 */
public record AbstentionRule(double minProbability, double maxDistance, MahalanobisScorer scorer) {

    /** File name of the rule in a model folder. */
    public static final String FILE = "abstention.json";

    /** The label written for an unassigned sequence. */
    public static final String UNASSIGNED = "unassigned";

    /** Whether a sequence with these class probabilities and this feature vector stays unassigned. */
    public boolean abstains(double[] probabilities, double[] feature) {
        double max = Arrays.stream(probabilities).max().orElse(0);
        return max < minProbability || scorer.score(feature) > maxDistance;
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
                + "pooled [CLS] vector to the nearest training class mean > max_distance");
        o.put("min_probability", minProbability);
        o.put("max_distance", maxDistance);
        o.put("class_means", scorer.means());
        o.put("precision", scorer.precision());
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
                    s.precision));
        } catch (NoSuchFileException e) {
            throw new IOException(file + " does not exist: this model has no abstention rule; models trained by "
                    + "'bertgeo train' or 'bertgeo case-study' have one", e);
        } catch (JsonParseException e) {
            throw new IOException(file + " is not valid JSON (" + e.getMessage() + ")", e);
        }
    }

    /** The JSON layout, field names as in the file. */
    @SuppressWarnings("checkstyle:MemberName")
    private static final class Stored {
        Double min_probability;
        Double max_distance;
        double[][] class_means;
        double[][] precision;
    }
}
