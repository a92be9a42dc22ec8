package org.bertgeometry.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bertgeometry.capture.HookPoint.Kind;
import org.junit.jupiter.api.Test;

/** Hook points: names as docs/capture.md lists them, parsing back, and a model's full list. */
class HookPointTest {

    @Test
    void namesAreTheDocumentedOnesAndParseBack() {
        assertEquals("layer.3.attention.probs", HookPoint.of(Kind.ATTENTION_PROBS, 3).name());
        assertEquals("embeddings.output", HookPoint.of(Kind.EMBEDDINGS_OUTPUT).name());
        assertEquals("layer.0.cls", HookPoint.of(Kind.LAYER_CLS, 0).name());
        assertEquals("cls", HookPoint.of(Kind.CLS).name());
        for (HookPoint p : HookPoint.all(3, true)) {
            assertEquals(p, HookPoint.parse(p.name()));
        }
        assertNull(HookPoint.parseOrNull("layer.x.attention.probs"));
        assertNull(HookPoint.parseOrNull("layer.1.attention.nothing"));
        assertThrows(IllegalArgumentException.class, () -> HookPoint.parse("no.such.point"));
        assertThrows(IllegalArgumentException.class, () -> HookPoint.of(Kind.ATTENTION_Q, -1));
        assertThrows(IllegalArgumentException.class, () -> new HookPoint(Kind.POOLED, 2));
    }

    @Test
    void aModelListsOnePointPerKindAndLayerPlusModelLevelPoints() {
        List<HookPoint> two = HookPoint.all(2, false);
        // embeddings.output + 2 layers x 8 layer kinds + cls
        assertEquals(1 + 2 * 8 + 1, two.size());
        assertEquals("embeddings.output", two.get(0).name());
        assertEquals("cls", two.get(two.size() - 1).name());
        assertTrue(HookPoint.all(2, true).stream().anyMatch(p -> p.kind() == Kind.POOLED));
        assertEquals(HookPoint.Layout.HEAD_MAP, HookPoint.parse("layer.1.attention.scores").layout());
        assertTrue(Kind.ATTENTION_CONTEXT.perHead());
        assertFalse(Kind.LAYER_OUTPUT.perHead());
    }

    @Test
    void specGlobsSelectByKindLayerAndHead() {
        CaptureSpec s = CaptureSpec.none().withLayers(1).withHeads(0).selecting(Kind.ATTENTION_PROBS);
        assertEquals(List.of("layer.*.attention.probs"), s.patterns());
        assertTrue(s.wants("layer.1.attention.probs"));
        assertFalse(s.wants("layer.0.attention.probs"), "layer 0 not selected");
        assertFalse(s.wants("layer.1.attention.scores"));
        assertTrue(s.selectsHead(0));
        assertFalse(s.selectsHead(1));
        assertEquals(s, CaptureSpec.of("layer.*.attention.probs").withLayers(1).withHeads(0));
    }
}
