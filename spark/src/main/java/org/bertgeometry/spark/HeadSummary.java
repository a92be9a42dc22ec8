package org.bertgeometry.spark;

import java.io.Serializable;
import org.bertgeometry.geometry.GateClassifier;

/**
 * What the driver receives of one (layer, head) after its class-mean sums were reduced on an executor:
 * the gate of every class and the cropped mean map of the one class the report draws. Serializable
 * because it is a task result.
 *
 * @param layer    the layer
 * @param head     the head
 * @param gates    by class; null for a class without aggregated samples
 * @param classMap the cropped mean map of the requested class, or null when it had no aggregated sample
 */
record HeadSummary(int layer, int head, GateClassifier.Classification[] gates, double[][] classMap)
        implements Serializable {
}
