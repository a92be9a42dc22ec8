package org.bertgeometry.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bertgeometry.report.table.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    @Test
    void escapesTheFiveHtmlSpecialCharacters() {
        assertEquals("&lt;b&gt;Tom &amp; &quot;Jerry&quot; &#39;x&#39;&lt;/b&gt;",
                HtmlReport.escape("<b>Tom & \"Jerry\" 'x'</b>"));
    }

    @Test
    void allUserTextIsEscapedSoNoMarkupCanBeInjected() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("<script>", "a&b");
        String html = HtmlReport.titled("Run <1>").section("S & T").paragraph("x < y\nnext line")
                .metrics("m \"q\"", m)
                .table("t", Table.withColumns("<col>").addRow("<cell>"), 5, null)
                .figure("fig.png", "caption \"quoted\" <i>")
                .link("data.csv", "<all> rows")
                .render();
        assertFalse(html.contains("<script>"));
        assertFalse(html.contains("<cell>") || html.contains("<col>") || html.contains("<all>") || html.contains("<i>"));
        assertTrue(html.contains("<title>Run &lt;1&gt;</title>"));
        assertTrue(html.contains("<h2>S &amp; T</h2>"));
        assertTrue(html.contains("<p>x &lt; y<br>\nnext line</p>"));
        assertTrue(html.contains("alt=\"caption &quot;quoted&quot; &lt;i&gt;\""));
    }

    @Test
    void pageLoadsNothingExternalAndHasNoScript() {
        String html = HtmlReport.titled("r").figure("figures/heat map.png", "h").link("a.csv", "d").render();
        assertFalse(html.contains("http:") || html.contains("https:") || html.contains("//"), html);
        assertFalse(html.toLowerCase().contains("<script"));
        assertTrue(html.contains("src=\"figures/heat%20map.png\""), "spaces are percent-encoded");
    }

    @Test
    void nonRelativeOrEscapingLinksAreRefused() {
        HtmlReport r = HtmlReport.titled("r");
        for (String bad : new String[] {"https://cdn.example.org/x.js", "javascript:alert(1)", "/etc/passwd",
                "../outside.csv", "a/../../b", "C:\\x.png", "data:image/png;base64,AA", "a//b"}) {
            assertThrows(IllegalArgumentException.class, () -> r.link(bad, "x"), bad);
        }
    }

    @Test
    void nonAsciiPathsArePercentEncodedAsUtf8() {
        // 'ä' is U+00E4 -> UTF-8 C3 A4
        assertEquals("f%C3%A4/x%26y.png", HtmlReport.encode("fä/x&y.png"));
    }

    @Test
    void longTablesAreCutWithANoteLinkingTheFullFile() {
        Table t = Table.withColumns("layer", "cone index");
        for (int i = 0; i < 12; i++) {
            t.addRow(i, 0.5);
        }
        String html = HtmlReport.titled("r").table("cone", t, 3, "cone.csv").render();
        assertEquals(3, html.split("<td class=\"num\">0.5000</td>", -1).length - 1, "only 3 rows shown");
        assertTrue(html.contains("Showing 3 of 12 rows; all rows are in <a href=\"cone.csv\">cone.csv</a>."));
    }

    @Test
    void metricsShowFourSignificantDigitsAndNaNLiterally() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accuracy", 0.987654);
        m.put("loss", Double.NaN);
        m.put("samples", 1200);
        String html = HtmlReport.titled("r").metrics("key metrics", m).render();
        assertTrue(html.contains("<th scope=\"row\">accuracy</th><td class=\"num\">0.9877</td>"));
        assertTrue(html.contains("<th scope=\"row\">loss</th><td class=\"num\">NaN</td>"));
        assertTrue(html.contains("<td class=\"num\">1200</td>"));
    }

    @Test
    void consecutiveLinksShareOneList() {
        String html = HtmlReport.titled("r").link("a.csv", "A").link("b.json", "B").paragraph("p").render();
        assertEquals(1, html.split("<ul", -1).length - 1);
        assertTrue(html.indexOf("</ul>") < html.indexOf("<p>p</p>"));
    }

    @Test
    void writeRefusesBrokenLinksAndOtherwiseWritesIdenticalBytes(@TempDir Path dir) throws IOException {
        HtmlReport r = HtmlReport.titled("r").figure("figs/a.png", "a").link("t.csv", "t");
        IOException e = assertThrows(IOException.class, () -> r.write(dir.resolve("index.html")));
        assertTrue(e.getMessage().contains("[figs/a.png, t.csv]"), e.getMessage());
        Files.createDirectories(dir.resolve("figs"));
        Files.write(dir.resolve("figs/a.png"), new byte[] {1});
        Files.write(dir.resolve("t.csv"), new byte[] {1});
        r.write(dir.resolve("index.html"));
        assertEquals(r.render(), Files.readString(dir.resolve("index.html")));
        assertEquals(r.render(), HtmlReport.titled("r").figure("figs/a.png", "a").link("t.csv", "t").render());
    }
}
