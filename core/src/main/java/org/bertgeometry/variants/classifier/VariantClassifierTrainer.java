package org.bertgeometry.variants.classifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.bertgeometry.checkpoint.BertCheckpoint;
import org.bertgeometry.model.BertConfig;
import org.bertgeometry.model.BertInit;
import org.bertgeometry.model.BertModel;
import org.bertgeometry.model.BertWeights;
import org.bertgeometry.tokenize.Encoding;
import org.bertgeometry.tokenize.KmerTokenizer;
import org.bertgeometry.tokenize.KmerVocabularyBuilder;
import org.bertgeometry.tokenize.TokenizerFactory;
import org.bertgeometry.tokenize.Vocabulary;
import org.bertgeometry.training.ClassifierTrainer;
import org.bertgeometry.training.LabelledSequences;
import org.bertgeometry.training.TrainingMonitor;
import org.bertgeometry.training.TrainingResult;
import org.bertgeometry.training.TrainingSettings;
import org.bertgeometry.variants.augmentation.AugmentationSettings;
import org.bertgeometry.variants.augmentation.SpikeAugmenter;
import org.bertgeometry.variants.reference.SarsCov2Reference;

/**
 * Turns labelled spike sequences into a trained BERT variant classifier, the paper's way
 * (paper-methods 3 and 4; docs/methods.md, "Variant classifier"): the k-mer vocabulary is built
 * from the training split only, in first-occurrence order, either standalone (a small model trained
 * from scratch) or appended to a pre-trained WordPiece vocabulary whose embedding table grows to
 * match (fine-tuning BERT-Base Cased); sequences become [CLS] k-mers [SEP] with k = 12, stride 9,
 * truncated to 510 k-mers; the model trains with {@link ClassifierTrainer}. The result is a complete
 * checkpoint (weights at the best validation epoch, vocabulary, k-mer tokenizer settings, class
 * names) that {@code HuggingFaceFolder.save} writes in Hugging Face layout.
 */
public final class VariantClassifierTrainer {

    private final TrainingSettings settings;
    private final int k;
    private final int stride;
    private final AugmentationSettings augmentation;

    /** @param settings how to train; k-mers are the paper's 12 with stride 9 */
    public VariantClassifierTrainer(TrainingSettings settings) {
        this(settings, KmerTokenizer.DEFAULT_K, KmerTokenizer.DEFAULT_STRIDE);
    }

    public VariantClassifierTrainer(TrainingSettings settings, int k, int stride) {
        this(settings, k, stride, AugmentationSettings.none());
    }

    private VariantClassifierTrainer(TrainingSettings settings, int k, int stride, AugmentationSettings augmentation) {
        this.settings = settings;
        this.k = k;
        this.stride = stride;
        this.augmentation = augmentation;
    }

    /**
     * This trainer with on-the-fly augmentation: every epoch, each training spike is perturbed afresh by a
     * {@link SpikeAugmenter} against the bundled reference spike, seeded from the training seed and the
     * epoch (docs/case-study-data.md, "Training augmentation"). The vocabulary is still built from the
     * unperturbed training spikes; k-mers that only noise creates become [UNK], as they do at prediction.
     */
    public VariantClassifierTrainer withAugmentation(AugmentationSettings a) {
        return new VariantClassifierTrainer(settings, k, stride, a);
    }

    /** The trained checkpoint, the training history, and how many training sequences were truncated. */
    public record Outcome(BertCheckpoint checkpoint, TrainingResult training, int truncatedSequences) {
    }

    /**
     * Trains from scratch with {@code preset}'s architecture.
     *
     * @throws IllegalArgumentException when a class has no training sequence or only one class is present
     */
    public Outcome trainFromScratch(LabelledSpikes train, LabelledSpikes validation, VariantPreset preset,
            TrainingMonitor monitor) {
        checkTrainable(train);
        Vocabulary vocab = new KmerVocabularyBuilder(k, stride, 1).addAll(train.spikes()).buildStandalone();
        BertConfig config = preset.config(vocab.size(), train.classNames());
        try (BertModel model = BertModel.random(config, settings.seed(), false)) {
            return run(model, config, vocab, train, validation, monitor);
        }
    }

    /**
     * Fine-tunes {@code base} (a pre-trained WordPiece BERT such as BERT-Base Cased) the paper's way:
     * the training split's k-mers are added to its vocabulary, the embedding table grows, a new
     * classifier is attached.
     */
    public Outcome fineTune(BertCheckpoint base, LabelledSpikes train, LabelledSpikes validation,
            TrainingMonitor monitor) {
        checkTrainable(train);
        if (base.vocabulary().isEmpty()) {
            throw new IllegalArgumentException(base.source() + ": the base model has no vocabulary to extend");
        }
        Vocabulary vocab = Vocabulary.of(base.vocabulary());
        new KmerVocabularyBuilder(k, stride, 1).addAll(train.spikes()).addTo(vocab);
        BertConfig config = base.config().withVocabSize(vocab.size()).withLabels(train.classNames());
        BertWeights w = BertInit.withResizedVocabulary(base.weights(), vocab.size(), settings.seed());
        w = BertInit.withNewClassifier(w, config, settings.seed() + 1);
        try (BertModel model = BertModel.load(config, w)) {
            return run(model, config, vocab, train, validation, monitor);
        }
    }

    private Outcome run(BertModel model, BertConfig config, Vocabulary vocab, LabelledSpikes train,
            LabelledSpikes validation, TrainingMonitor monitor) {
        KmerTokenizer tokenizer = new KmerTokenizer(vocab, k, stride, config.maxPositionEmbeddings());
        int[] truncated = new int[1];
        LabelledSequences trainSeqs = encode(tokenizer, train, truncated);
        LabelledSequences valSeqs = encode(tokenizer, validation, new int[1]);
        IntFunction<LabelledSequences> epochs = epoch -> trainSeqs;
        if (!augmentation.equals(AugmentationSettings.none())) {
            SpikeAugmenter augmenter = new SpikeAugmenter(SarsCov2Reference.load().spike(), train.spikes(), augmentation);
            epochs = epoch -> {
                // one stream per epoch, so an epoch's perturbations do not depend on the thread count or order
                SplittableRandom rng = new SplittableRandom(settings.seed() * 1_000_003L + epoch);
                List<String> perturbed = new ArrayList<>(train.size());
                for (int i = 0; i < train.size(); i++) {
                    perturbed.add(augmenter.augment(i, rng));
                }
                return encode(tokenizer, new LabelledSpikes(train.ids(), perturbed, train.labels(), train.classNames()),
                        new int[1]);
            };
        }
        TrainingResult result = new ClassifierTrainer(settings, vocab.padId()).train(model, epochs, valSeqs, monitor);
        BertCheckpoint checkpoint = new BertCheckpoint(config, result.bestWeights(), vocab.tokens(),
                tokenizerConfig(config.maxPositionEmbeddings()), null);
        return new Outcome(checkpoint, result, truncated[0]);
    }

    /** Tokenizer settings that make {@code TokenizerFactory} rebuild this k-mer tokenizer from disk. */
    public Map<String, String> tokenizerConfig(int maxLength) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(TokenizerFactory.KIND, "kmer");
        m.put(TokenizerFactory.KMER_K, Integer.toString(k));
        m.put(TokenizerFactory.KMER_STRIDE, Integer.toString(stride));
        m.put(TokenizerFactory.DO_LOWER_CASE, "true");
        m.put(TokenizerFactory.MODEL_MAX_LENGTH, Integer.toString(maxLength));
        return m;
    }

    /** Token ids (real tokens only) with labels; counts truncated sequences into {@code truncated[0]}. */
    public static LabelledSequences encode(KmerTokenizer tokenizer, LabelledSpikes data, int[] truncated) {
        List<int[]> seqs = new ArrayList<>(data.size());
        for (String s : data.spikes()) {
            Encoding e = tokenizer.encode(s);
            if (e.truncated()) {
                truncated[0]++;
            }
            seqs.add(java.util.Arrays.copyOf(e.ids(), e.realLength()));
        }
        return new LabelledSequences(seqs, data.labels());
    }

    private static void checkTrainable(LabelledSpikes train) {
        if (train.distinctLabels() < 2) {
            throw new IllegalArgumentException("the training data hold a single class (" + train.classNames()
                    .get(train.labels()[0]) + "); a classifier needs at least two");
        }
        List<String> empty = train.emptyClasses();
        if (!empty.isEmpty()) {
            throw new IllegalArgumentException("no training sequence for class(es) " + empty
                    + "; every class needs examples (or remove it from the class list)");
        }
    }
}
