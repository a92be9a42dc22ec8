package org.bertgeometry.cli.variants;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.bertgeometry.cli.BertGeo;

/** Runs {@code bertgeo} in-process with captured streams, as a shell user would call it. */
record CliRun(int code, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BertGeo.run(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }

    /**
     * True when the command exited with the error code, its last stderr line is one
     * {@code bertgeo: error: ...} line (earlier lines may be warnings), and no stack trace was printed.
     */
    boolean failedCleanly() {
        String[] lines = err.strip().split("\\R");
        return code == BertGeo.EXIT_ERROR && lines[lines.length - 1].startsWith("bertgeo: error: ")
                && !err.contains("\tat ") && !err.contains("Exception");
    }
}
