/**
 * Tables as files: {@link org.bertgeometry.report.table.CsvWriter} (RFC 4180 quoting, round-trip
 * doubles), {@link org.bertgeometry.report.table.CsvReader} (numeric tables with an optional class
 * column, errors naming line and column) and {@link org.bertgeometry.report.table.JsonFiles} for
 * summaries.
 */
package org.bertgeometry.report.table;
