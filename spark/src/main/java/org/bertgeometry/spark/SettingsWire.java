package org.bertgeometry.spark;

import java.io.Serializable;
import org.bertgeometry.analysis.GeometryRunSettings;

/** {@link GeometryRunSettings} in a form Spark can ship to tasks (core types are not Serializable). */
record SettingsWire(int batchSize, double thetaHi, double kThreshold, boolean onlyCorrect, int clsPerClass)
        implements Serializable {

    static SettingsWire of(GeometryRunSettings s) {
        return new SettingsWire(s.batchSize(), s.thetaHi(), s.kThreshold(), s.onlyCorrect(), s.clsPerClass());
    }

    GeometryRunSettings settings() {
        return new GeometryRunSettings(batchSize, thetaHi, kThreshold, onlyCorrect, clsPerClass);
    }
}
