package org.bertgeometry.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bertgeometry.checkpoint.safetensors.SafetensorsReader;
import org.bertgeometry.checkpoint.safetensors.SafetensorsWriter;
import org.bertgeometry.model.HostTensor;
import org.bertgeometry.model.TinyCheckpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HuggingFaceFolderTest {

    @TempDir
    Path dir;

    private static void assertSameCheckpoint(BertCheckpoint expected, BertCheckpoint actual) {
        assertEquals(expected.config(), actual.config());
        assertEquals(expected.vocabulary(), actual.vocabulary());
        assertEquals(expected.tokenizerConfig(), actual.tokenizerConfig());
        assertEquals(new java.util.TreeSet<>(expected.weights().names()), new java.util.TreeSet<>(actual.weights().names()));
        for (String n : expected.weights().names()) {
            HostTensor e = expected.weights().get(n);
            HostTensor a = actual.weights().get(n);
            assertArrayEquals(e.shape(), a.shape(), n);
            for (int i = 0; i < e.size(); i++) {
                assertEquals(Float.floatToRawIntBits(e.data()[i]), Float.floatToRawIntBits(a.data()[i]), n);
            }
        }
    }

    @Test
    void saveThenLoadGivesTheSameClassifierModelBitForBit() throws Exception {
        BertCheckpoint original = TinyCheckpoints.checkpoint(List.of("negative", "positive"));
        HuggingFaceFolder.save(original, dir);
        BertCheckpoint back = HuggingFaceFolder.load(dir);
        assertSameCheckpoint(original, back);
        assertEquals(List.of("negative", "positive"), back.config().labels());
        assertEquals(dir, back.source());
    }

    @Test
    void classifierModelsAreSavedWithTheBertPrefixLikeBertForSequenceClassification() throws Exception {
        HuggingFaceFolder.save(TinyCheckpoints.checkpoint(List.of("a", "b")), dir);
        var names = SafetensorsReader.read(dir.resolve("model.safetensors")).tensors().keySet();
        assertTrue(names.contains("bert.encoder.layer.1.output.dense.weight"), names.toString());
        assertTrue(names.contains("bert.pooler.dense.weight"));
        assertTrue(names.contains("classifier.weight"));
        assertFalse(names.contains("bert.classifier.weight"));
        String config = Files.readString(dir.resolve("config.json"));
        assertTrue(config.contains("\"id2label\"") && config.contains("\"1\": \"b\""), config);
        String special = Files.readString(dir.resolve("special_tokens_map.json"));
        assertTrue(special.contains("\"mask_token\": \"[MASK]\""), special);
    }

    @Test
    void plainEncodersAreSavedWithBertModelNames() throws Exception {
        HuggingFaceFolder.save(TinyCheckpoints.checkpoint(List.of()), dir);
        var names = SafetensorsReader.read(dir.resolve("model.safetensors")).tensors().keySet();
        assertTrue(names.contains("encoder.layer.0.attention.self.query.weight"), names.toString());
        assertTrue(names.stream().noneMatch(n -> n.startsWith("bert.")));
        assertSameCheckpoint(TinyCheckpoints.checkpoint(List.of()), HuggingFaceFolder.load(dir));
    }

    @Test
    void bertPrefixedOldGammaBetaNamesAreAccepted() throws Exception {
        BertCheckpoint c = TinyCheckpoints.checkpoint(List.of());
        HuggingFaceFolder.save(c, dir);
        Map<String, HostTensor> renamed = new LinkedHashMap<>();
        c.weights().asMap().forEach((n, t) -> renamed.put("bert." + n.replace("LayerNorm.weight", "LayerNorm.gamma")
                .replace("LayerNorm.bias", "LayerNorm.beta"), t));
        SafetensorsWriter.write(dir.resolve("model.safetensors"), renamed, Map.of("format", "pt"));
        BertCheckpoint back = HuggingFaceFolder.load(dir);
        assertSameCheckpoint(c, back);
    }

    /**
     * Writes the checkpoint's tensors by hand as BF16 (upper 16 bits of each float32, i.e. truncation),
     * plus {@code extra} integer tensors of 8 zero bytes per element, without our writer.
     */
    private static void writeBf16WithIntegers(Path file, BertCheckpoint c, Map<String, String> extraDtypes) throws Exception {
        StringBuilder header = new StringBuilder("{");
        java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
        for (Map.Entry<String, HostTensor> e : c.weights().asMap().entrySet()) {
            int begin = data.size();
            for (float f : e.getValue().data()) {
                int bits = Float.floatToRawIntBits(f) >>> 16;
                data.write(bits & 0xff);
                data.write(bits >>> 8);
            }
            header.append('"').append(e.getKey()).append("\":{\"dtype\":\"BF16\",\"shape\":")
                    .append(java.util.Arrays.toString(e.getValue().shape()).replace(" ", ""))
                    .append(",\"data_offsets\":[").append(begin).append(',').append(data.size()).append("]},");
        }
        for (Map.Entry<String, String> e : extraDtypes.entrySet()) {
            int begin = data.size();
            data.write(new byte[16]);
            header.append('"').append(e.getKey()).append("\":{\"dtype\":\"").append(e.getValue())
                    .append("\",\"shape\":[1,2],\"data_offsets\":[").append(begin).append(',').append(data.size()).append("]},");
        }
        header.setLength(header.length() - 1);
        header.append('}');
        byte[] h = header.toString().getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(h.length).array());
        out.write(h);
        out.write(data.toByteArray());
        Files.write(file, out.toByteArray());
    }

    @Test
    void bf16WeightsAndAnInt64PositionIdsBufferLoad() throws Exception {
        BertCheckpoint c = TinyCheckpoints.checkpoint(List.of());
        HuggingFaceFolder.save(c, dir);
        writeBf16WithIntegers(dir.resolve("model.safetensors"), c, Map.of("embeddings.position_ids", "I64"));
        BertCheckpoint back = HuggingFaceFolder.load(dir);
        float w = c.weights().get("encoder.layer.1.output.dense.weight").data()[5];
        // BF16 keeps the top 16 bits: the float with the low 16 bits cleared
        float truncated = Float.intBitsToFloat(Float.floatToRawIntBits(w) & 0xffff0000);
        assertEquals(truncated, back.weights().get("encoder.layer.1.output.dense.weight").data()[5]);
        assertFalse(back.weights().has("embeddings.position_ids"));
    }

    @Test
    void otherIntegerTensorsAreRejected() throws Exception {
        BertCheckpoint c = TinyCheckpoints.checkpoint(List.of());
        HuggingFaceFolder.save(c, dir);
        writeBf16WithIntegers(dir.resolve("model.safetensors"), c, Map.of("encoder.layer.0.output.dense.weight_q", "I64"));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> HuggingFaceFolder.load(dir));
        assertTrue(e.getMessage().contains("weight_q") && e.getMessage().contains("I64"), e.getMessage());
    }

    @Test
    void tensorWhoseShapeDisagreesWithConfigJsonIsNamedWithTheFile() throws Exception {
        HuggingFaceFolder.save(TinyCheckpoints.checkpoint(List.of()), dir);
        Files.writeString(dir.resolve("config.json"), Files.readString(dir.resolve("config.json"))
                .replace("\"intermediate_size\": 16", "\"intermediate_size\": 32"));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> HuggingFaceFolder.load(dir));
        assertTrue(e.getMessage().contains("encoder.layer.0.intermediate.dense.weight"), e.getMessage());
        assertTrue(e.getMessage().contains("model.safetensors") && e.getMessage().contains("config.json"), e.getMessage());
    }

    @Test
    void missingTensorIsNamed() throws Exception {
        BertCheckpoint c = TinyCheckpoints.checkpoint(List.of());
        HuggingFaceFolder.save(c, dir);
        Map<String, HostTensor> fewer = new LinkedHashMap<>(c.weights().asMap());
        fewer.remove("encoder.layer.1.attention.self.key.bias");
        SafetensorsWriter.write(dir.resolve("model.safetensors"), fewer, Map.of());
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> HuggingFaceFolder.load(dir));
        assertTrue(e.getMessage().contains("missing tensor 'encoder.layer.1.attention.self.key.bias'"), e.getMessage());
    }

    @Test
    void unknownTensorsAreReportedNotDropped() throws Exception {
        BertCheckpoint c = TinyCheckpoints.checkpoint(List.of());
        HuggingFaceFolder.save(c, dir);
        Map<String, HostTensor> more = new LinkedHashMap<>(c.weights().asMap());
        more.put("qa_outputs.weight", HostTensor.zeros(2, 8));
        SafetensorsWriter.write(dir.resolve("model.safetensors"), more, Map.of());
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> HuggingFaceFolder.load(dir));
        assertTrue(e.getMessage().contains("qa_outputs.weight"), e.getMessage());
    }

    @Test
    void nonUtf8VocabularyIsRejected() throws Exception {
        HuggingFaceFolder.save(TinyCheckpoints.checkpoint(List.of()), dir);
        // 0xE9 alone is Latin-1 'é', an invalid byte sequence in UTF-8
        Files.write(dir.resolve("vocab.txt"), new byte[] {'[', 'P', 'A', 'D', ']', '\n', (byte) 0xE9, '\n'});
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> HuggingFaceFolder.load(dir));
        assertTrue(e.getMessage().contains("vocab.txt") && e.getMessage().contains("UTF-8"), e.getMessage());
    }

    @Test
    void emptyVocabularyIsRejected() throws Exception {
        HuggingFaceFolder.save(TinyCheckpoints.checkpoint(List.of()), dir);
        Files.write(dir.resolve("vocab.txt"), new byte[0]);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> HuggingFaceFolder.load(dir));
        assertTrue(e.getMessage().contains("vocab.txt") && e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void tokenizerJsonVocabularyIsUsedWhenVocabTxtIsAbsent() throws Exception {
        HuggingFaceFolder.save(TinyCheckpoints.checkpoint(List.of()), dir);
        Files.delete(dir.resolve("vocab.txt"));
        Files.delete(dir.resolve("tokenizer_config.json"));
        StringBuilder json = new StringBuilder("{\"normalizer\":{\"type\":\"BertNormalizer\",\"lowercase\":true},"
                + "\"model\":{\"type\":\"WordPiece\",\"vocab\":{");
        List<String> v = TinyCheckpoints.vocabulary();
        for (int i = v.size() - 1; i >= 0; i--) {
            json.append('"').append(v.get(i)).append("\":").append(i).append(i > 0 ? "," : "");
        }
        json.append("}}}");
        Files.writeString(dir.resolve("tokenizer.json"), json, StandardCharsets.UTF_8);
        BertCheckpoint back = HuggingFaceFolder.load(dir);
        assertEquals(v, back.vocabulary());
        assertEquals("true", back.tokenizerConfig().get("do_lower_case"));
    }

    @Test
    void folderWithOnlyPytorchModelBinIsRefusedWithConversionAdvice() throws Exception {
        Files.writeString(dir.resolve("config.json"), "{}");
        Files.write(dir.resolve("pytorch_model.bin"), new byte[] {(byte) 0x80, 2});
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> HuggingFaceFolder.load(dir));
        assertTrue(e.getMessage().contains("pickle") && e.getMessage().contains("safe_serialization=True"),
                e.getMessage());
    }

    @Test
    void savingWithoutVocabularyIsRefused() {
        BertCheckpoint c = TinyCheckpoints.checkpoint(List.of()).withVocabulary(List.of());
        assertThrows(IllegalArgumentException.class, () -> HuggingFaceFolder.save(c, dir));
    }
}
