package org.bertgeometry.knime.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.bertgeometry.model.Activation;
import org.bertgeometry.checkpoint.BertCheckpoint;
import org.bertgeometry.model.BertConfig;
import org.bertgeometry.model.BertInit;
import org.bertgeometry.checkpoint.HuggingFaceFolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The shipped bundles work in a real OSGi framework (Equinox), with the shim bundle playing org.knime.core: the
 * node bundle resolves with its embedded libraries, the natives fragment attaches to it, both start, and nodes
 * executed inside the framework run the engine from the bundle's own class loader. Everything crossing the
 * framework boundary goes through reflection because the test's classes and the bundles' classes come from
 * different class loaders, exactly as in KNIME.
 */
class BundleInEquinoxIT {

    private static Framework framework;
    private static Bundle shim;
    private static Bundle host;
    private static Bundle fragment;
    private static Path work;

    @BeforeAll
    static void startFramework() throws Exception {
        work = Path.of(System.getProperty("osgi.test.dir"));
        Files.createDirectories(work);
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).iterator().next();
        framework = factory.newFramework(Map.of(Constants.FRAMEWORK_STORAGE, work.resolve("storage").toString(),
            Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.start();
        BundleContext ctx = framework.getBundleContext();
        shim = ctx.installBundle(uri("bundle.shim"));
        host = ctx.installBundle(uri("bundle.host"));
        fragment = ctx.installBundle(uri("bundle.fragment"));
        assertTrue(framework.adapt(FrameworkWiring.class).resolveBundles(List.of(shim, host, fragment)),
            "all bundles must resolve");
        shim.start();
        host.start();
    }

    private static String uri(final String property) {
        String path = System.getProperty(property);
        assertNotNull(path, "system property " + property);
        return Path.of(path).toUri().toString();
    }

    @AfterAll
    static void stopFramework() throws Exception {
        if (framework != null) {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    @Test
    void bundlesResolveAndStartAndTheFragmentAttachesToTheHost() {
        assertEquals("org.knime.core", shim.getSymbolicName());
        assertEquals(Bundle.ACTIVE, shim.getState());
        assertEquals(Bundle.ACTIVE, host.getState());
        assertEquals(Bundle.RESOLVED, fragment.getState(), "a fragment is resolved, never active");
        assertEquals(host, fragment.adapt(BundleWiring.class).getRequiredWires("osgi.wiring.host").get(0)
            .getProvider().getBundle());
        // DJL finds the natives through this resource on the host's class path (joined by the fragment)
        assertNotNull(host.getResource("native/lib/pytorch.properties"),
            "the host must see the fragment's pytorch-native jar");
    }

    @Test
    void nodeClassesComeFromTheBundleAndKnimeClassesFromOrgKnimeCore() throws Exception {
        Class<?> factory = host.loadClass("org.bertgeometry.knime.nodes.loader.BertLoaderNodeFactory");
        // our factories may share a base class of the bundle; KNIME's NodeFactory is above it
        Class<?> nodeFactory = factory.getSuperclass();
        while (nodeFactory != null && !nodeFactory.getName().equals("org.knime.core.node.NodeFactory")) {
            nodeFactory = nodeFactory.getSuperclass();
        }
        assertNotNull(nodeFactory, "a node factory must extend org.knime.core.node.NodeFactory");
        assertEquals(shim.loadClass("org.knime.core.node.NodeFactory"), nodeFactory,
            "KNIME API classes must be wired from org.knime.core via Require-Bundle, not embedded");
        assertNotNull(host.getEntry("plugin.xml"));
        assertNotNull(host.getEntry("org/bertgeometry/knime/nodes/loader/BertLoaderNodeFactory.xml"));
    }

    @Test
    void loaderAndDirectionalityNodesExecuteInsideTheFramework() throws Exception {
        BertConfig config = new BertConfig(12, 8, 2, 2, 16, Activation.GELU, 32, 2, 1e-12, 0.0, 0.0, List.of());
        List<String> vocab = new java.util.ArrayList<>(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"));
        for (int i = vocab.size(); i < 12; i++) {
            vocab.add("tok" + i);
        }
        Path modelDir = work.resolve("model");
        HuggingFaceFolder.save(new BertCheckpoint(config, BertInit.random(config, 3, false), vocab, Map.of(), null),
            modelDir);

        Object loader = newModel("org.bertgeometry.knime.nodes.loader.BertLoaderNodeFactory");
        Class<?> settingsClass = shim.loadClass("org.knime.core.node.NodeSettings");
        Object settings = settingsClass.getConstructor(String.class).newInstance("model");
        settingsClass.getMethod("addString", String.class, String.class).invoke(settings, "model_folder",
            modelDir.toString());
        Class<?> runner = shim.loadClass("org.bertgeometry.knime.testing.ShimNodeRunner");
        Class<?> nodeModel = shim.loadClass("org.knime.core.node.NodeModel");
        Class<?> settingsRO = shim.loadClass("org.knime.core.node.NodeSettingsRO");
        runner.getMethod("loadSettings", nodeModel, settingsRO).invoke(null, loader, settings);

        Object[] models = execute(loader);
        Object summary = models[0].getClass().getMethod("getSummary").invoke(models[0]);
        assertTrue(summary.toString().contains("2 layers, 2 heads"), summary.toString());

        Object directionality = newModel("org.bertgeometry.knime.nodes.directionality.DirectionalityNodeFactory");
        Object[] tables = execute(directionality, models[0]);
        assertEquals(4L, tables[0].getClass().getMethod("size").invoke(tables[0]), "2 layers x 2 heads");

        // a BERT forward pass through DJL/PyTorch from inside the bundle (natives from the fragment)
        Object infer = newModel("org.bertgeometry.knime.nodes.infer.InferNodeFactory");
        Object inferSettings = settingsClass.getConstructor(String.class).newInstance("model");
        Method addString = settingsClass.getMethod("addString", String.class, String.class);
        Method addInt = settingsClass.getMethod("addInt", String.class, int.class);
        addString.invoke(inferSettings, "text_column", "text");
        addString.invoke(inferSettings, "label_column", "");
        addInt.invoke(inferSettings, "batch_size", 2);
        addInt.invoke(inferSettings, "max_length", 0);
        addInt.invoke(inferSettings, "max_stored_samples", 1);
        settingsClass.getMethod("addDouble", String.class, double.class).invoke(inferSettings, "theta", 0.3);
        settingsClass.getMethod("addBoolean", String.class, boolean.class).invoke(inferSettings, "only_correct",
            false);
        runner.getMethod("loadSettings", nodeModel, settingsRO).invoke(null, infer, inferSettings);
        Object exec = newExec();
        Object[] out = executeWith(infer, exec, models[0], textTable(exec, "tok5 tok6", "tok7", "tok8 tok9"));
        assertEquals(3L, out[0].getClass().getMethod("size").invoke(out[0]));
        Object captureSummary = out[1].getClass().getMethod("getSummary").invoke(out[1]);
        assertTrue(captureSummary.toString().startsWith("Attention of 3 samples (2 layers x 2 heads): 1 with full"),
            captureSummary.toString());
    }

    private static Object newExec() throws Exception {
        return shim.loadClass("org.bertgeometry.knime.testing.ShimExecution").getMethod("createContext", Path.class)
            .invoke(null, Files.createTempDirectory(work, "fs"));
    }

    /** A one-column string table built from the framework's (shim) classes. */
    private static Object textTable(final Object exec, final String... texts) throws Exception {
        String[][] rows = new String[texts.length][];
        for (int i = 0; i < texts.length; i++) {
            rows[i] = new String[]{texts[i]};
        }
        return stringTable(exec, new String[]{"text"}, rows);
    }

    /** A string table with the given columns and rows, built from the framework's (shim) classes. */
    private static Object stringTable(final Object exec, final String[] names, final String[][] rows)
        throws Exception {
        Class<?> dataType = shim.loadClass("org.knime.core.data.DataType");
        Class<?> stringCell = shim.loadClass("org.knime.core.data.def.StringCell");
        Object type = stringCell.getField("TYPE").get(null);
        Class<?> creator = shim.loadClass("org.knime.core.data.DataColumnSpecCreator");
        Class<?> colSpecClass = shim.loadClass("org.knime.core.data.DataColumnSpec");
        Object cols = Array.newInstance(colSpecClass, names.length);
        for (int c = 0; c < names.length; c++) {
            Array.set(cols, c, creator.getMethod("createSpec")
                .invoke(creator.getConstructor(String.class, dataType).newInstance(names[c], type)));
        }
        Class<?> tableSpec = shim.loadClass("org.knime.core.data.DataTableSpec");
        Object spec = tableSpec.getConstructor(cols.getClass()).newInstance(cols);
        Object container = exec.getClass().getMethod("createDataContainer", tableSpec).invoke(exec, spec);
        Class<?> dataCell = shim.loadClass("org.knime.core.data.DataCell");
        Class<?> defaultRow = shim.loadClass("org.knime.core.data.def.DefaultRow");
        Class<?> dataRow = shim.loadClass("org.knime.core.data.DataRow");
        Object cellArray = Array.newInstance(dataCell, 0);
        for (int i = 0; i < rows.length; i++) {
            Object cells = Array.newInstance(dataCell, names.length);
            for (int c = 0; c < names.length; c++) {
                Array.set(cells, c, stringCell.getConstructor(String.class).newInstance(rows[i][c]));
            }
            Object row = defaultRow.getConstructor(String.class, cellArray.getClass()).newInstance("r" + i, cells);
            container.getClass().getMethod("addRowToTable", dataRow).invoke(container, row);
        }
        container.getClass().getMethod("close").invoke(container);
        return container.getClass().getMethod("getTable").invoke(container);
    }

    @Test
    void variantClassifierTrainsThroughDjlAutogradInsideTheFramework() throws Exception {
        // two classes of short synthetic sequences differing in their first 12-mer
        String[][] rows = new String[8][];
        for (int i = 0; i < rows.length; i++) {
            String cls = i % 2 == 0 ? "a" : "b";
            String head = i % 2 == 0 ? "AAAAAAAAAAAA" : "CCCCCCCCCCCC";
            rows[i] = new String[]{head + "ACGTTGCAACGTTGCA".repeat(3) + "ACGT".substring(0, i % 4), cls};
        }
        Class<?> settingsClass = shim.loadClass("org.knime.core.node.NodeSettings");
        Object s = settingsClass.getConstructor(String.class).newInstance("model");
        Method addString = settingsClass.getMethod("addString", String.class, String.class);
        Method addInt = settingsClass.getMethod("addInt", String.class, int.class);
        Method addDouble = settingsClass.getMethod("addDouble", String.class, double.class);
        addString.invoke(s, "sequence_column", "sequence");
        addString.invoke(s, "label_column", "variant");
        addString.invoke(s, "preset", "TINY");
        addInt.invoke(s, "epochs", 1);
        addInt.invoke(s, "batch_size", 2);
        addDouble.invoke(s, "learning_rate", 0.0);
        addInt.invoke(s, "seed", 1);
        addDouble.invoke(s, "validation_fraction", 0.25);
        addInt.invoke(s, "early_stopping_patience", 0);
        Object vc = newModel("org.bertgeometry.knime.nodes.variant.VariantClassifierNodeFactory");
        shim.loadClass("org.bertgeometry.knime.testing.ShimNodeRunner").getMethod("loadSettings",
            shim.loadClass("org.knime.core.node.NodeModel"), shim.loadClass("org.knime.core.node.NodeSettingsRO"))
            .invoke(null, vc, s);
        Object exec = newExec();
        Object[] out = executeWith(vc, exec, null, stringTable(exec, new String[]{"sequence", "variant"}, rows), null);
        Object summary = out[0].getClass().getMethod("getSummary").invoke(out[0]);
        // TINY preset: 1 layer, 2 heads; labels are the distinct classes in ascending order
        assertTrue(summary.toString().contains("1 layers, 2 heads") && summary.toString().contains("labels [a, b]"),
            summary.toString());
        assertEquals(1L, out[1].getClass().getMethod("size").invoke(out[1]), "one history row for one epoch");
    }

    private static Object newModel(final String factoryClass) throws Exception {
        Object factory = host.loadClass(factoryClass).getConstructor().newInstance();
        Method create = factory.getClass().getMethod("createNodeModel");
        return create.invoke(factory);
    }

    private static Object[] execute(final Object model, final Object... inputs) throws Exception {
        return executeWith(model, newExec(), inputs);
    }

    private static Object[] executeWith(final Object model, final Object exec, final Object... inputs)
        throws Exception {
        Class<?> portObject = shim.loadClass("org.knime.core.node.port.PortObject");
        Class<?> execClass = shim.loadClass("org.knime.core.node.ExecutionContext");
        Object in = Array.newInstance(portObject, inputs.length);
        for (int i = 0; i < inputs.length; i++) {
            Array.set(in, i, inputs[i]);
        }
        Method m = shim.loadClass("org.bertgeometry.knime.testing.ShimNodeRunner").getMethod("execute",
            shim.loadClass("org.knime.core.node.NodeModel"), execClass, in.getClass());
        return (Object[])m.invoke(null, model, exec, in);
    }
}
