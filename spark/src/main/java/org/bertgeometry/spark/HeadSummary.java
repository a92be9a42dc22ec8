package org.bertgeometry.spark;

import java.io.Serializable;
import org.bertgeometry.geometry.GateClassifier;

/**
 * What the driver receives of one (layer, head) after its class-mean sums were reduced on an executor:
 * the gate of every class and, of the one class whose maps the report reads, what it reads (the domain
 * tests) and, in the last layer, the map itself (the report draws it). Serializable because it is a
 * task result.
 *
 * @param layer    the layer
 * @param head     the head
 * @param gates    by class; null for a class without aggregated samples
 * @param classMap the cropped mean map of the requested class in the last layer; null in other layers or
 *                 when the class had no aggregated sample
 * @param readout  what the request's readout read from that class's map; null when it had no aggregated sample
 */
record HeadSummary(int layer, int head, GateClassifier.Classification[] gates, double[][] classMap,
        Serializable readout) implements Serializable {
}
