package org.bertgeometry.spark;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * A FASTA file on any Hadoop path as an RDD of records in file order, one string per record (header
 * line, then sequence lines, without the leading '>'). Hadoop's text input splits the file at block
 * boundaries with "\n>" as the record delimiter, so one huge file is read by many tasks and a record
 * that crosses a split is read whole by the task whose split it starts in. gzip files cannot be split
 * and are read by one task.
 */
final class FastaRecords {

    private FastaRecords() {
    }

    /**
     * @param minPartitions split the input into at least this many parts (splits are at least 64 KiB), so
     *                      that a small file still keeps every slot busy; large files split at blocks
     */
    static JavaRDD<String> read(JavaSparkContext sc, String path, int minPartitions) throws IOException {
        Configuration conf = new Configuration(sc.hadoopConfiguration());
        conf.set("textinputformat.record.delimiter", "\n>");
        Path p = new Path(path);
        long total = p.getFileSystem(conf).getContentSummary(p).getLength();
        long split = Math.max(64 * 1024, (total + minPartitions - 1) / minPartitions);
        if (conf.get("mapreduce.input.fileinputformat.split.maxsize") == null) {
            conf.setLong("mapreduce.input.fileinputformat.split.maxsize", split);
        }
        // no repartition: partition order is file order, which the global sample index relies on
        return sc.newAPIHadoopFile(path, TextInputFormat.class, LongWritable.class, Text.class, conf)
                .map(t -> strip(t._2().toString()))      // Text objects are reused by Hadoop: copy now
                .filter(s -> !s.isBlank());
    }

    /** The first record keeps its '>' (no delimiter precedes it); the rest lost it to the delimiter. */
    private static String strip(String record) {
        return record.startsWith(">") ? record.substring(1) : record;
    }
}
