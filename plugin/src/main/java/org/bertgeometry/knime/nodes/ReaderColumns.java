package org.bertgeometry.knime.nodes;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.StringCell;

/**
 * The output table of this extension's reader nodes (FASTA Reader, Text Reader): string columns that the
 * reader always writes, then, when labels are read, a string column named {@value #LABEL}, the name the
 * Infer and Variant Classifier nodes look for by default.
 */
public final class ReaderColumns {

    /** The name of the optional label column. */
    public static final String LABEL = "label";

    private ReaderColumns() {
    }

    /** The string columns {@code names}, followed by {@value #LABEL} when {@code withLabel}. */
    public static DataTableSpec spec(final List<String> names, final boolean withLabel) {
        List<DataColumnSpec> cols = new ArrayList<>();
        for (String name : names) {
            cols.add(new DataColumnSpecCreator(name, StringCell.TYPE).createSpec());
        }
        if (withLabel) {
            cols.add(new DataColumnSpecCreator(LABEL, StringCell.TYPE).createSpec());
        }
        return new DataTableSpec(cols.toArray(new DataColumnSpec[0]));
    }
}
