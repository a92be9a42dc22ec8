package org.bertgeometry.cli.io;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command that can run for minutes has: its standard streams (through picocli's
 * {@link CommandSpec}) and the {@code --progress}/{@code --no-progress} option, with progress bars
 * drawn on standard error. Picocli reads the annotated fields of this superclass as it reads the
 * subclass's own, so a subclass declares only its own options.
 */
public abstract class LongRunningCommand implements Callable<Integer> {

    @Mixin
    protected ProgressOptions progress = new ProgressOptions();

    @Spec
    protected CommandSpec spec;

    /** A progress bar labelled {@code label} on this command's standard error. */
    protected ProgressBar bar(String label) {
        return progress.bar(spec.commandLine().getErr(), label);
    }
}
