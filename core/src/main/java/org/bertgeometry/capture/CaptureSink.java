package org.bertgeometry.capture;

import java.util.List;

/**
 * Receives captured activations as the model produces them, one (sample, hook name) at a time, so
 * that a consumer can keep, fold or discard them without the whole batch's captures ever being held
 * in Java memory at once. After all of a sample's tensors, {@link #sampleDone} is called.
 */
public interface CaptureSink {

    /** The points this sink needs; the caller unites these into the forward pass's spec. */
    CaptureSpec requires();

    /** One captured tensor of one sample. */
    void accept(SampleContext sample, String name, CapturedTensor value);

    /** Called once per sample after all its tensors. */
    default void sampleDone(SampleContext sample) {
    }

    /** A sink that forwards everything to each of {@code sinks}, in order. */
    static CaptureSink fanOut(List<? extends CaptureSink> sinks) {
        List<CaptureSink> copy = List.copyOf(sinks);
        return new CaptureSink() {
            @Override
            public CaptureSpec requires() {
                CaptureSpec s = CaptureSpec.none();
                for (CaptureSink k : copy) {
                    s = s.union(k.requires());
                }
                return s;
            }

            @Override
            public void accept(SampleContext sample, String name, CapturedTensor value) {
                for (CaptureSink k : copy) {
                    if (k.requires().wants(name)) {
                        k.accept(sample, name, value);
                    }
                }
            }

            @Override
            public void sampleDone(SampleContext sample) {
                for (CaptureSink k : copy) {
                    k.sampleDone(sample);
                }
            }
        };
    }
}
