package org.bertgeometry.knime.nodes.directionality;

import org.bertgeometry.knime.nodes.Choice;
import org.bertgeometry.knime.picture.PictureDialog;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentButtonGroup;

/** Dialog of the Subspace Directionality node: convention, subspace rank and the picture's look. */
final class DirectionalityNodeDialog extends DefaultNodeSettingsPane {
    DirectionalityNodeDialog() {
        DirectionalitySettings s = new DirectionalitySettings();
        addDialogComponent(new DialogComponentButtonGroup(s.conventionModel(), "How a head's weights are sliced", true,
            new Choice[]{
                new Choice("HF_EXACT", "As the model computes (rows of W_Q and W_K; default)",
                    "Head h uses rows h*d_k to (h+1)*d_k - 1 of the [out, in] weights.", true),
                new Choice("CODE_COMPAT", "As the paper's reference code (columns of W_Q and W_K)",
                    "Reproduces the published numbers; not what the model computes.", false)}));
        addDialogComponent(new DialogComponentNumber(s.rankModel(),
            "Subspace rank r for the principal angles (0 = all head dimensions; at most d_k)", 1));
        PictureDialog.addTo(this, s.picture(), PictureDialog.Uses.HEATMAPS);
    }
}
