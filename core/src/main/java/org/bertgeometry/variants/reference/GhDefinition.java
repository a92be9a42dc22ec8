package org.bertgeometry.variants.reference;

/**
 * What the paper's "gh" class is taken to mean when simulating it. The paper only names it "GH"; the
 * bundled table offers two readings (docs/case-study-data.md, "The GH class").
 */
public enum GhDefinition {
    /** GISAID clade GH as defined by GISAID: spike D614G only (table key "gh"). */
    GISAID_CLADE_GH("gh"),
    /**
     * The class as it appears in the paper's released gh genomes, which are B.1.640-like (table key
     * "gh_b1640"; frequencies measured on 23 genomes). Default, because it is what the model saw.
     */
    PAPER_B1640_LIKE("gh_b1640");

    private final String tableKey;

    GhDefinition(String tableKey) {
        this.tableKey = tableKey;
    }

    /** The class key used in the spike-mutation table. */
    public String tableKey() {
        return tableKey;
    }
}
