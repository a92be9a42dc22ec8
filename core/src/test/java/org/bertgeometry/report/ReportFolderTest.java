package org.bertgeometry.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bertgeometry.report.chart.LineChart;
import org.bertgeometry.report.html.HtmlReport;
import org.bertgeometry.report.table.CsvReader;
import org.bertgeometry.report.table.CsvWriter;
import org.bertgeometry.report.table.JsonFiles;
import org.bertgeometry.report.table.NumericTable;
import org.bertgeometry.report.table.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three parts together, as the CLI uses them: data files, a figure, and the index page linking them. */
class ReportFolderTest {

    @Test
    void aReportFolderHasAnIndexWhoseEveryLinkResolvesAndWhoseTableReadsBack(@TempDir Path dir) throws IOException {
        double[] cone = {0.12, 0.35, 0.61, 0.74};
        Table t = Table.withColumns("layer", "cone_index");
        for (int l = 0; l < cone.length; l++) {
            t.addRow(l, cone[l]);
        }
        CsvWriter.write(t, dir.resolve("cone.csv"));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("layers", cone.length);
        summary.put("max_cone_index", 0.74);
        JsonFiles.write(summary, dir.resolve("summary.json"));
        LineChart.write(List.of(LineChart.Series.indexed("cone index", cone, 0)),
                LineChart.Options.defaults().withAxes("layer", "cone index"), dir.resolve("figures/cone.png"));
        HtmlReport.titled("Cone index").paragraph("The cone index rises with depth.")
                .metrics("Key metrics", summary).figure("figures/cone.png", "Cone index per layer")
                .table("Per layer", t, 10, "cone.csv")
                .link("cone.csv", "cone index per layer").link("summary.json", "summary")
                .write(dir.resolve("index.html"));

        String html = Files.readString(dir.resolve("index.html"));
        Matcher m = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(html);
        int links = 0;
        while (m.find()) {
            assertTrue(Files.isRegularFile(dir.resolve(m.group(1))), "broken link " + m.group(1));
            links++;
        }
        assertEquals(3, links);
        NumericTable back = CsvReader.readNumeric(dir.resolve("cone.csv"), CsvReader.Options.defaults());
        assertEquals(0.61, back.column("cone_index")[2]);
    }
}
