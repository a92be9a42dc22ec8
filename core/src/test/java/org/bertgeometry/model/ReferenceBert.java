package org.bertgeometry.model;

/**
 * An independent, deliberately naive double-precision BERT forward pass for ONE unpadded sequence,
 * written from the Hugging Face equations with plain loops (no DJL, no shared code with the engine
 * apart from reading {@link BertWeights}). Tests compare the engine against it.
 */
final class ReferenceBert {

    final BertConfig c;
    final BertWeights w;
    /** attention probabilities of the last run, [layer][head][i][j]. */
    double[][][][] probs;

    ReferenceBert(BertConfig c, BertWeights w) {
        this.c = c;
        this.w = w;
    }

    /** Final hidden states [T][H] of {@code ids} (token types 0). */
    double[][] hidden(int[] ids) {
        int t = ids.length;
        int h = c.hiddenSize();
        double[][] x = new double[t][h];
        for (int i = 0; i < t; i++) {
            for (int d = 0; d < h; d++) {
                x[i][d] = at("embeddings.word_embeddings.weight", ids[i], d)
                        + at("embeddings.position_embeddings.weight", i, d)
                        + at("embeddings.token_type_embeddings.weight", 0, d);
            }
        }
        x = layerNorm(x, "embeddings.LayerNorm");
        probs = new double[c.numHiddenLayers()][][][];
        for (int l = 0; l < c.numHiddenLayers(); l++) {
            String p = "encoder.layer." + l + ".";
            double[][] q = linear(x, p + "attention.self.query");
            double[][] k = linear(x, p + "attention.self.key");
            double[][] v = linear(x, p + "attention.self.value");
            int nh = c.numAttentionHeads();
            int hd = c.headDim();
            double[][] ctx = new double[t][h];
            probs[l] = new double[nh][t][t];
            for (int head = 0; head < nh; head++) {
                for (int i = 0; i < t; i++) {
                    double[] s = new double[t];
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j < t; j++) {
                        double dot = 0;
                        for (int d = 0; d < hd; d++) {
                            dot += q[i][head * hd + d] * k[j][head * hd + d];
                        }
                        s[j] = dot / Math.sqrt(hd);
                        max = Math.max(max, s[j]);
                    }
                    double z = 0;
                    for (int j = 0; j < t; j++) {
                        s[j] = Math.exp(s[j] - max);
                        z += s[j];
                    }
                    for (int j = 0; j < t; j++) {
                        probs[l][head][i][j] = s[j] / z;
                        for (int d = 0; d < hd; d++) {
                            ctx[i][head * hd + d] += s[j] / z * v[j][head * hd + d];
                        }
                    }
                }
            }
            double[][] a = add(linear(ctx, p + "attention.output.dense"), x);
            x = layerNorm(a, p + "attention.output.LayerNorm");
            double[][] inter = linear(x, p + "intermediate.dense");
            for (double[] row : inter) {
                for (int d = 0; d < row.length; d++) {
                    row[d] = act(row[d]);
                }
            }
            x = layerNorm(add(linear(inter, p + "output.dense"), x), p + "output.LayerNorm");
        }
        return x;
    }

    double[] pooled(double[][] hidden) {
        double[] y = linear(new double[][] {hidden[0]}, "pooler.dense")[0];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.tanh(y[i]);
        }
        return y;
    }

    double[] logits(double[] pooled) {
        return linear(new double[][] {pooled}, "classifier")[0];
    }

    double[] mlm(double[] hiddenRow) {
        double[][] y = linear(new double[][] {hiddenRow}, "cls.predictions.transform.dense");
        for (int d = 0; d < y[0].length; d++) {
            y[0][d] = act(y[0][d]);
        }
        y = layerNorm(y, "cls.predictions.transform.LayerNorm");
        double[] out = new double[c.vocabSize()];
        for (int v = 0; v < out.length; v++) {
            double s = at1("cls.predictions.bias", v);
            for (int d = 0; d < c.hiddenSize(); d++) {
                s += y[0][d] * at("embeddings.word_embeddings.weight", v, d);
            }
            out[v] = s;
        }
        return out;
    }

    double act(double x) {
        switch (c.hiddenAct()) {
            case GELU:
                return 0.5 * x * (1 + erf(x / Math.sqrt(2)));
            case GELU_NEW:
                return 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
            case RELU:
                return Math.max(0, x);
            default:
                throw new IllegalStateException();
        }
    }

    /** erf by its Maclaurin series (accurate to ~1e-12 for |x| <= 4), 1 beyond (error < 2e-8). */
    static double erf(double x) {
        if (Math.abs(x) > 4) {
            return Math.signum(x);
        }
        double sum = 0;
        double term = x;
        for (int n = 0; n < 200; n++) {
            sum += term / (2 * n + 1);
            term *= -x * x / (n + 1);
        }
        return 2 / Math.sqrt(Math.PI) * sum;
    }

    private double[][] linear(double[][] x, String name) {
        HostTensor wt = w.get(name + ".weight");
        int out = wt.dim(0);
        int in = wt.dim(1);
        double[][] y = new double[x.length][out];
        for (int i = 0; i < x.length; i++) {
            for (int o = 0; o < out; o++) {
                double s = w.get(name + ".bias").data()[o];
                for (int k = 0; k < in; k++) {
                    s += wt.data()[o * in + k] * x[i][k];
                }
                y[i][o] = s;
            }
        }
        return y;
    }

    private double[][] layerNorm(double[][] x, String name) {
        double[][] y = new double[x.length][x[0].length];
        for (int i = 0; i < x.length; i++) {
            double mean = 0;
            for (double v : x[i]) {
                mean += v;
            }
            mean /= x[i].length;
            double var = 0;
            for (double v : x[i]) {
                var += (v - mean) * (v - mean);
            }
            var /= x[i].length; // biased variance, as torch.nn.LayerNorm
            for (int d = 0; d < x[i].length; d++) {
                y[i][d] = (x[i][d] - mean) / Math.sqrt(var + c.layerNormEps()) * at1(name + ".weight", d)
                        + at1(name + ".bias", d);
            }
        }
        return y;
    }

    private static double[][] add(double[][] a, double[][] b) {
        double[][] y = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int d = 0; d < a[i].length; d++) {
                y[i][d] = a[i][d] + b[i][d];
            }
        }
        return y;
    }

    private double at(String name, int r, int col) {
        HostTensor t = w.get(name);
        return t.data()[r * t.dim(1) + col];
    }

    private double at1(String name, int i) {
        return w.get(name).data()[i];
    }
}
