package org.bertgeometry.cli.variants;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bertgeometry.cli.io.CountingInputStream;
import org.bertgeometry.cli.io.LongRunningCommand;
import org.bertgeometry.cli.io.ProgressBar;
import org.bertgeometry.cli.io.Stdio;
import org.bertgeometry.variants.fasta.AmbiguityPolicy;
import org.bertgeometry.variants.fasta.FastaReader;
import org.bertgeometry.variants.fasta.FastaWriter;
import org.bertgeometry.variants.fasta.SequenceRecord;
import org.bertgeometry.variants.reference.SarsCov2Reference;
import org.bertgeometry.variants.spike.ExtractionConvention;
import org.bertgeometry.variants.spike.ExtractionOptions;
import org.bertgeometry.variants.spike.SpikeExtraction;
import org.bertgeometry.variants.spike.SpikeExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bertgeo extract-spike}: the spike gene of every whole genome of a FASTA file, written as FASTA
 * in reference orientation with each record's id and description (so {@code class=} labels carry over).
 * Genomes without a usable spike are skipped and reported on stderr with their reason; the command
 * fails only when no genome yields a spike. Streams the input, one genome in memory at a time.
 */
@Command(name = "extract-spike", description = "Extract the spike gene of every whole SARS-CoV-2 genome of a "
        + "FASTA file; skipped genomes are reported on stderr.")
public final class ExtractSpikeCommand extends LongRunningCommand {

    @Option(names = "--fasta", required = true, paramLabel = "FILE", description = "Whole genomes (FASTA, plain or .gz); - for standard input.")
    Path fasta;

    @Option(names = "--output", required = true, paramLabel = "FASTA",
            description = "Where to write the spikes; gzip-compressed when the name ends in .gz; - for standard output.")
    Path output;

    @Option(names = "--convention", paramLabel = "clean|code-compat", defaultValue = "clean", description = "'clean' = "
            + "the genome's spike exactly; 'code-compat' = the paper's reconstruction quirks (default ${DEFAULT-VALUE}).")
    String convention;

    @Override
    public Integer call() throws Exception {
        ExtractionConvention conv;
        try {
            conv = ExtractionConvention.valueOf(convention.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--convention must be 'clean' or 'code-compat', got '" + convention + "'");
        }
        PrintWriter err = spec.commandLine().getErr();
        SpikeExtractor extractor = new SpikeExtractor(SarsCov2Reference.load(), ExtractionOptions.defaults()
                .withConvention(conv));
        int read = 0;
        int written = 0;
        int warned = 0;
        List<SpikeExtraction> skipped = new ArrayList<>();
        CountingInputStream bytes = new CountingInputStream(Stdio.open(fasta));
        long size = Stdio.isDash(fasta) ? -1 : Files.size(fasta);
        ProgressBar bar = bar("extract-spike");
        try (CountingInputStream in = bytes;
                FastaReader reader = FastaReader.of(in, Stdio.name(fasta, true), AmbiguityPolicy.MAP_TO_N);
                FastaWriter w = Stdio.fasta(output, spec)) {
            while (reader.hasNext()) {
                SequenceRecord r = reader.next();
                read++;
                if (size > 0) {
                    bar.progress((double) bytes.count() / size, read + " genomes");
                }
                SpikeExtraction e = extractor.extract(r);
                if (e.isOk()) {
                    w.write(new SequenceRecord(r.id(), r.description(), e.spike()));
                    written++;
                    if (!e.message().isEmpty()) {
                        warned++;
                        err.println("bertgeo: warning: '" + r.id() + "': " + e.message());
                    }
                } else {
                    skipped.add(e);
                }
            }
            for (String warning : reader.warnings()) {
                err.println("bertgeo: warning: " + warning);
            }
        } catch (RuntimeException | java.io.IOException e) {
            deletePartialOutput();
            throw e;
        }
        bar.done();
        SpikeInput.reportSkipped(skipped, err);
        if (written == 0) {
            deletePartialOutput();
            throw new IllegalArgumentException(Stdio.name(fasta, true) + ": no spike could be extracted from any of the "
                    + read + " record(s) (" + SpikeInput.countsByReason(skipped) + "); are these whole SARS-CoV-2 genomes?");
        }
        PrintWriter summary = Stdio.summary(output, spec);
        summary.printf(Locale.ROOT, "extracted %d spike(s) from %d genome(s) (%s); %d skipped%s; wrote %s%n",
                written, read, conv.name().toLowerCase(Locale.ROOT).replace('_', '-'), skipped.size(),
                skipped.isEmpty() ? "" : " (" + SpikeInput.countsByReason(skipped) + ")", Stdio.name(output, false));
        if (warned > 0) {
            summary.printf(Locale.ROOT, "%d spike boundary(ies) lay in N runs (see warnings)%n", warned);
        }
        summary.flush();
        return 0;
    }

    /** A FASTA file cut short (or empty) must not stay behind looking like a result. */
    private void deletePartialOutput() throws java.io.IOException {
        if (!Stdio.isDash(output)) {
            Files.deleteIfExists(output);
        }
    }
}
