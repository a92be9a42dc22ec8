package org.bertgeometry.knime.nodes.textreader;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the texts of a UTF-8 file line by line for the Text Reader node: either every non-blank line is one text
 * ({@link TextLayout#LINES}), or the first non-blank line is a tab-separated header naming the text column and an
 * optional label column ({@link TextLayout#TAB_SEPARATED}; fields are taken literally, no quoting). Lines end in LF
 * or CRLF; a UTF-8 byte order mark is dropped; blank lines are skipped and their numbers kept for the node's
 * warning; an empty or blank field is a missing value. Each line is decoded on its own, so that an error names the
 * line that holds it: bytes that are not UTF-8, a NUL character (binary data), a line longer than
 * {@value #MAX_LINE_BYTES} bytes, a header without the chosen column, a row with another number of fields than the
 * header. Every exception names the file.
 */
final class TextFileReader implements Closeable {

    /** Longest line accepted: far beyond any text a BERT model reads, short enough to stop on a binary file. */
    static final int MAX_LINE_BYTES = 1 << 22;

    /** One text: its 1-based line in the file, the text, and the label (null: missing, or no label column). */
    record TextRow(long line, String text, String label) {
    }

    /** Where the text and label are in a line's fields; {@code label} -1 when there is none. */
    private record Columns(int text, int label, int fields) {
        static final Columns WHOLE_LINE = new Columns(0, -1, 1);
    }

    private final InputStream m_in;
    private final String m_fileName;
    private final CharsetDecoder m_utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] m_buffer = new byte[1 << 16];
    private final ByteArrayOutputStream m_lineBytes = new ByteArrayOutputStream();
    private final List<Long> m_blankLines = new ArrayList<>();
    private int m_position;
    private int m_limit;
    private long m_line;
    private Columns m_columns = Columns.WHOLE_LINE;

    private TextFileReader(final InputStream in, final String fileName) {
        m_in = in;
        m_fileName = fileName;
    }

    /** A reader taking every non-blank line of {@code in} as one text. */
    static TextFileReader lines(final InputStream in, final String fileName) {
        return new TextFileReader(in, fileName);
    }

    /**
     * A reader of a tab-separated file; reads its header row now.
     *
     * @param labelColumn the label column's name, or empty for none
     * @throws IOException if the file has no header row or the header lacks a chosen column
     */
    static TextFileReader tabSeparated(final InputStream in, final String fileName, final String textColumn,
        final String labelColumn) throws IOException {
        TextFileReader reader = new TextFileReader(in, fileName);
        String header = reader.nextNonBlankLine();
        if (header == null) {
            throw reader.problem("holds no header row (it is empty or all its lines are blank)");
        }
        List<String> names = Arrays.stream(header.split("\t", -1)).map(String::strip).toList();
        int text = reader.column(names, textColumn, "text");
        int label = labelColumn.isEmpty() ? -1 : reader.column(names, labelColumn, "label");
        reader.m_columns = new Columns(text, label, names.size());
        return reader;
    }

    private int column(final List<String> names, final String name, final String role) throws IOException {
        int index = names.indexOf(name);
        if (index < 0 || names.lastIndexOf(name) != index) {
            throw problem("line " + m_line + ": the header row (" + String.join(", ", names) + ") "
                + (index < 0 ? "has no" : "has more than one") + " column '" + name + "'; set the " + role
                + " column in the dialog to one of the header's names");
        }
        return index;
    }

    /** @return the next text, or null after the last line */
    TextRow next() throws IOException {
        String line = nextNonBlankLine();
        if (line == null) {
            return null;
        }
        if (m_columns == Columns.WHOLE_LINE) {
            return new TextRow(m_line, line, null);
        }
        String[] fields = line.split("\t", -1);
        if (fields.length != m_columns.fields()) {
            throw problem("line " + m_line + " has " + fields.length + " tab-separated field(s), the header row has "
                + m_columns.fields());
        }
        return new TextRow(m_line, field(fields, m_columns.text()), field(fields, m_columns.label()));
    }

    private static String field(final String[] fields, final int index) {
        return index < 0 || fields[index].isBlank() ? null : fields[index];
    }

    /** The numbers of the blank lines skipped so far, in file order. */
    List<Long> blankLines() {
        return List.copyOf(m_blankLines);
    }

    private String nextNonBlankLine() throws IOException {
        String line;
        while ((line = nextLine()) != null && line.isBlank()) {
            m_blankLines.add(m_line);
        }
        return line;
    }

    /** The next line without its line end, decoded on its own; null at the end of the file. */
    private String nextLine() throws IOException {
        m_lineBytes.reset();
        boolean ended = false;
        while (!ended) {
            if (m_position == m_limit && !fill()) {
                if (m_lineBytes.size() == 0) {
                    return null;
                }
                break;
            }
            int start = m_position;
            while (m_position < m_limit && m_buffer[m_position] != '\n') {
                m_position++;
            }
            m_lineBytes.write(m_buffer, start, m_position - start);
            ended = m_position < m_limit;
            if (ended) {
                m_position++; // the '\n'
            }
            if (m_lineBytes.size() > MAX_LINE_BYTES) {
                throw problem("line " + (m_line + 1) + " is longer than " + MAX_LINE_BYTES + " bytes; this is not a"
                    + " file of texts");
            }
        }
        m_line++;
        byte[] bytes = m_lineBytes.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        String line;
        try {
            line = m_utf8.decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw problem("line " + m_line + " is not UTF-8 text; save the file as UTF-8 or choose another file");
        }
        if (m_line == 1 && line.startsWith("\uFEFF")) {
            line = line.substring(1);
        }
        if (line.indexOf('\0') >= 0) {
            throw problem("line " + m_line + " holds a NUL character, so this is binary data, not text; choose a"
                + " UTF-8 text file");
        }
        return line;
    }

    private boolean fill() throws IOException {
        int n;
        try {
            n = m_in.read(m_buffer);
        } catch (IOException e) {
            throw new IOException("Cannot read the text file '" + m_fileName + "': " + e.getMessage(), e);
        }
        m_position = 0;
        m_limit = Math.max(0, n);
        return n > 0;
    }

    private IOException problem(final String what) {
        return new IOException("The text file '" + m_fileName + "' cannot be read: " + what + ".");
    }

    @Override
    public void close() throws IOException {
        m_in.close();
    }
}
