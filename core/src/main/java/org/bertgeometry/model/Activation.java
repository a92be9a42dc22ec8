package org.bertgeometry.model;

import java.util.Locale;

/**
 * The feed-forward activation named by {@code hidden_act} in a Hugging Face BERT config. Hugging Face
 * maps {@code "gelu"} to the exact erf form and {@code "gelu_new"} to the tanh approximation; we do
 * the same so that parity holds for both kinds of checkpoint.
 */
public enum Activation {
    /** {@code x * 0.5 * (1 + erf(x / sqrt 2))}. */
    GELU("gelu"),
    /** {@code 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))}. */
    GELU_NEW("gelu_new"),
    /** {@code max(0, x)}. */
    RELU("relu");

    private final String configName;

    Activation(String configName) {
        this.configName = configName;
    }

    /** The name used in {@code config.json}. */
    public String configName() {
        return configName;
    }

    /** Parses a {@code hidden_act} value; throws with the list of accepted names otherwise. */
    public static Activation fromConfigName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (Activation a : values()) {
            if (a.configName.equals(n)) {
                return a;
            }
        }
        if (n.equals("gelu_pytorch_tanh")) {
            return GELU_NEW;
        }
        throw new IllegalArgumentException("unsupported hidden_act '" + name
                + "'; supported: gelu, gelu_new, relu");
    }
}
