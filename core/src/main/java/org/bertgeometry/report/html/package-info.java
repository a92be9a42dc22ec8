/**
 * The report's front page: {@link org.bertgeometry.report.html.HtmlReport} builds a self-contained
 * index.html (inline CSS, no scripts, no external resources) linking figures and data files that sit
 * beside it.
 */
package org.bertgeometry.report.html;
