/**
 * How the commands open the files their options name, with {@code -} for standard input and output
 * ({@link org.bertgeometry.cli.io.Stdio}) and progress on standard error
 * ({@link org.bertgeometry.cli.io.Progress}).
 */
package org.bertgeometry.cli.io;
