package org.bertgeometry.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs {@code bertgeo} in-process with captured streams, as a shell user would call it. */
public record CliRun(int code, String out, String err) {

    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BertGeo.run(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Runs {@code bertgeo} with {@code stdin} as its standard input (for {@code -} arguments). */
    public static CliRun withStdin(String stdin, String... args) {
        InputStream before = System.in;
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            return of(args);
        } finally {
            System.setIn(before);
        }
    }

    /**
     * True when the command exited with the error code, its last stderr line is one
     * {@code bertgeo: error: ...} line (earlier lines may be warnings), and no stack trace was printed.
     */
    public boolean failedCleanly() {
        String[] lines = err.strip().split("\\R");
        return code == BertGeo.EXIT_ERROR && lines[lines.length - 1].startsWith("bertgeo: error: ")
                && !err.contains("\tat ") && !err.contains("Exception");
    }
}
