package org.bertgeometry.geometry;

/** The test matrices of the methods reference, section 10 items 5-7. */
final class ReferenceVectors {
    static final double[][] A = {{0.7, 0.2, 0.1}, {0.1, 0.8, 0.1}, {0.3, 0.3, 0.4}};
    static final double[][] B = {{1, 2}, {3, 4}};
    static final double[][] U = {{0.25, 0.25, 0.25, 0.25}, {0.25, 0.25, 0.25, 0.25},
        {0.25, 0.25, 0.25, 0.25}, {0.25, 0.25, 0.25, 0.25}};
    static final double[][] I4 = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
    static final double[][] R = {{1, 0, 0}, {0, 1, 0}, {1, 1, 0}};

    private ReferenceVectors() {
    }
}
