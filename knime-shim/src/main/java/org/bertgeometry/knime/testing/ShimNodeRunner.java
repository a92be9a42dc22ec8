package org.bertgeometry.knime.testing;

import java.util.Optional;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * NOT KNIME API: test support of the shim, playing the part of KNIME's {@code Node} for one {@link NodeModel}:
 * settings are validated before loading, configure and execute are called with port-count and port-type checks,
 * and a failed or canceled execution leaves no output (the model is reset, as KNIME does). Plugin main code must
 * never use this class.
 */
public final class ShimNodeRunner {
    private static final Class<?>[] NONE = new Class<?>[0];

    private ShimNodeRunner() {
    }

    /** Saves the model's settings into a fresh {@link NodeSettings} named "model". */
    public static NodeSettings saveSettings(final NodeModel model) {
        NodeSettings s = new NodeSettings("model");
        ShimInternals.callUnchecked(NodeModel.class, model, "saveSettingsTo", new Class<?>[] {NodeSettingsWO.class},
            s);
        return s;
    }

    /** Validates, then loads settings, as KNIME does when a dialog is applied or a workflow is loaded. */
    public static void loadSettings(final NodeModel model, final NodeSettingsRO settings)
        throws InvalidSettingsException {
        Class<?>[] ro = {NodeSettingsRO.class};
        settingsCall(() -> ShimInternals.call(NodeModel.class, model, "validateSettings", ro, settings));
        settingsCall(() -> ShimInternals.call(NodeModel.class, model, "loadValidatedSettingsFrom", ro, settings));
    }

    public static PortObjectSpec[] configure(final NodeModel model, final PortObjectSpec... inSpecs)
        throws InvalidSettingsException {
        if (inSpecs.length != inputCount(model)) {
            throw new IllegalArgumentException("Expected " + inputCount(model) + " input specs, got "
                + inSpecs.length);
        }
        PortObjectSpec[] out = settingsCall(() -> ShimInternals.call(NodeModel.class, model, "configure",
            new Class<?>[] {PortObjectSpec[].class}, (Object)inSpecs));
        if (out == null || out.length != outputCount(model)) {
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
        if (inObjects.length != inputCount(model)) {
            throw new IllegalArgumentException("Expected " + inputCount(model) + " inputs, got " + inObjects.length);
        }
        try {
            PortObject[] out = ShimInternals.call(NodeModel.class, model, "execute",
                new Class<?>[] {PortObject[].class, ExecutionContext.class}, inObjects, exec);
            if (out == null || out.length != outputCount(model)) {
                throw new IllegalStateException("execute returned a wrong number of outputs");
            }
            for (int i = 0; i < out.length; i++) {
                PortType type = ShimInternals.callUnchecked(NodeModel.class, model, "getOutPortType",
                    new Class<?>[] {int.class}, i);
                if (out[i] == null || !type.getPortObjectClass().isInstance(out[i])) {
                    throw new IllegalStateException("execute returned a wrong object at output " + i);
                }
            }
            return out;
        } catch (Exception e) {
            ShimInternals.callUnchecked(NodeModel.class, model, "reset", NONE);
            throw e;
        }
    }

    /** @return the number of input ports of {@code model} (KNIME's flow-variable port not counted) */
    public static int inputCount(final NodeModel model) {
        return ShimInternals.<Integer> callUnchecked(NodeModel.class, model, "nrIn", NONE);
    }

    /** @return the number of output ports of {@code model} (KNIME's flow-variable port not counted) */
    public static int outputCount(final NodeModel model) {
        return ShimInternals.<Integer> callUnchecked(NodeModel.class, model, "nrOut", NONE);
    }

    /** @return the last warning set by the model, if any */
    public static Optional<String> warning(final NodeModel model) {
        return Optional.ofNullable(ShimInternals.callUnchecked(NodeModel.class, model, "warning", NONE));
    }

    /** A call into the model that may throw only {@link InvalidSettingsException} among checked exceptions. */
    @FunctionalInterface
    private interface SettingsCall<T> {
        T run() throws Exception;
    }

    private static <T> T settingsCall(final SettingsCall<T> call) throws InvalidSettingsException {
        try {
            return call.run();
        } catch (InvalidSettingsException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
