package org.bertgeometry.cli.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bertgeometry.cli.io.Stdio;

/**
 * Reads a text file (or standard input for {@code -}) of one input per line, with errors a shell
 * user can act on (text that is not UTF-8 is refused by {@link Stdio#reader}). A UTF-8 byte-order mark, as some editors write, is not part of the first text.
 */
final class InputLines {

    private InputLines() {
    }

    static List<String> read(Path file) throws IOException {
        String name = Stdio.name(file, true);
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(Stdio.reader(file))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(lines.isEmpty() && line.startsWith("\uFEFF") ? line.substring(1) : line);
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(name + ": no such file");
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(name + ": the input is empty; give one text per line");
        }
        return lines;
    }
}
