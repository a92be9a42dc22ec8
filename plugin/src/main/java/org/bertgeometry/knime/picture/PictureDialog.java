package org.bertgeometry.knime.picture;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/** Adds the picture settings a node uses to its dialog, as one group, with units and ranges in the labels. */
public final class PictureDialog {

    /** Which of the picture settings a node's picture uses. */
    public enum Uses { HEATMAPS, CHARTS, GRIDS, CONFUSION }

    private PictureDialog() {
    }

    public static void addTo(final DefaultNodeSettingsPane pane, final PictureSettings s, final Uses... uses) {
        java.util.Set<Uses> set = java.util.EnumSet.noneOf(Uses.class);
        set.addAll(java.util.List.of(uses));
        pane.createNewGroup("Picture (image output port)");
        if (set.contains(Uses.HEATMAPS)) {
            pane.addDialogComponent(new DialogComponentNumber(s.pixelBudgetModel(),
                "Heatmap size: most pixels per side (16-4096; larger maps are max-pooled)", 64));
        }
        if (set.contains(Uses.HEATMAPS) || set.contains(Uses.CONFUSION)) {
            pane.addDialogComponent(new DialogComponentStringSelection(s.scaleModel(), "Colour scale",
                PictureSettings.scaleLabels()));
        }
        if (set.contains(Uses.CHARTS)) {
            pane.addDialogComponent(new DialogComponentNumber(s.widthModel(), "Chart width (pixels, 200-4000)", 50));
            pane.addDialogComponent(new DialogComponentNumber(s.heightModel(), "Chart height (pixels, 150-3000)", 50));
        }
        if (set.contains(Uses.GRIDS)) {
            pane.addDialogComponent(new DialogComponentNumber(s.cellModel(),
                "Grid cell size (pixels per layer/head cell, 12-120)", 4));
        }
        pane.closeCurrentGroup();
    }
}
