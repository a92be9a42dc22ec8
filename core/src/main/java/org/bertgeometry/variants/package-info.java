/**
 * The SARS-CoV-2 case study of the paper (docs/methods.md, "Case-study data"): the eight variant
 * classes, the reference genome and spike coordinates, and sub-packages for reading FASTA files
 * ({@code fasta}), nucleotide helpers ({@code sequence}), the bundled reference and lineage table
 * ({@code reference}), spike extraction from whole genomes ({@code spike}), seeded simulation of
 * variant genomes ({@code simulation}) and classification metrics plus the stratified split
 * ({@code evaluation}). Nothing here reads files outside the classpath unless a caller passes a path.
 */
package org.bertgeometry.variants;
