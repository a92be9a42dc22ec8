package org.bertgeometry.knime.nodes.loader;

import org.bertgeometry.knime.nodes.FlowVariableValues;
import org.bertgeometry.model.BertConfig;

/**
 * What the BERT Loader publishes as flow variables: the loaded model's size, so that a workflow can branch on it or
 * report it (bert_layers, bert_heads, bert_hidden_size, bert_vocabulary_size; integers from config.json).
 */
final class ModelFlowVariables {

    private ModelFlowVariables() {
    }

    static FlowVariableValues of(final BertConfig config) {
        return new FlowVariableValues()
            .putInt("bert_layers", config.numHiddenLayers())
            .putInt("bert_heads", config.numAttentionHeads())
            .putInt("bert_hidden_size", config.hiddenSize())
            .putInt("bert_vocabulary_size", config.vocabSize());
    }
}
