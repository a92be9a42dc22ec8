package org.bertgeometry.cli.geometry;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the geometry commands' CSV results: a header and rows, cells quoted only when needed. */
final class CsvOut {

    private CsvOut() {
    }

    static void write(Path file, String[] header, List<String[]> rows) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            line(w, header);
            for (String[] r : rows) {
                line(w, r);
            }
        }
    }

    private static void line(Writer w, String[] cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                w.write(',');
            }
            String c = cells[i];
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0) {
                w.write('"' + c.replace("\"", "\"\"") + '"');
            } else {
                w.write(c);
            }
        }
        w.write('\n');
    }
}
