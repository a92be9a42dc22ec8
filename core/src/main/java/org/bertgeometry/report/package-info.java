/**
 * Reports shared by the CLI and the KNIME nodes: tables ({@link org.bertgeometry.report.table}),
 * PNG pictures ({@link org.bertgeometry.report.chart}) and the index page a person reads first
 * ({@link org.bertgeometry.report.html}). Pure Java (java.awt in headless mode, javax.imageio, Gson);
 * every writer produces identical bytes for identical input so reports can be compared and versioned.
 */
package org.bertgeometry.report;
