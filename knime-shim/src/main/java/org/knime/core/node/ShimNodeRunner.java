package org.knime.core.node;

import java.util.Optional;

import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

/**
 * NOT KNIME API: test support of the shim, playing the part of KNIME's {@code Node} for one {@link NodeModel}:
 * settings are validated before loading, configure and execute are called with port-count and port-type checks,
 * and a failed or canceled execution leaves no output (the model is reset, as KNIME does). Plugin main code must
 * never use this class.
 */
public final class ShimNodeRunner {
    private ShimNodeRunner() {
    }

    /** Saves the model's settings into a fresh {@link NodeSettings} named "model". */
    public static NodeSettings saveSettings(final NodeModel model) {
        NodeSettings s = new NodeSettings("model");
        model.saveSettingsTo(s);
        return s;
    }

    /** Validates, then loads settings, as KNIME does when a dialog is applied or a workflow is loaded. */
    public static void loadSettings(final NodeModel model, final NodeSettingsRO settings)
        throws InvalidSettingsException {
        model.validateSettings(settings);
        model.loadValidatedSettingsFrom(settings);
    }

    public static PortObjectSpec[] configure(final NodeModel model, final PortObjectSpec... inSpecs)
        throws InvalidSettingsException {
        if (inSpecs.length != model.nrIn()) {
            throw new IllegalArgumentException("Expected " + model.nrIn() + " input specs, got " + inSpecs.length);
        }
        PortObjectSpec[] out = model.configure(inSpecs);
        if (out == null || out.length != model.nrOut()) {
            throw new IllegalStateException("configure returned a wrong number of specs");
        }
        return out;
    }

    /**
     * Executes the model. On any exception (including {@link CanceledExecutionException}) the model is reset and
     * the exception is rethrown: there is no output, as in KNIME.
     */
    public static PortObject[] execute(final NodeModel model, final ExecutionContext exec,
        final PortObject... inObjects) throws Exception {
        if (inObjects.length != model.nrIn()) {
            throw new IllegalArgumentException("Expected " + model.nrIn() + " inputs, got " + inObjects.length);
        }
        try {
            PortObject[] out = model.execute(inObjects, exec);
            if (out == null || out.length != model.nrOut()) {
                throw new IllegalStateException("execute returned a wrong number of outputs");
            }
            for (int i = 0; i < out.length; i++) {
                if (out[i] == null
                    || !model.getOutPortType(i).getPortObjectClass().isInstance(out[i])) {
                    throw new IllegalStateException("execute returned a wrong object at output " + i);
                }
            }
            return out;
        } catch (Exception e) {
            model.reset();
            throw e;
        }
    }

    /** @return the number of input ports of {@code model} (KNIME's flow-variable port not counted) */
    public static int inputCount(final NodeModel model) {
        return model.nrIn();
    }

    /** @return the number of output ports of {@code model} (KNIME's flow-variable port not counted) */
    public static int outputCount(final NodeModel model) {
        return model.nrOut();
    }

    /** @return the last warning set by the model, if any */
    public static Optional<String> warning(final NodeModel model) {
        return Optional.ofNullable(model.warning());
    }
}
