package org.bertgeometry.variants.fasta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FastaReaderTest {

    @TempDir
    Path dir;

    private static List<SequenceRecord> read(String text, AmbiguityPolicy policy) throws IOException {
        try (FastaReader r = FastaReader.of(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), "test.fa", policy)) {
            return r.stream().toList();
        }
    }

    private static List<SequenceRecord> read(String text) throws IOException {
        return read(text, AmbiguityPolicy.MAP_TO_N);
    }

    @Test
    void multiLineCrlfLowerCaseRecordsAreJoinedUpperCasedAndSplitIntoIdAndDescription() throws IOException {
        List<SequenceRecord> rs = read(">s1 Homo sapiens? no, SARS-CoV-2\r\nacgt\r\nACgt\r\n\r\n>s2\r\nTTTT\r\n");
        assertEquals(2, rs.size());
        assertEquals(new SequenceRecord("s1", "Homo sapiens? no, SARS-CoV-2", "ACGTACGT"), rs.get(0));
        assertEquals(new SequenceRecord("s2", "", "TTTT"), rs.get(1));
    }

    @Test
    void gapsAreRemovedAndUracilBecomesThymine() throws IOException {
        assertEquals("ACGTTT", read(">g\nAC--G.T\nuu\n").get(0).sequence());
    }

    @Test
    void ambiguityCodesMapToNByDefaultOrAreKept() throws IOException {
        String text = ">a\nARYSWKMBDHVN\n";
        assertEquals("ANNNNNNNNNNN", read(text).get(0).sequence());
        assertEquals("ARYSWKMBDHVN", read(text, AmbiguityPolicy.KEEP).get(0).sequence());
        assertEquals("ARY", read(">b\nary\n", AmbiguityPolicy.KEEP).get(0).sequence());
    }

    @Test
    void duplicateIdsAreSkippedAndReported() throws IOException {
        try (FastaReader r = FastaReader.of(new ByteArrayInputStream(">x one\nAAA\n>y\nCCC\n>x two\nGGG\n".getBytes(StandardCharsets.US_ASCII)),
                "dup.fa", AmbiguityPolicy.MAP_TO_N)) {
            List<SequenceRecord> rs = r.stream().toList();
            assertEquals(List.of("x", "y"), rs.stream().map(SequenceRecord::id).toList());
            assertEquals("AAA", rs.get(0).sequence()); // the first occurrence wins
            assertEquals(List.of("x"), r.duplicateIds());
            assertEquals(1, r.warnings().size());
            assertTrue(r.warnings().get(0).contains("'x'") && r.warnings().get(0).contains("line 5"), r.warnings().get(0));
        }
    }

    @Test
    void gzipIsDetectedFromMagicBytesNotFromTheName() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(">z\nACGT\nNNAC\n".getBytes(StandardCharsets.US_ASCII));
        }
        Path file = dir.resolve("plain-looking.fasta");
        Files.write(file, bytes.toByteArray());
        List<SequenceRecord> rs = FastaReader.readAll(file, AmbiguityPolicy.MAP_TO_N);
        assertEquals(List.of(new SequenceRecord("z", "", "ACGTNNAC")), rs);
    }

    @Test
    void recordsAreReturnedBeforeTheRestOfTheInputIsRead() throws IOException {
        // the stream fails after the second header: a whole-file reader could not return record 1
        InputStream head = new ByteArrayInputStream(">r1\nACGT\n>r2\n".getBytes(StandardCharsets.US_ASCII));
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("network gone");
            }
        };
        try (FastaReader r = FastaReader.of(new SequenceInputStream(head, failing), "stream", AmbiguityPolicy.MAP_TO_N)) {
            assertTrue(r.hasNext());
            assertEquals("ACGT", r.next().sequence());
            Exception e = assertThrows(RuntimeException.class, r::hasNext);
            assertTrue(e.getMessage().contains("network gone"), e.getMessage());
        }
    }

    @Test
    void emptyFileIsAClearError() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.fa"));
        FastaFormatException e = assertThrows(FastaFormatException.class, () -> FastaReader.readAll(empty, AmbiguityPolicy.MAP_TO_N));
        assertTrue(e.getMessage().contains("empty.fa") && e.getMessage().contains("no FASTA records"), e.getMessage());
        assertThrows(FastaFormatException.class, () -> read("\n  \n\r\n"));
    }

    @Test
    void binaryGarbageIsAClearErrorNotADecodingFailure() throws IOException {
        byte[] garbage = new byte[256];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = (byte) (i * 37 + 11);
        }
        garbage[0] = 0x00;
        Path file = dir.resolve("model.bin");
        Files.write(file, garbage);
        FastaFormatException e = assertThrows(FastaFormatException.class, () -> FastaReader.readAll(file, AmbiguityPolicy.MAP_TO_N));
        assertTrue(e.getMessage().contains("not a nucleotide FASTA file") && e.getMessage().contains("binary"), e.getMessage());
    }

    @Test
    void binaryBytesInsideARecordNameTheRecord() {
        FastaFormatException e = assertThrows(FastaFormatException.class, () -> read(">ok\nACGT\n>bad\nAC\u0001\u00ffGT\n"));
        assertTrue(e.getMessage().contains("'bad'") && e.getMessage().contains("0x01") && e.getMessage().contains("binary"), e.getMessage());
    }

    @Test
    void proteinSequenceIsRejectedWithTheRecordId() {
        FastaFormatException e = assertThrows(FastaFormatException.class, () -> read(">P0DTC2\nMFVFLVLLPLVSSQCVNLT\n"));
        assertTrue(e.getMessage().contains("'P0DTC2'") && e.getMessage().contains("'F'") && e.getMessage().contains("line 2"),
                e.getMessage());
    }

    @Test
    void emptyRecordIsRejectedWithItsId() {
        FastaFormatException e = assertThrows(FastaFormatException.class, () -> read(">full\nACGT\n>hollow desc\n>next\nAC\n"));
        assertTrue(e.getMessage().contains("'hollow'") && e.getMessage().contains("no nucleotides"), e.getMessage());
        FastaFormatException gapsOnly = assertThrows(FastaFormatException.class, () -> read(">gaps\n----\n"));
        assertTrue(gapsOnly.getMessage().contains("'gaps'"), gapsOnly.getMessage());
    }

    @Test
    void headerWithoutIdIsRejected() {
        FastaFormatException e = assertThrows(FastaFormatException.class, () -> read(">\nACGT\n"));
        assertTrue(e.getMessage().contains("no id"), e.getMessage());
    }
}
