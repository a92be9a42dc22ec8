package org.bertgeometry.capture;

/**
 * A sink that hands every hook value on to another sink, its {@link #target()}, and asks for what
 * that sink asks for; implementations add their own bookkeeping, usually in {@link #sampleDone}
 * (which by default is passed on too). It spares each such wrapper the same three delegating methods.
 */
public interface ForwardingSink extends CaptureSink {

    /** The sink that receives the hook values. */
    CaptureSink target();

    @Override
    default CaptureSpec requires() {
        return target().requires();
    }

    @Override
    default void accept(SampleContext sample, String name, CapturedTensor value) {
        target().accept(sample, name, value);
    }

    @Override
    default void sampleDone(SampleContext sample) {
        target().sampleDone(sample);
    }
}
