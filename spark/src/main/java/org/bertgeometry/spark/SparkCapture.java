package org.bertgeometry.spark;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import org.bertgeometry.analysis.AttentionGeometryRun;
import org.bertgeometry.analysis.ClassMeanMaps;
import org.bertgeometry.analysis.ClassMeanReadout;
import org.bertgeometry.analysis.GeometryCapture;
import org.bertgeometry.cli.variants.DistributedCapture;
import org.bertgeometry.cli.variants.LabelledSequence;
import org.bertgeometry.cli.variants.SpikeInput;
import org.bertgeometry.geometry.GateClassifier;
import org.bertgeometry.variants.fasta.AmbiguityPolicy;
import org.bertgeometry.variants.fasta.FastaReader;
import org.bertgeometry.variants.fasta.SequenceRecord;
import org.bertgeometry.variants.spike.SpikeExtractor;
import scala.Tuple2;

/**
 * The capture pass of {@code analyze} as a Spark job (docs/spark.md): executors read the FASTA file
 * split by split, extract spikes and tokenize; the analysed sequences get their global index in file
 * order ({@code zipWithIndex}); they are grouped into the units of work of a single-machine run
 * (indices [kU, (k+1)U) with U = {@link AttentionGeometryRun#unitOfWork}, four batches, inside which the
 * sequences are sorted by length into batches exactly as on one machine), each task captures its units
 * into one {@link GeometryCapture} with the model of its slot ({@link ExecutorModels}), and the captures
 * leave the tasks cut into blocks, one per attention head plus the rest ({@link HeadBlocks}), reduced by
 * key on the executors. The driver receives
 * the reduced rest and, per head, the gates, the domain tests of the class the report draws and that
 * class's maps of the last layer, never a whole capture. The merge is exact, so the result equals one
 * pass; a retried task starts from an empty capture, so nothing is counted twice.
 */
public final class SparkCapture implements DistributedCapture {

    /** Partitions of the capture stage (default: twice the default parallelism). */
    static final String PARTITIONS_KEY = "spark.bertgeo.partitions";

    @Override
    public Outcome capture(Request request) throws Exception {
        SparkConf conf = new SparkConf().setAppName("bertgeo analyze");
        if (!conf.contains("spark.master")) {
            conf.setMaster(request.master());     // spark-submit sets it; a plain JVM takes --spark
        }
        if (conf.get("spark.master").matches("local(\\[.*\\])?")) {
            // one JVM: results must come back in-process; results above maxDirectResultSize would be
            // fetched from the block manager over a socket, which fails where no interface is up
            conf.setIfMissing("spark.rpc.message.maxSize", "2047");
            conf.setIfMissing("spark.task.maxDirectResultSize", "2047m");
        }
        ExecutorSettings.apply(conf);
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            return run(sc, request);
        } catch (Exception e) {
            throw recordFailure(e);
        }
    }

    private static Outcome run(JavaSparkContext sc, Request request) throws Exception {
        File model = new File(request.model());
        sc.addFile(model.getAbsolutePath(), model.isDirectory());
        String modelName = model.getName();
        SettingsWire settings = SettingsWire.of(request.settings());
        int partitions = sc.getConf().getInt(PARTITIONS_KEY, 2 * sc.defaultParallelism());
        Map<String, String> byId = request.byId() == null ? null : new HashMap<>(request.byId());

        JavaRDD<Encoded> encoded = FastaRecords.read(sc, request.fasta(), partitions)
                .mapPartitions(records -> encode(modelName, byId, records))
                .persist(StorageLevel.MEMORY_AND_DISK());
        long[] totals = encoded.aggregate(new long[4], SparkCapture::count, SparkCapture::add);
        long analysed = totals[0];
        if (analysed == 0) {
            throw new IllegalArgumentException(request.fasta() + ": no sequence to analyse");
        }
        int mapSize = (int) totals[3];
        int classes = request.classes();
        // one group per unit of work: the batches a single-machine pass would run, bucketing included
        long batch = AttentionGeometryRun.unitOfWork(request.settings());
        InjectedFailure failure = InjectedFailure.from(sc.getConf());

        JavaPairRDD<Long, Iterable<Tuple2<Long, Encoded>>> batches = encoded.filter(e -> !e.skipped())
                .zipWithIndex()
                .mapToPair(t -> new Tuple2<>(t._2() / batch, new Tuple2<>(t._2(), t._1())))
                .groupByKey(partitions);
        // each task's capture leaves as blocks (one per head, plus the rest), reduced by key on the executors
        HeadBlocks blocks = new HeadBlocks(request.layers(), request.heads());
        JavaPairRDD<Integer, byte[]> reduced = blocks.reduce(batches
                .mapPartitionsToPair(part -> failure.blocks(blocks.of(captureBatches(modelName, classes, mapSize,
                        settings, failure, part)))));
        // the driver receives the merged rest (counts, head statistics, CLS vectors) and per head a summary
        GeometryCapture rest = GeometryCapture.fromSnapshot(
                reduced.values().collectPartitions(new int[] {blocks.restPartition()})[0].get(0));
        int[] crop = rest.cropPerClass();
        int mapClass = request.mapClass();
        ClassMeanReadout readout = request.readout();
        List<HeadSummary>[] summaries = reduced
                .map(b -> blocks.summarise(b._1(), b._2(), classes, crop, mapClass, readout))
                .collectPartitions(blocks.headPartitions());
        encoded.unpersist(false);
        return outcome(rest, summaries, classes, request, totals);
    }

    /** The rest of the capture with the gates and the maps of {@link Request#mapClass()} from the head summaries. */
    static Outcome outcome(GeometryCapture rest, List<HeadSummary>[] summaries, int classes, Request request,
            long[] totals) {
        GateClassifier.Classification[][][] gates =
                new GateClassifier.Classification[classes][request.layers()][request.heads()];
        double[][][][] maps = new double[request.layers()][request.heads()][][];
        Serializable[][] readouts = new Serializable[request.layers()][request.heads()];
        for (List<HeadSummary> partition : summaries) {
            for (HeadSummary s : partition) {
                for (int c = 0; c < classes; c++) {
                    gates[c][s.layer()][s.head()] = s.gates()[c];
                }
                maps[s.layer()][s.head()] = s.classMap();
                readouts[s.layer()][s.head()] = s.readout();
            }
        }
        ClassMeanMaps kept = (c, l, h) -> {
            if (c != request.mapClass() || maps[l][h] == null) {
                throw new IllegalArgumentException("the class-mean map of class " + c + ", layer " + l + ", head " + h
                        + " stayed on the executors; only the last layer's of class " + request.mapClass()
                        + " came back");
            }
            return maps[l][h];
        };
        return new Outcome(rest, gates, kept, readouts, totals[1], totals[2]);
    }

    /** Reads one partition's records with the model of this slot: spike, class and token ids each. */
    private static Iterator<Encoded> encode(String modelName, Map<String, String> byId, Iterator<String> records)
            throws Exception {
        String path = SparkFiles.get(modelName);
        return ExecutorModels.with(path, bert -> {
            List<Encoded> out = new ArrayList<>();
            SpikeExtractor extractor = SpikeExtractor.withDefaults();
            List<String> classes = bert.checkpoint().config().labels();
            while (records.hasNext()) {
                String text = records.next();
                String id = text.lines().findFirst().orElse("").split("\\s", 2)[0];
                try {
                    SequenceRecord r = parse(text);
                    SequenceRecord spike = SpikeInput.spikeOf(r, extractor, skipped -> { });
                    if (spike == null) {
                        out.add(new Encoded(r.id(), null, -1, false));
                    } else {
                        LabelledSequence s = LabelledSequence.of(spike, byId, classes, bert.tokenizer());
                        out.add(new Encoded(r.id(), s.ids(), s.label(), s.truncated()));
                    }
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(e.getMessage().contains("'" + id + "'") ? e.getMessage()
                            : "record '" + id + "': " + e.getMessage(), e);
                } catch (Exception e) {
                    throw new IllegalArgumentException("record '" + id + "': " + e.getMessage(), e);
                }
            }
            return out.iterator();
        });
    }

    private static SequenceRecord parse(String text) throws java.io.IOException {
        byte[] bytes = (">" + text).getBytes(StandardCharsets.ISO_8859_1);
        try (FastaReader reader = FastaReader.of(new ByteArrayInputStream(bytes), "FASTA record",
                AmbiguityPolicy.MAP_TO_N)) {
            return reader.next();
        }
    }

    /** {analysed, skipped genomes, truncated, longest sequence}. */
    private static long[] count(long[] acc, Encoded e) {
        long[] a = acc.clone();
        if (e.skipped()) {
            a[1]++;
        } else {
            a[0]++;
            a[2] += e.truncated() ? 1 : 0;
            a[3] = Math.max(a[3], e.ids().length);
        }
        return a;
    }

    private static long[] add(long[] x, long[] y) {
        return new long[] {x[0] + y[0], x[1] + y[1], x[2] + y[2], Math.max(x[3], y[3])};
    }

    /** One task: every batch of its partition into one capture. */
    private static GeometryCapture captureBatches(String modelName, int classes, int mapSize, SettingsWire settings,
            InjectedFailure failure, Iterator<Tuple2<Long, Iterable<Tuple2<Long, Encoded>>>> part) throws Exception {
        return ExecutorModels.with(SparkFiles.get(modelName), bert -> {
            GeometryCapture capture = AttentionGeometryRun.newCapture(bert, classes, mapSize, settings.settings());
            while (part.hasNext()) {
                Tuple2<Long, Iterable<Tuple2<Long, Encoded>>> b = part.next();
                List<Tuple2<Long, Encoded>> rows = new ArrayList<>();
                b._2().forEach(rows::add);
                rows.sort((x, y) -> Long.compare(x._1(), y._1()));
                failure.beforeBatch(b._1());
                List<int[]> ids = new ArrayList<>();
                int[] labels = new int[rows.size()];
                for (int i = 0; i < rows.size(); i++) {
                    ids.add(rows.get(i)._2().ids());
                    labels[i] = rows.get(i)._2().label();
                }
                try {
                    AttentionGeometryRun.captureBatches(bert, ids, labels, rows.get(0)._1(), capture, f -> { },
                            () -> false);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("batch of records " + rows.stream().map(r -> "'" + r._2().id()
                            + "'").toList() + ": " + e.getMessage(), e);
                }
            }
            return capture;
        });
    }

    /**
     * The record-naming message of a failed task as a plain error (Spark wraps it in a SparkException
     * whose message is a stage report); other failures pass through.
     */
    private static Exception recordFailure(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException && t.getMessage() != null) {
                return new IllegalArgumentException(t.getMessage(), e);
            }
        }
        return e;
    }
}
