package org.bertgeometry.report.html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.bertgeometry.report.table.CsvWriter;
import org.bertgeometry.report.table.Table;

/**
 * Builds the index.html a person opens first in a report folder: a title, summary paragraphs, key
 * metrics, small tables, figures and links to the CSV/JSON files, in the order the builder methods
 * are called. All text is HTML-escaped; links and image sources must be relative paths inside the
 * report folder (no scheme, no leading slash, no "..") and are percent-encoded, so the page works
 * offline, can be moved with its folder, and never loads anything from the network. The page
 * carries no time stamp, so the same content gives the same bytes.
 */
public final class HtmlReport {

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*", Pattern.DOTALL);

    private sealed interface Block permits Heading, Paragraph, Metrics, TableBlock, Figure, Link {
    }

    private record Heading(String text) implements Block {
    }

    private record Paragraph(String text) implements Block {
    }

    private record Metrics(String caption, List<Map.Entry<String, Object>> rows) implements Block {
    }

    private record TableBlock(String caption, Table table, int maxRows, String fullFile) implements Block {
    }

    private record Figure(String src, String caption) implements Block {
    }

    private record Link(String href, String description) implements Block {
    }

    private final String title;
    private final List<Block> blocks = new ArrayList<>();

    private HtmlReport(String title) {
        this.title = requireText(title, "title");
    }

    /** A new report page with this title (shown in the browser tab and as the main heading). */
    public static HtmlReport titled(String title) {
        return new HtmlReport(title);
    }

    /** Starts a section with a second-level heading. */
    public HtmlReport section(String heading) {
        blocks.add(new Heading(requireText(heading, "heading")));
        return this;
    }

    /** A paragraph of plain text (escaped; line breaks in the text are kept as line breaks). */
    public HtmlReport paragraph(String text) {
        blocks.add(new Paragraph(requireText(text, "paragraph")));
        return this;
    }

    /**
     * A two-column table of named values, in the map's iteration order (use a LinkedHashMap). Doubles
     * and floats are shown with 4 significant digits ("NaN" for NaN); the files hold full precision.
     */
    public HtmlReport metrics(String caption, Map<String, ?> metrics) {
        List<Map.Entry<String, Object>> rows = new ArrayList<>();
        for (Map.Entry<String, ?> e : metrics.entrySet()) {
            rows.add(Map.entry(requireText(e.getKey(), "metric name"), e.getValue() == null ? "" : e.getValue()));
        }
        blocks.add(new Metrics(caption == null ? "" : caption, List.copyOf(rows)));
        return this;
    }

    /**
     * A table shown in the page, at most {@code maxRows} rows (at least 1); when it has more, a note
     * says how many are left out and, if {@code fullFile} is not null, links the file that holds them all.
     */
    public HtmlReport table(String caption, Table table, int maxRows, String fullFile) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1, got " + maxRows);
        }
        blocks.add(new TableBlock(caption == null ? "" : caption, table, maxRows,
                fullFile == null ? null : checkRelative(fullFile)));
        return this;
    }

    /** An image from a file in the report folder, given by its relative path, with a caption (also its alt text). */
    public HtmlReport figure(String relativePath, String caption) {
        blocks.add(new Figure(checkRelative(relativePath), requireText(caption, "figure caption")));
        return this;
    }

    /** A link to a file in the report folder (consecutive links form one list). */
    public HtmlReport link(String relativePath, String description) {
        blocks.add(new Link(checkRelative(relativePath), requireText(description, "link description")));
        return this;
    }

    /** The whole page as HTML5 text. */
    public String render() {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append("</title>\n")
                .append("<style>\n")
                .append("body{font-family:sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}\n")
                .append("h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ddd}\n")
                .append("table{border-collapse:collapse;margin:1rem 0}caption{text-align:left;font-weight:bold;padding:.3rem 0}\n")
                .append("th,td{border:1px solid #ccc;padding:.25rem .6rem;text-align:left}td.num{text-align:right;font-variant-numeric:tabular-nums}\n")
                .append("th{background:#f3f3f3}figure{margin:1.5rem 0}img{max-width:100%;height:auto;border:1px solid #eee}\n")
                .append("figcaption{color:#555;font-size:.92rem}p.note{color:#666;font-size:.9rem}\n")
                .append("</style>\n</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n");
        boolean inList = false;
        for (Block b : blocks) {
            if (inList && !(b instanceof Link)) {
                h.append("</ul>\n");
                inList = false;
            }
            if (b instanceof Heading x) {
                h.append("<h2>").append(escape(x.text())).append("</h2>\n");
            } else if (b instanceof Paragraph x) {
                h.append("<p>").append(escape(x.text()).replace("\n", "<br>\n")).append("</p>\n");
            } else if (b instanceof Metrics x) {
                h.append("<table class=\"metrics\">\n");
                if (!x.caption().isEmpty()) {
                    h.append("<caption>").append(escape(x.caption())).append("</caption>\n");
                }
                for (Map.Entry<String, Object> e : x.rows()) {
                    h.append("<tr><th scope=\"row\">").append(escape(e.getKey())).append("</th>")
                            .append(cell(e.getValue())).append("</tr>\n");
                }
                h.append("</table>\n");
            } else if (b instanceof TableBlock x) {
                renderTable(h, x);
            } else if (b instanceof Figure x) {
                h.append("<figure><img src=\"").append(escape(encode(x.src()))).append("\" alt=\"")
                        .append(escape(x.caption())).append("\"><figcaption>").append(escape(x.caption()))
                        .append("</figcaption></figure>\n");
            } else if (b instanceof Link x) {
                if (!inList) {
                    h.append("<ul class=\"files\">\n");
                    inList = true;
                }
                h.append("<li><a href=\"").append(escape(encode(x.href()))).append("\">").append(escape(x.href()))
                        .append("</a>: ").append(escape(x.description())).append("</li>\n");
            }
        }
        if (inList) {
            h.append("</ul>\n");
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void renderTable(StringBuilder h, TableBlock x) {
        Table t = x.table();
        h.append("<table>\n");
        if (!x.caption().isEmpty()) {
            h.append("<caption>").append(escape(x.caption())).append("</caption>\n");
        }
        h.append("<thead><tr>");
        for (String c : t.columns()) {
            h.append("<th scope=\"col\">").append(escape(c)).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        int shown = Math.min(t.rowCount(), x.maxRows());
        for (int r = 0; r < shown; r++) {
            h.append("<tr>");
            for (Object cell : t.row(r)) {
                h.append(cell(cell));
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n");
        if (t.rowCount() > shown) {
            h.append("<p class=\"note\">Showing ").append(shown).append(" of ").append(t.rowCount()).append(" rows");
            if (x.fullFile() != null) {
                h.append("; all rows are in <a href=\"").append(escape(encode(x.fullFile()))).append("\">")
                        .append(escape(x.fullFile())).append("</a>");
            }
            h.append(".</p>\n");
        }
    }

    private static String cell(Object v) {
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            String s = Double.isFinite(d) ? String.format(Locale.ROOT, "%.4g", d) : CsvWriter.format(v);
            return "<td class=\"num\">" + escape(s) + "</td>";
        }
        if (v instanceof Number) {
            return "<td class=\"num\">" + escape(v.toString()) + "</td>";
        }
        return "<td>" + escape(v == null ? "" : v.toString()) + "</td>";
    }

    /**
     * Writes the page to {@code file} (UTF-8). Every figure and linked file must already exist
     * relative to the page's folder: a report with broken links is refused with the missing paths
     * listed, so write the figures and data files first.
     */
    public void write(Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        List<String> missing = new ArrayList<>();
        for (Block b : blocks) {
            String target = b instanceof Figure f ? f.src()
                    : b instanceof Link l ? l.href()
                    : b instanceof TableBlock t ? t.fullFile() : null;
            if (target != null && !Files.exists(folder.resolve(target))) {
                missing.add(target);
            }
        }
        if (!missing.isEmpty()) {
            throw new IOException(file + ": the report links files that do not exist in " + folder + ": " + missing
                    + " (write figures and data files before the index page)");
        }
        Files.createDirectories(folder);
        Files.writeString(file, render(), StandardCharsets.UTF_8);
    }

    /** Text made safe for HTML element content and double- or single-quoted attribute values. */
    public static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    /** Percent-encodes a relative path for a URL: keeps letters, digits, "-._~" and "/", encodes UTF-8 bytes of the rest. */
    static String encode(String relativePath) {
        StringBuilder s = new StringBuilder();
        for (byte b : relativePath.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~' || c == '/') {
                s.append((char) c);
            } else {
                s.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return s.toString();
    }

    /** Accepts only relative paths that stay inside the report folder; refuses URLs and absolute paths. */
    static String checkRelative(String path) {
        requireText(path, "relative path");
        if (SCHEME.matcher(path).matches() || path.startsWith("/") || path.startsWith("\\") || path.contains("\\")) {
            throw new IllegalArgumentException("'" + path + "' must be a relative path inside the report folder"
                    + " using '/' (no URL, no absolute path): the report must work offline");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..") || segment.isEmpty()) {
                throw new IllegalArgumentException("'" + path + "' must stay inside the report folder"
                        + " (no '..' or empty path segments)");
            }
        }
        return path;
    }

    private static String requireText(String s, String what) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException("the " + what + " must not be empty");
        }
        return s;
    }
}
