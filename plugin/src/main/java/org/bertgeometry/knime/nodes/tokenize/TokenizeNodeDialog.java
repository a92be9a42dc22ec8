package org.bertgeometry.knime.nodes.tokenize;

import org.knime.core.data.StringValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;

/** Dialog of the Tokenize node: text column (from the table at port 1) and maximum length. */
final class TokenizeNodeDialog extends DefaultNodeSettingsPane {
    @SuppressWarnings("unchecked")
    TokenizeNodeDialog() {
        TokenizeSettings s = new TokenizeSettings();
        addDialogComponent(
            new DialogComponentColumnNameSelection(s.columnModel(), "Text or sequence column", 1, StringValue.class));
        addDialogComponent(new DialogComponentNumber(s.maxLengthModel(), "Maximum length (tokens incl. [CLS] and [SEP]; 0 = model default)", 8));
    }
}
