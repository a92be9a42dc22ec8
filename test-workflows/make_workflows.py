#!/usr/bin/env python3
"""Writes the test workflows of this folder: workflow.knime, each node's settings.xml (KNIME 5.x XMLConfig
format), input CSVs and the testflow.properties / expected outputs that the plugin's TestWorkflowsTest reads.

Why generated: the XML is verbose and must stay consistent (node ids, folder names, connections); the compact
descriptions below are what a reviewer reads. The expected outputs are written here by hand from independent
reasoning (see the comments next to each), never from a run of the nodes. Run from this folder:
    python3 make_workflows.py
The input sequences of the case study are synthetic (seeded, class-specific substitutions on one random
backbone), not SARS-CoV-2 spikes: the workflows check the wiring and the structure of every output, fast.
"""
import gzip
import random
import re
import shutil
from pathlib import Path
from xml.sax.saxutils import quoteattr

HERE = Path(__file__).resolve().parent
BUNDLE = "org.bertgeometry.knime"
TEST_BUNDLE = "org.bertgeometry.knime.testing"
SOURCE = "Test Table Source (CSV)"
# what every Subspace Directionality row must satisfy whatever the weights (docs/methods.md; TableInvariants)
DIRECTIONALITY_INVARIANTS = "frobenius-split,delta-ratio,angle-order"
FIRST_SOURCE_ID = 11  # source nodes get ids after the workflow's own nodes, so expected/node<id> names stay
XMLNS = ('xmlns="http://www.knime.org/2008/09/XMLConfig" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
         'xsi:schemaLocation="http://www.knime.org/2008/09/XMLConfig http://www.knime.org/XMLConfig_2008_09.xsd"')

FACTORIES = {
    "BERT Loader": "org.bertgeometry.knime.nodes.loader.BertLoaderNodeFactory",
    "BERT Tokenize": "org.bertgeometry.knime.nodes.tokenize.TokenizeNodeFactory",
    "BERT Infer with Attention Capture": "org.bertgeometry.knime.nodes.infer.InferNodeFactory",
    "Subspace Directionality": "org.bertgeometry.knime.nodes.directionality.DirectionalityNodeFactory",
    "Attention Pattern Classifier": "org.bertgeometry.knime.nodes.pattern.PatternClassifierNodeFactory",
    "Cone Index": "org.bertgeometry.knime.nodes.cone.ConeIndexNodeFactory",
    "Variant Classifier": "org.bertgeometry.knime.nodes.variant.VariantClassifierNodeFactory",
    "FASTA Reader": "org.bertgeometry.knime.nodes.fasta.FastaReaderNodeFactory",
    "Text Reader": "org.bertgeometry.knime.nodes.textreader.TextReaderNodeFactory",
    # test-only source node of the test bundle (knime-it); the shim runner plays its part itself
    SOURCE: "org.bertgeometry.knime.workflows.CsvTableSourceNodeFactory",
}


# the stored tiny text model of loader-tokenize-directionality, loaded by the workflows beside it
# three labelled texts in that model's vocabulary, and what Infer makes of them: one row per input row, inputs
# kept; probabilities over the model's 2 labels, [CLS] embedding of hidden size 8; the predicted labels depend on
# the random weights: ignored; abstention missing (?), since the stored model folder has no abstention.json
STORED_MODEL_TEXTS = (("tok5 tok6", "neg"), ("tok7", "pos"), ("tok8 tok9 tok10", "neg"))
STORED_MODEL_TEXT_CSV = "text:string,label:string\n" + "".join(f"{t},{l}\n" for t, l in STORED_MODEL_TEXTS)
STORED_MODEL_INFER_EXPECTED = (
    "text:string,label:string,prediction:string,probabilities:doublelist,cls_embedding:doublelist,abstention:string\n"
    + "".join(f"{t},{l},*,[*;*],[{';'.join('*' * 8)}],?\n" for t, l in STORED_MODEL_TEXTS))


def infer_settings(text, label, batch_size, stored, **picture):
    """Infer with Attention Capture: the model's maximum length, theta 0.3 as in the paper, every sample in the
    class means; the picture settings (if any) follow the node's own."""
    return dict({"text_column": text, "label_column": label, "batch_size": batch_size, "max_length": 0,
                 "max_stored_samples": stored, "theta": 0.3, "only_correct": False}, **picture)


def variant_classifier_settings(label, preset, epochs, batch_size, validation_fraction):
    """Variant Classifier on the sequence column: the preset's learning rate, seed 42, no early stopping."""
    return {"sequence_column": "sequence", "label_column": label, "preset": preset, "epochs": epochs,
            "batch_size": batch_size, "learning_rate": 0.0, "seed": 42, "validation_fraction": validation_fraction,
            "early_stopping_patience": 0}


# the stored tiny text model of loader-tokenize-directionality (2 layers, 2 heads, hidden 8, labels neg/pos, 32
# positions) as node 1, and an Infer node for its labelled texts (STORED_MODEL_TEXT_CSV) keeping one sample
STORED_MODEL_LOADER = (1, "BERT Loader",
                       {"model_folder": "knime://knime.workflow/../loader-tokenize-directionality/model"}, 1)
STORED_MODEL_INFER = ("BERT Infer with Attention Capture", infer_settings("text", "label", batch_size=2, stored=1), 3)


def entry(key, value, indent):
    pad = " " * indent
    if value is None:
        return f'{pad}<entry key={quoteattr(key)} type="xstring" value="" isnull="true"/>\n'
    if isinstance(value, bool):
        t, v = "xboolean", str(value).lower()
    elif isinstance(value, int):
        t, v = "xint", str(value)
    elif isinstance(value, float):
        t, v = "xdouble", repr(value)
    else:
        t, v = "xstring", str(value)
    return f'{pad}<entry key={quoteattr(key)} type="{t}" value={quoteattr(v)}/>\n'


def config(key, items, indent):
    """items: list of (key, value) where value is a scalar, None, or a list of pairs (a sub-config)."""
    pad = " " * indent
    out = f"{pad}<config key={quoteattr(key)}>\n"
    for k, v in items:
        out += config(k, v, indent + 4) if isinstance(v, list) else entry(k, v, indent + 4)
    return out + f"{pad}</config>\n"


def document(key, items):
    body = "".join(config(k, v, 4) if isinstance(v, list) else entry(k, v, 4) for k, v in items)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<config {XMLNS} key={quoteattr(key)}>\n{body}</config>\n'


def node_settings(name, model, out_ports):
    return document("settings.xml", [
        ("node_file", "settings.xml"),
        ("flow_stack", []),
        ("internal_node_subsettings", [("memory_policy", "CacheSmallInMemory")]),
        ("model", list(model.items())),
        ("variables", []),
        ("customDescription", None),
        ("state", "CONFIGURED"),
        ("factory", FACTORIES[name]),
        ("node-name", name),
        ("node-bundle-name", "BERT Geometry test nodes" if name == SOURCE else "BERT Geometry for KNIME"),
        ("node-bundle-symbolic-name", TEST_BUNDLE if name == SOURCE else BUNDLE),
        ("node-bundle-vendor", "bertgeometry"),
        ("node-bundle-version", "1.0.0"),
        ("node-feature-name", None),
        ("node-feature-symbolic-name", None),
        ("node-feature-vendor", None),
        ("node-feature-version", "0.0.0"),
        ("factory_settings", []),
        ("name", name),
        ("hasContent", False),
        ("isInactive", False),
        ("ports", [(f"port_{p}", [("index", p), ("port_dir_location", None)]) for p in range(1, out_ports + 1)]),
        ("filestores", [("file_store_location", None), ("file_store_id", None)]),
    ])


def workflow_knime(nodes, connections):
    """nodes: list of (id, name, folder); connections: (sourceID, sourcePort, destID, destPort), data ports from 1."""
    node_cfgs = []
    for i, (nid, name, folder) in enumerate(nodes):
        node_cfgs.append((f"node_{nid}", [
            ("id", nid),
            ("node_settings_file", f"{folder}/settings.xml"),
            ("node_is_meta", False),
            ("node_type", "NativeNode"),
            ("ui_classname", "org.knime.core.node.workflow.NodeUIInformation"),
            ("ui_settings", [("extrainfo.node.bounds", [("array-size", 4), ("0", 100 + 150 * i), ("1", 100),
                                                        ("2", 75), ("3", 80)])]),
        ]))
    conn_cfgs = []
    for k, (src, sp, dst, dp) in enumerate(connections):
        conn_cfgs.append((f"connection_{k}", [
            ("sourceID", src), ("destID", dst), ("sourcePort", sp), ("destPort", dp),
            ("ui_classname", "org.knime.core.node.workflow.ConnectionUIInformation"),
            ("ui_settings", [("extrainfo.conn.bendpoints_size", 0)]),
        ]))
    return document("workflow.knime", [
        ("created_by", "5.5.0"),
        ("created_by_nightly", False),
        ("version", "5.1.0"),
        ("name", None),
        ("authorInformation", [("authored-by", "bertgeometry"), ("authored-when", "2026-11-26 12:00:00 +0000"),
                               ("lastEdited-by", "bertgeometry"), ("lastEdited-when", "2026-11-26 12:00:00 +0000")]),
        ("customDescription", None),
        ("state", "IDLE"),
        ("workflow_credentials", []),
        ("nodes", node_cfgs),
        ("connections", conn_cfgs),
    ])


def with_sources(nodes, connections, properties):
    """Each input table named in the compact descriptions as input.node<id>.port<p>=data/<file>.csv becomes a
    Test Table Source node reading that file, wired to that port, so that the stored workflow is self-sufficient
    in any KNIME (real core or the shim runner) without rewriting anything at run time."""
    nodes, connections, kept = list(nodes), list(connections), []
    next_id = FIRST_SOURCE_ID
    for key, value in properties:
        m = re.fullmatch(r"input\.node(\d+)\.port(\d+)", key)
        if m is None:
            kept.append((key, value))
            continue
        nodes.append((next_id, SOURCE, {"file": value}, 1))
        connections.append((next_id, 1, int(m.group(1)), int(m.group(2))))
        next_id += 1
    return nodes, connections, kept


def write_workflow(name, nodes, connections, properties, files, binary=None):
    """nodes: list of (id, node name, model settings dict, number of output data ports)."""
    nodes, connections, properties = with_sources(nodes, connections, properties)
    d = HERE / name
    if d.exists():
        for p in d.iterdir():
            if p.name != "model":  # a stored model folder is written separately
                shutil.rmtree(p) if p.is_dir() else p.unlink()
    d.mkdir(parents=True, exist_ok=True)
    listed = []
    for nid, nname, model, out_ports in nodes:
        folder = f"{nname} (#{nid})"
        (d / folder).mkdir()
        (d / folder / "settings.xml").write_text(node_settings(nname, model, out_ports))
        listed.append((nid, nname, folder))
    (d / "workflow.knime").write_text(workflow_knime(listed, connections))
    (d / "testflow.properties").write_text("".join(f"{k}={v}\n" for k, v in properties))
    for rel, text in files.items():
        (d / rel).parent.mkdir(parents=True, exist_ok=True)
        (d / rel).write_text(text)
    for rel, data in (binary or {}).items():
        (d / rel).parent.mkdir(parents=True, exist_ok=True)
        (d / rel).write_bytes(data)


# ---------------------------------------------------------------- picture sizes
SHEET_GAP = 12  # PictureSheet: 12 pixels around and between the charts of one picture


def training_picture(settings):
    """Exact size of the Variant Classifier's picture: the training curves, a line chart of exactly the chart size
    set (default 800 x 480), beside the validation confusion matrix, on a 2-column sheet whose cells are as large as
    the largest chart. The matrix of 2 or 3 classes (64-pixel cells; with labels, colour bar and title about
    380 x 290 pixels) is smaller than the curves here, so the sheet is 2 widths + 3 gaps by 1 height + 2 gaps."""
    w, h = settings.get("picture_chart_width", 800), settings.get("picture_chart_height", 480)
    return f"{2 * w + 3 * SHEET_GAP}x{h + 2 * SHEET_GAP}"


def directionality_picture(layers, heads, settings, shape_checked_by=None):
    """Subspace Directionality's layer-by-head heatmap; its exact size needs text extents, so the test derives it
    (PictureSizes) from the shape and the pixel budget set (default 512). A small map's size cannot tell its shape
    (TINY's 1 x 2 map is a 40 x 80-pixel plot in a frame set by the colour bar's 120-pixel height and the title's
    width: any 1-3 layers x 1-5 heads, a transposed map too, give the same size), so PictureSizes refuses it unless
    the expression names the test that checks the shape instead."""
    expression = f"layers={layers}; heads={heads}; pixels={settings.get('picture_heatmap_pixels', 512)}"
    if shape_checked_by:
        expression += f"; shape-checked-by={shape_checked_by}"
    return f"directionality({expression})"


# the node's unit test on a 4 x 12 model, whose plot sets both sides of the picture, checks the map's shape
DIRECTIONALITY_SHAPE_TEST = "DirectionalityNodeModelTest"


# ---------------------------------------------------------------- case study
def case_study():
    rng = random.Random(2025)
    backbone = [rng.choice("ACGT") for _ in range(300)]
    # class-specific substitutions (positions and bases fixed per class), so the classes differ in their k-mers
    subs = {"alpha": {30: "T", 95: "G", 160: "A", 250: "C"}, "delta": {45: "C", 120: "T", 200: "G", 280: "A"}}

    def seq(cls, r):
        s = list(backbone)
        for pos, base in subs[cls].items():
            s[pos] = base if s[pos] != base else "A" if base != "A" else "C"
        s[r.randrange(300)] = r.choice("ACGT")  # one random substitution per sequence
        return "".join(s)

    def table(n_per_class, seed):
        r = random.Random(seed)
        lines = ["id:string,sequence:string,variant:string"]
        for k in range(n_per_class):
            for cls in ("delta", "alpha"):
                lines.append(f"{cls}-{seed}-{k},{seq(cls, r)},{cls}")
        return "\n".join(lines) + "\n"

    vc = dict(variant_classifier_settings("variant", "TINY", epochs=1, batch_size=2, validation_fraction=0.1),
              picture_chart_width=720, picture_chart_height=420)
    infer = infer_settings("sequence", "variant", batch_size=4, stored=2, picture_samples=1)
    directionality = {"convention": "HF_EXACT", "subspace_rank": 0}
    nodes = [
        (1, "Variant Classifier", vc, 3),
        (2, "BERT Infer with Attention Capture", infer, 3),
        (3, "Attention Pattern Classifier", {"include_samples": False}, 2),
        (4, "Subspace Directionality", directionality, 2),
        (5, "Cone Index", {"vector_column": "cls_embedding", "group_column": "variant", "variant": "UNIT"}, 2),
    ]
    # KNIME port numbers: 0 is the flow-variable port, data ports start at 1
    connections = [(1, 1, 2, 1), (2, 2, 3, 1), (1, 1, 4, 1), (2, 1, 5, 1)]
    history_cols = ("epoch:int,train_loss:double,validation_loss:double,validation_accuracy:double,"
                    "learning_rate:double,seconds:double,best:boolean")
    infer_cols = ("id:string,sequence:string,variant:string,prediction:string,probabilities:doublelist,"
                  "cls_embedding:doublelist,abstention:string")
    dir_cols = ("layer:int,head:int,norm_M:double,norm_symmetric:double,norm_skew:double,delta:double,"
                "sym_positive_eigs:int,sym_negative_eigs:int,sym_zero_eigs:int,min_principal_angle_deg:double,"
                "mean_principal_angle_deg:double,max_principal_angle_deg:double")
    files = {
        "data/train.csv": table(3, 1),
        "data/validation.csv": table(1, 2),
        "data/test.csv": table(2, 3),
        # one epoch, and with a validation table its single epoch is the kept one
        "expected/node1.port2.csv": history_cols + "\n1,*,*,*,*,*,true\n",
        # input columns kept, one row per test row in input order; predictions and the abstention answer (the
        # Variant Classifier's model carries a rule fitted on its training) depend on training: ignored
        "expected/node2.port1.csv": infer_cols + "\n" + "".join(
            f"delta-3-{k},*,delta,*,*,*,*\nalpha-3-{k},*,alpha,*,*,*,*\n" for k in range(2)),
        # TINY has 1 layer and 2 heads: rows (layer, head) = (0,0), (0,1), layer-major; the trained values have no
        # independent source, so testflow.properties names the invariants every row must hold (TableInvariants)
        "expected/node4.port1.csv": dir_cols + "\n0,0" + ",*" * 10 + "\n0,1" + ",*" * 10 + "\n",
        # groups in order of first appearance in the test table (delta first), 2 embeddings each, none missing
        "expected/node5.port1.csv": "group:string,n:int,cone_index:double,cone_index_normalized:double,"
                                    "zero_vectors:int,missing_vectors:int\ndelta,2,*,*,0,0\nalpha,2,*,*,0,0\n",
    }
    # class-mean maps of both classes (only_correct off) x 1 layer x 2 heads; classes in the model's label
    # order, which is ascending (alpha, delta); further statistics columns are not checked ("...")
    files["expected/node3.port1.csv"] = ("source:string,item:string,layer:int,head:int,pattern:string,rule:string,...\n"
                                         "class,alpha,0,0,*,*\nclass,alpha,0,1,*,*\n"
                                         "class,delta,0,0,*,*\nclass,delta,0,1,*,*\n")
    properties = [
        ("description", "Case study: Variant Classifier (TINY, 1 epoch) -> Infer -> pattern classifier, "
                        "directionality of the trained weights, cone index of [CLS] embeddings per class"),
        ("input.node1.port2", "data/train.csv"),
        ("input.node1.port3", "data/validation.csv"),
        ("input.node2.port2", "data/test.csv"),
        ("tolerance", "1e-9"),
        ("invariants.node4.port1", DIRECTIONALITY_INVARIANTS),
        # pictures: training curves at the 720 x 420 set beside the confusion matrix (exact); one stored sample's
        # heatmaps of the last layer's 2 heads (its k-mer ticks depend on the trained vocabulary: at least); per
        # class a 1 x 2 gate grid of 40-pixel cells beside 2 heatmaps whose colour bars follow the data (at
        # least); the 1 x 2 delta map (exact, its shape checked by the node test); cone index bars at the default
        # 800 x 480 (exact)
        ("image.node1.port3", training_picture(vc)),
        ("image.node2.port3", ">=100x100"),
        ("image.node3.port2", ">=200x100"),
        ("image.node4.port2", directionality_picture(1, 2, directionality, DIRECTIONALITY_SHAPE_TEST)),
        ("image.node5.port2", "800x480"),
        # one epoch with a validation table: epoch 1 is the best; 4 test rows, at most 2 stored samples
        ("variable.node1.variant_best_epoch", "1"),
        ("variable.node1.variant_validation_accuracy", "*"),
        ("variable.node1.variant_validation_loss", "*"),
        ("variable.node2.infer_rows", "4"),
        ("variable.node2.infer_captured_samples", "2"),
    ]
    return nodes, connections, properties, files


def loader_tokenize_directionality():
    # model/: ModelFolders.tinyConfig() (2 layers, 2 heads, hidden 8, vocabulary [PAD] [UNK] [CLS] [SEP] [MASK]
    # tok5..tok11, labels neg/pos) with random weights and every key weight tied to its query weight
    nodes = [
        (1, "BERT Loader", {"model_folder": "knime://knime.workflow/model"}, 1),
        (2, "BERT Tokenize", {"text_column": "text", "max_length": 0}, 1),
        (3, "Subspace Directionality", {"convention": "HF_EXACT", "subspace_rank": 0}, 2),
    ]
    connections = [(1, 1, 2, 1), (1, 1, 3, 1)]
    files = {
        "data/text.csv": "text:string\ntok5 TOK6\nzzz\ntok7 tok8 tok9\n",
        # ids by hand from vocab.txt: [CLS]=2, [SEP]=3, [UNK]=1, tokK=K; lower-casing maps TOK6 to tok6
        "expected/node2.port1.csv": "text:string,tokens:stringlist,token_ids:intlist,attention_mask:intlist,"
                                    "truncated:boolean\n"
                                    "tok5 TOK6,[[CLS];tok5;tok6;[SEP]],[2;5;6;3],[1;1;1;1],false\n"
                                    "zzz,[[CLS];[UNK];[SEP]],[2;1;3],[1;1;1],false\n"
                                    "tok7 tok8 tok9,[[CLS];tok7;tok8;tok9;[SEP]],[2;7;8;9;3],[1;1;1;1;1],false\n",
        # W_K = W_Q makes W_Q^T W_K symmetric: skew part 0, delta 0; query and key subspaces coincide: all
        # principal angles 0. 2 layers x 2 heads, layer-major.
        "expected/node3.port1.csv": "layer:int,head:int,norm_M:double,norm_symmetric:double,norm_skew:double,"
                                    "delta:double,...\n0,0,*,*,0,0\n0,1,*,*,0,0\n1,0,*,*,0,0\n1,1,*,*,0,0\n",
    }
    properties = [
        ("description", "BERT Loader (a stored tiny model with tied query/key weights) -> Tokenize and "
                        "Subspace Directionality"),
        ("input.node2.port2", "data/text.csv"),
        # float32 weights: the skew norm of a symmetric product is exactly 0 only up to rounding
        ("tolerance", "1e-6"),
        # the model's size from model/config.json, read by hand
        ("variable.node1.bert_layers", "2"),
        ("variable.node1.bert_heads", "2"),
        ("variable.node1.bert_hidden_size", "8"),
        ("variable.node1.bert_vocabulary_size", "12"),
        # 2 x 2 delta map (all 0 here) of 40-pixel cells with axes and colour bar
        ("image.node3.port2", ">=80x80"),
    ]
    return nodes, connections, properties, files


def loader_infer_pattern():
    nodes = [
        STORED_MODEL_LOADER,
        (2, *STORED_MODEL_INFER),
        (3, "Attention Pattern Classifier", {"include_samples": True, "picture_heads": "0:1, 1:0",
                                             "picture_heatmap_pixels": 64}, 2),
    ]
    connections = [(1, 1, 2, 1), (2, 2, 3, 1)]
    files = {
        "data/text.csv": STORED_MODEL_TEXT_CSV,
        "expected/node2.port1.csv": STORED_MODEL_INFER_EXPECTED,
        # class-mean maps: classes neg, pos (model order) x 2 layers x 2 heads, then the one stored sample
        # (the first row, key Row0) x 2 layers x 2 heads
        "expected/node3.port1.csv": "source:string,item:string,layer:int,head:int,...\n" + "".join(
            f"class,{c},{l},{h}\n" for c in ("neg", "pos") for l in (0, 1) for h in (0, 1)) + "".join(
            f"sample,Row0,{l},{h}\n" for l in (0, 1) for h in (0, 1)),
    }
    properties = [
        ("description", "BERT Loader -> Infer with Attention Capture (labels, all samples) -> Attention Pattern "
                        "Classifier with the stored sample"),
        ("input.node2.port2", "data/text.csv"),
        # 3 rows, 1 stored sample; Infer draws no heatmaps by default (a one-line note); the pattern picture
        # holds, per class, the 2 x 2 gate grid and the two chosen heads' heatmaps
        ("variable.node2.infer_rows", "3"),
        ("variable.node2.infer_captured_samples", "1"),
        ("image.node2.port3", ">=200x20"),
        ("image.node3.port2", ">=240x160"),
    ]
    return nodes, connections, properties, files


def parallel_model_port():
    # one model port feeding two Infer nodes and a Variant Classifier (fine-tuning it), which KNIME executes at
    # the same time; knime-it's driver also executes a copy node by node and requires identical outputs
    vc = variant_classifier_settings("variant", "BASE", epochs=1, batch_size=2, validation_fraction=0.25)
    nodes = [
        STORED_MODEL_LOADER,
        (2, *STORED_MODEL_INFER),
        (3, *STORED_MODEL_INFER),
        (4, "Variant Classifier", vc, 3),
    ]
    connections = [(1, 1, 2, 1), (1, 1, 3, 1), (1, 1, 4, 1)]
    files = {
        "data/text.csv": STORED_MODEL_TEXT_CSV,
        "data/train.csv": "sequence:string,variant:string\n" + "".join(
            f"{'ACGT' * 4}{'A' * k},{'neg' if k % 2 else 'pos'}\n" for k in range(8)),
        "expected/node2.port1.csv": STORED_MODEL_INFER_EXPECTED,
        "expected/node3.port1.csv": STORED_MODEL_INFER_EXPECTED,
        # one epoch with a validation set: that epoch is the kept one
        "expected/node4.port2.csv": "epoch:int,train_loss:double,validation_loss:double,validation_accuracy:double,"
                                    "learning_rate:double,seconds:double,best:boolean\n1,*,*,*,*,*,true\n",
    }
    properties = [
        ("description", "One model port feeding two Infer nodes and a Variant Classifier (BASE: fine-tunes it)"),
        ("input.node2.port2", "data/text.csv"),
        ("input.node3.port2", "data/text.csv"),
        ("input.node4.port2", "data/train.csv"),
    ]
    return nodes, connections, properties, files


def loader_random_directionality():
    loader = {"model_folder": "", "source": "RANDOM", "random_size": "TINY",
              "vocabulary_file": "knime://knime.workflow/data/vocab.txt", "tokenizer": "kmer", "labels": "x,y",
              "random_seed": 3}
    nodes = [
        (1, "BERT Loader", loader, 1),
        (2, "Subspace Directionality", {"convention": "HF_EXACT", "subspace_rank": 0}, 2),
    ]
    files = {
        "data/vocab.txt": "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\nacgtacgtacgt\n",
        # TINY: 1 layer x 2 heads, layer-major; random weights: values not compared
        "expected/node2.port1.csv": "layer:int,head:int,...\n0,0\n0,1\n",
    }
    properties = [("description", "BERT Loader creating a new random TINY model -> Subspace Directionality"),
                  ("invariants.node2.port1", DIRECTIONALITY_INVARIANTS),
                  # TINY: 1 layer, 2 heads, hidden size 32 (VariantPreset); data/vocab.txt has 6 tokens
                  ("variable.node1.bert_layers", "1"), ("variable.node1.bert_heads", "2"),
                  ("variable.node1.bert_hidden_size", "32"), ("variable.node1.bert_vocabulary_size", "6")]
    return nodes, [(1, 1, 2, 1)], properties, files


def cone_index():
    nodes = [(1, "Cone Index", {"vector_column": "v", "group_column": "g", "variant": "UNIT",
                                "picture_chart_width": 640, "picture_chart_height": 360}, 2)]
    files = {
        "data/vectors.csv": "g:string,v:doublelist\na,[3;4]\na,[0;2]\nb,[1;0]\nb,[-2;0]\nb,[0;0]\n"
                            "c,[1;1]\nc,[1;1]\nc,?\n",
        # a: units (0.6,0.8) and (0,1) sum to (0.6,1.8), length sqrt(3.6) = 1.8973665961010275, /2 = 0.9486832980505138
        # b: units (1,0) and (-1,0) cancel: 0; the zero vector is skipped and counted
        # c: two equal unit vectors: length 2, /2 = 1; the missing vector is counted
        "expected/node1.port1.csv": "group:string,n:int,cone_index:double,cone_index_normalized:double,"
                                    "zero_vectors:int,missing_vectors:int\n"
                                    "a,2,1.8973665961010275,0.9486832980505138,0,0\n"
                                    "b,2,0,0,1,0\nc,2,2,1,0,1\n",
    }
    properties = [("description", "Cone Index of hand-made vectors (unit variant)"),
                  ("input.node1.port1", "data/vectors.csv"), ("tolerance", "1e-12"),
                  # the chart size set in the settings
                  ("image.node1.port2", "640x360")]
    return nodes, [], properties, files


def error_single_class():
    vc = variant_classifier_settings("variant", "TINY", epochs=1, batch_size=2, validation_fraction=0.25)
    nodes = [(1, "Variant Classifier", vc, 3)]
    files = {"data/train.csv": "sequence:string,variant:string\n" + "".join(
        f"{'ACGT' * 10}{'A' * k},alpha\n" for k in range(4))}
    properties = [("description", "Variant Classifier on a table with a single class fails with a clear error"),
                  ("input.node1.port2", "data/train.csv"),
                  ("error.node1", "holds a single class (alpha)")]
    return nodes, [], properties, files


def error_cone_mixed_lengths():
    nodes = [(1, "Cone Index", {"vector_column": "v", "group_column": "g", "variant": "RAW"}, 2)]
    files = {"data/vectors.csv": "g:string,v:doublelist\na,[1;0]\na,[1;0;0]\n"}
    properties = [("description", "Cone Index refuses a group mixing vector lengths"),
                  ("input.node1.port1", "data/vectors.csv"),
                  ("error.node1", "mixes vectors of length 2 and 3")]
    return nodes, [], properties, files


# ---------------------------------------------------------------- self-contained examples (README "Examples")
FASTA_READER = "FASTA Reader"


def simulated_genomes():
    """Whole SARS-CoV-2 genomes of three made-up classes, simulated from the bundled reference NC_045512.2: each
    class changes four fixed spike codons (its "lineage"), each genome gets two random substitutions outside the
    spike and one inside it, and every third genome a run of 50 N's in ORF1ab (as sequencing gaps are), so that the
    FASTA Reader's spike extraction has real work to do. Deterministic (seeded)."""
    ref_file = HERE.parent / "core/src/main/resources/org/bertgeometry/variants/NC_045512.2.fasta"
    genome = "".join(l.strip() for l in ref_file.read_text().splitlines() if not l.startswith(">")).upper()
    spike_start, spike_end = 21562, 25384  # 0-based start, exclusive end (1-based 21,563..25,384)
    lineages = {"alpha": (150, 1500, 2100, 3000), "delta": (300, 1200, 2400, 3300), "omicron": (450, 900, 2700, 3600)}

    def mutate(base, r):
        return r.choice([b for b in "ACGT" if b != base])

    def one(cls, k, seed):
        r = random.Random(seed * 1000 + k * 10 + len(cls))
        g = list(genome)
        for offset in lineages[cls]:
            g[spike_start + offset] = mutate(g[spike_start + offset], r)
        for _ in range(2):
            pos = r.randrange(0, spike_start - 100)
            g[pos] = mutate(g[pos], r)
        pos = spike_start + r.randrange(0, spike_end - spike_start)
        g[pos] = mutate(g[pos], r)
        if k % 3 == 2:
            g[5000:5050] = "N" * 50
        return "".join(g)

    def fasta(n_per_class, seed, spikes_only):
        out = []
        for k in range(n_per_class):
            for cls in lineages:
                g = one(cls, k, seed)
                seq = g[spike_start:spike_end] if spikes_only else g
                out.append(f">{cls}-{seed}-{k} class={cls} simulated from NC_045512.2\n")
                out.extend(seq[i:i + 70] + "\n" for i in range(0, len(seq), 70))
        return "".join(out)

    return fasta


def example_case_study():
    fasta = simulated_genomes()
    train = {"fasta_file": "knime://knime.workflow/data/train-genomes.fasta.gz", "keep_ambiguity_codes": False,
             "label_source": "Value of a key=value pair in the header", "label_key": "class", "label_regex": "",
             "extract_spike": True}
    test = dict(train, fasta_file="knime://knime.workflow/data/test-spikes.fasta", extract_spike=False)
    vc = variant_classifier_settings("label", "TINY", epochs=2, batch_size=4, validation_fraction=0.25)
    infer = infer_settings("sequence", "label", batch_size=4, stored=3, picture_samples=1)
    nodes = [
        (1, FASTA_READER, train, 1),
        (2, "Variant Classifier", vc, 3),
        (3, FASTA_READER, test, 1),
        (4, "BERT Infer with Attention Capture", infer, 3),
        (5, "Attention Pattern Classifier", {"include_samples": False,
                                             "picture_ticks": "Amino acids of 12-mers at stride 9 (spike models)"}, 2),
        (6, "Subspace Directionality", {"convention": "HF_EXACT", "subspace_rank": 0}, 2),
        (7, "Cone Index", {"vector_column": "cls_embedding", "group_column": "label", "variant": "UNIT"}, 2),
    ]
    settings = {nid: model for nid, _, model, _ in nodes}
    connections = [(1, 1, 2, 2), (2, 1, 4, 1), (3, 1, 4, 2), (4, 2, 5, 1), (2, 1, 6, 1), (4, 1, 7, 1)]
    files = {
        "data/test-spikes.fasta": fasta(2, 2, True),
        # 6 test spikes, 2 per class in file order; predictions and embeddings depend on training: ignored
        "expected/node3.port1.csv": "id:string,description:string,sequence:string,label:string\n" + "".join(
            f"{c}-2-{k},class={c} simulated from NC_045512.2,*,{c}\n" for k in range(2)
            for c in ("alpha", "delta", "omicron")),
        # the abstention answer of the trained model's rule depends on training: ignored
        "expected/node4.port1.csv": "id:string,description:string,sequence:string,label:string,prediction:string,"
                                    "probabilities:doublelist,cls_embedding:doublelist,abstention:string\n" + "".join(
            f"{c}-2-{k},*,*,{c},*,[*;*;*],[{';'.join('*' * 32)}],*\n" for k in range(2)
            for c in ("alpha", "delta", "omicron")),
        # TINY: 1 layer x 2 heads, for each class in the model's (ascending) label order
        "expected/node5.port1.csv": "source:string,item:string,layer:int,head:int,...\n" + "".join(
            f"class,{c},0,{h}\n" for c in ("alpha", "delta", "omicron") for h in (0, 1)),
        "expected/node6.port1.csv": "layer:int,head:int,...\n0,0\n0,1\n",
        "expected/node7.port1.csv": "group:string,n:int,cone_index:double,cone_index_normalized:double,"
                                    "zero_vectors:int,missing_vectors:int\nalpha,2,*,*,0,0\ndelta,2,*,*,0,0\n"
                                    "omicron,2,*,*,0,0\n",
    }
    binary = {"data/train-genomes.fasta.gz": gzip.compress(fasta(4, 1, False).encode("ascii"), mtime=0)}
    properties = [
        ("description", "Example: the case study from FASTA files in the workflow's data folder. FASTA Reader "
                        "(12 simulated whole genomes, gzipped, spikes extracted) -> Variant Classifier (TINY, 2 "
                        "epochs); FASTA Reader (6 test spikes) -> Infer with Attention Capture -> Attention "
                        "Pattern Classifier, Subspace Directionality, Cone Index, each with its picture"),
        # exact where the size follows from settings and shape (TINY: 1 layer, 2 heads); Infer's k-mer ticks and
        # the pattern heatmaps' data-dependent colour bars leave those two at least a size
        ("image.node2.port3", training_picture(vc)),
        ("image.node4.port3", ">=200x200"),
        ("image.node5.port2", ">=400x300"),
        ("image.node6.port2", directionality_picture(1, 2, settings[6], DIRECTIONALITY_SHAPE_TEST)),
        ("image.node7.port2", "800x480"),
        ("variable.node2.variant_best_epoch", "*"),
        ("variable.node2.variant_validation_accuracy", "*"),
        ("variable.node4.infer_rows", "6"),
        ("variable.node4.infer_captured_samples", "3"),
        ("invariants.node6.port1", DIRECTIONALITY_INVARIANTS),
    ]
    return nodes, connections, properties, files, binary


def example_text():
    """Text Reader (the sentences and labels in the workflow's own data/sentences.tsv) -> Tokenize -> Infer ->
    Pattern Classifier, with the BERT Loader on a stored tiny text model (a copy of
    loader-tokenize-directionality/model in the workflow's own model/ folder). Nothing but this extension's nodes:
    the workflow runs as stored in KNIME Analytics Platform."""
    # a heatmap budget of 128 pixels per side: 32-pixel cells for Row0's 4 tokens, 25 for Row1's 5 (at the default
    # 512 they would be 40), so the picture's size tells whether the node honours the setting
    infer = infer_settings("text", "label", batch_size=2, stored=2, picture_samples=2, picture_heatmap_pixels=128)
    reader = {"text_file": "knime://knime.workflow/data/sentences.tsv", "layout": "TAB_SEPARATED",
              "text_column": "text", "label_column": "label"}
    # grid cells of 110 pixels make each class's gate grid the largest chart of the picture (exact size below)
    pattern = {"include_samples": False, "picture_grid_cell": 110}
    nodes = [  # listed in reading order, which places them left to right in KNIME's editor
        (5, "Text Reader", reader, 1),
        (1, "BERT Loader", {"model_folder": "knime://knime.workflow/model"}, 1),
        (2, "BERT Tokenize", {"text_column": "text", "max_length": 0}, 1),
        (3, "BERT Infer with Attention Capture", infer, 3),
        (4, "Attention Pattern Classifier", pattern, 2),
    ]
    connections = [(5, 1, 2, 2), (1, 1, 2, 1), (2, 1, 3, 2), (1, 1, 3, 1), (3, 2, 4, 1)]
    rows = (("tok5 TOK6", "neg"), ("tok7 tok8 tok9", "pos"), ("zzz tok10", "neg"))
    files = {
        # what a user would type: a header row, then text <TAB> label per line
        "data/sentences.tsv": "text\tlabel\n" + "".join(f"{t}\t{l}\n" for t, l in rows),
        # the reader's output: the file's rows in order, columns text and label
        "expected/node5.port1.csv": "text:string,label:string\n" + "".join(f"{t},{l}\n" for t, l in rows),
        # ids by hand from model/vocab.txt: [CLS]=2, [SEP]=3, [UNK]=1, tokK=K; lower-casing maps TOK6 to tok6
        "expected/node2.port1.csv": "text:string,label:string,tokens:stringlist,token_ids:intlist,...\n"
                                    "tok5 TOK6,neg,[[CLS];tok5;tok6;[SEP]],[2;5;6;3]\n"
                                    "tok7 tok8 tok9,pos,[[CLS];tok7;tok8;tok9;[SEP]],[2;7;8;9;3]\n"
                                    "zzz tok10,neg,[[CLS];[UNK];tok10;[SEP]],[2;1;10;3]\n",
        "expected/node3.port1.csv": "text:string,label:string,...\n" + "".join(f"{t},{l}\n" for t, l in rows),
        # classes neg, pos (the model's labels) x 2 layers x 2 heads
        "expected/node4.port1.csv": "source:string,item:string,layer:int,head:int,...\n" + "".join(
            f"class,{c},{l},{h}\n" for c in ("neg", "pos") for l in (0, 1) for h in (0, 1)),
    }
    properties = [
        ("description", "Example: Text Reader (sentences and labels in the workflow's data/ folder) and BERT Loader "
                        "(a stored tiny text model in its model/ folder) -> Tokenize -> Infer with Attention Capture "
                        "-> Attention Pattern Classifier, with pictures"),
        ("variable.node1.bert_layers", "2"),
        ("variable.node1.bert_heads", "2"),
        ("variable.node1.bert_hidden_size", "8"),
        ("variable.node1.bert_vocabulary_size", "12"),
        ("variable.node3.infer_rows", "3"),
        ("variable.node3.infer_captured_samples", "2"),
        # the first 2 stored samples (Row0, Row1), each with the 2 heads of the last layer (layer 1), their tokens
        # as in expected/node2.port1.csv, at the pixel budget set: 4 heatmaps on a 2-column sheet
        ("image.node3.port3", f"infer(pixels={infer['picture_heatmap_pixels']}; layer=1; heads=0,1; "
                              "Row0=[CLS] tok5 tok6 [SEP]; "
                              "Row1=[CLS] tok7 tok8 tok9 [SEP])"),
        # classes neg and pos, each a 2 x 2 gate grid of 110-pixel cells and the heatmaps of the 2 heads of layer 1
        ("image.node4.port2", f"pattern(cell={pattern['picture_grid_cell']}; layers=2; heads=2; classes=neg,pos; "
                              "drawn=2)"),
    ]
    return nodes, connections, properties, files


def copy_model(src, dst):
    target = HERE / dst / "model"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(HERE / src / "model", target)


if __name__ == "__main__":
    write_workflow("case-study", *case_study())
    write_workflow("loader-tokenize-directionality", *loader_tokenize_directionality())
    write_workflow("loader-infer-pattern", *loader_infer_pattern())
    write_workflow("loader-random-directionality", *loader_random_directionality())
    write_workflow("parallel-model-port", *parallel_model_port())
    write_workflow("cone-index", *cone_index())
    write_workflow("error-variant-classifier-single-class", *error_single_class())
    write_workflow("error-cone-index-mixed-lengths", *error_cone_mixed_lengths())
    write_workflow("example-case-study", *example_case_study())
    write_workflow("example-text", *example_text())
    copy_model("loader-tokenize-directionality", "example-text")
