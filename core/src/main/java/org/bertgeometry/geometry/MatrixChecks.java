package org.bertgeometry.geometry;

/**
 * Input validation shared by the geometry analyses, so that every bad input fails with the same
 * clear message (what is wrong, where, and what to do) instead of an index error deep in a loop.
 */
final class MatrixChecks {

    private MatrixChecks() {
    }

    /** Checks a non-empty rectangular matrix of finite values; returns its column count. */
    static int requireRectangular(double[][] m, String what) {
        if (m == null || m.length == 0) {
            throw new IllegalArgumentException(what + " is empty: give at least one row");
        }
        int cols = requireRow(m[0], what, 0);
        for (int i = 1; i < m.length; i++) {
            if (requireRow(m[i], what, i) != cols) {
                throw new IllegalArgumentException(what + " is not rectangular: row 0 has " + cols
                        + " values but row " + i + " has " + m[i].length);
            }
        }
        return cols;
    }

    static int requireRectangular(float[][] m, String what) {
        if (m == null || m.length == 0) {
            throw new IllegalArgumentException(what + " is empty: give at least one row");
        }
        int cols = -1;
        for (int i = 0; i < m.length; i++) {
            if (m[i] == null || m[i].length == 0) {
                throw new IllegalArgumentException(what + " row " + i + " is empty");
            }
            if (cols < 0) {
                cols = m[i].length;
            } else if (m[i].length != cols) {
                throw new IllegalArgumentException(what + " is not rectangular: row 0 has " + cols
                        + " values but row " + i + " has " + m[i].length);
            }
            for (int j = 0; j < cols; j++) {
                if (!Float.isFinite(m[i][j])) {
                    throw new IllegalArgumentException(what + " has a non-finite value " + m[i][j]
                            + " at row " + i + ", column " + j + ": clean the input first");
                }
            }
        }
        return cols;
    }

    private static int requireRow(double[] row, String what, int i) {
        if (row == null || row.length == 0) {
            throw new IllegalArgumentException(what + " row " + i + " is empty");
        }
        for (int j = 0; j < row.length; j++) {
            if (!Double.isFinite(row[j])) {
                throw new IllegalArgumentException(what + " has a non-finite value " + row[j]
                        + " at row " + i + ", column " + j + ": clean the input first");
            }
        }
        return row.length;
    }

    /** Checks a non-empty square matrix of finite values; returns its size. */
    static int requireSquare(double[][] m, String what) {
        int cols = requireRectangular(m, what);
        if (cols != m.length) {
            throw new IllegalArgumentException(what + " must be square but is " + m.length + "x" + cols);
        }
        return cols;
    }

    static int requireSquare(float[][] m, String what) {
        int cols = requireRectangular(m, what);
        if (cols != m.length) {
            throw new IllegalArgumentException(what + " must be square but is " + m.length + "x" + cols);
        }
        return cols;
    }

    static double[][] toDouble(float[][] m) {
        double[][] d = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            d[i] = new double[m[i].length];
            for (int j = 0; j < m[i].length; j++) {
                d[i][j] = m[i][j];
            }
        }
        return d;
    }

    static float[][] toFloat(double[][] m) {
        float[][] f = new float[m.length][];
        for (int i = 0; i < m.length; i++) {
            f[i] = new float[m[i].length];
            for (int j = 0; j < m[i].length; j++) {
                f[i][j] = (float) m[i][j];
            }
        }
        return f;
    }
}
