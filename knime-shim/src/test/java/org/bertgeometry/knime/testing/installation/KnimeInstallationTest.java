package org.bertgeometry.knime.testing.installation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where tests look for a real KNIME: {@code -Dknime.home} first, else {@code ../shared} beside the checkout. */
class KnimeInstallationTest {

    @TempDir
    Path dir;

    private Path checkout() throws IOException {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.writeString(repo.resolve("mvnw"), "");
        return Files.createDirectories(repo.resolve("plugin"));
    }

    @Test
    void withoutKnimeHomeOrSharedFolderThereIsNone() throws IOException {
        assertEquals(Optional.empty(), KnimeInstallation.find(checkout(), null));
    }

    @Test
    void theSharedRuntimeBesideTheCheckoutIsFoundFromAModule() throws IOException {
        Path module = checkout();
        Path plugins = Files.createDirectories(dir.resolve("shared/knime-runtime/plugins"));
        assertEquals(Optional.of(new KnimeInstallation(plugins)), KnimeInstallation.find(module, null));
    }

    @Test
    void knimeHomeWinsOverTheSharedRuntime() throws IOException {
        Path module = checkout();
        Files.createDirectories(dir.resolve("shared/knime-runtime/plugins"));
        Path home = Files.createDirectories(dir.resolve("knime_5.5.3"));
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        assertEquals(Optional.of(new KnimeInstallation(plugins)), KnimeInstallation.find(module, home.toString()));
    }

    @Test
    void aKnimeHomeWithoutPluginsIsAnErrorThatSaysWhatToPointAt() throws IOException {
        Path module = checkout();
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> KnimeInstallation.find(module, dir.resolve("empty").toString()));
        assertTrue(e.getMessage().contains("has no plugins/ folder"), e.getMessage());
    }
}
