package org.bertgeometry.tokenize;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads a Hugging Face {@code tokenizer.json} into a {@link WordPieceTokenizer}. Read: the WordPiece
 * model ({@code vocab}, {@code unk_token}, {@code continuing_subword_prefix},
 * {@code max_input_chars_per_word}), the {@code BertNormalizer} flags ({@code clean_text},
 * {@code handle_chinese_chars}, {@code strip_accents} where null means "same as lowercase",
 * {@code lowercase}), {@code added_tokens}, the [CLS]/[SEP] tokens of a {@code BertProcessing} or
 * BERT-shaped {@code TemplateProcessing} post-processor, and the padding token. The file's own
 * {@code truncation}/{@code padding} sections are NOT applied: length handling is chosen by the
 * caller through {@link EncodeOptions} (default: truncate at 512, no padding).
 *
 * <p>Anything this implementation would not reproduce exactly (another model type, normalizer or
 * pre-tokenizer, added tokens with lstrip/rstrip/single_word) is refused with a
 * {@link TokenizerFormatException} rather than approximated.
 */
final class TokenizerJsonReader {

    private TokenizerJsonReader() {
    }

    static WordPieceTokenizer read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file);
    }

    static WordPieceTokenizer read(InputStream in, String sourceName) throws IOException {
        return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), Vocabulary.sourcePath(sourceName));
    }

    private static WordPieceTokenizer parse(String json, Path src) throws TokenizerFormatException {
        try {
            return parseStructure(json, src);
        } catch (ClassCastException | IllegalStateException | UnsupportedOperationException
                | NumberFormatException | NullPointerException | IndexOutOfBoundsException e) {
            // a field of the wrong JSON type or a missing nested field
            throw new TokenizerFormatException(src, "is not a well-formed tokenizer.json (" + e + ")", e);
        }
    }

    private static WordPieceTokenizer parseStructure(String json, Path src) throws TokenizerFormatException {
        JsonObject root;
        try {
            root = JsonParser.parseString(json).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new TokenizerFormatException(src, "is not a JSON object: " + e.getMessage(), e);
        }
        JsonObject model = object(root, "model", src);
        String type = string(model, "type", src);
        if (!"WordPiece".equals(type)) {
            throw new TokenizerFormatException(src, "model type is '" + type + "'; only WordPiece (BERT) tokenizers"
                    + " are supported");
        }
        JsonObject vocabJson = object(model, "vocab", src);
        String[] byId = new String[vocabJson.size()];
        for (Map.Entry<String, JsonElement> e : vocabJson.entrySet()) {
            int id = e.getValue().getAsInt();
            if (id < 0 || id >= byId.length || byId[id] != null) {
                throw new TokenizerFormatException(src, "model.vocab gives token '" + e.getKey() + "' id " + id
                        + ", but ids must be 0.." + (byId.length - 1) + " with each used once");
            }
            byId[id] = e.getKey();
        }
        List<String> tokens = new ArrayList<>(Arrays.asList(byId));

        List<AddedToken> added = new ArrayList<>();
        if (root.has("added_tokens") && root.get("added_tokens").isJsonArray()) {
            for (JsonElement el : root.getAsJsonArray("added_tokens")) {
                JsonObject t = el.getAsJsonObject();
                String content = string(t, "content", src);
                int id = t.get("id").getAsInt();
                for (String flag : List.of("lstrip", "rstrip", "single_word")) {
                    if (t.has(flag) && t.get(flag).getAsBoolean()) {
                        throw new TokenizerFormatException(src, "added token '" + content + "' sets " + flag
                                + "=true, which this tokenizer does not implement");
                    }
                }
                boolean normalized = t.has("normalized") && t.get("normalized").getAsBoolean();
                if (id == tokens.size() && !tokens.contains(content)) {
                    tokens.add(content); // added beyond the WordPiece vocabulary, as add_tokens does
                } else if (id < 0 || id >= tokens.size() || !tokens.get(id).equals(content)) {
                    throw new TokenizerFormatException(src, "added token '" + content + "' has id " + id
                            + ", which disagrees with model.vocab");
                }
                added.add(new AddedToken(content, id, normalized));
            }
        }
        Vocabulary vocab;
        try {
            vocab = Vocabulary.of(tokens);
        } catch (IllegalArgumentException e) {
            throw new TokenizerFormatException(src, e.getMessage(), e);
        }

        String unk = model.has("unk_token") ? string(model, "unk_token", src) : Vocabulary.UNK;
        String prefix = model.has("continuing_subword_prefix") ? string(model, "continuing_subword_prefix", src) : "##";
        int maxChars = model.has("max_input_chars_per_word") ? model.get("max_input_chars_per_word").getAsInt() : 100;

        BertNormalizer normalizer = readNormalizer(root, src);
        checkPreTokenizer(root, src);
        String[] clsSep = readClsSep(root, src);
        String pad = Vocabulary.PAD;
        if (root.has("padding") && root.get("padding").isJsonObject()
                && root.getAsJsonObject("padding").has("pad_token")) {
            pad = root.getAsJsonObject("padding").get("pad_token").getAsString();
        }
        try {
            return new WordPieceTokenizer(vocab, normalizer, new WordPieceModel(unk, prefix, maxChars), added,
                    clsSep[0], clsSep[1], pad, EncodeOptions.defaults());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new TokenizerFormatException(src, e.getMessage(), e);
        }
    }

    private static BertNormalizer readNormalizer(JsonObject root, Path src) throws TokenizerFormatException {
        JsonElement n = root.get("normalizer");
        if (n == null || n.isJsonNull()) {
            throw new TokenizerFormatException(src, "has no normalizer; expected a BertNormalizer");
        }
        JsonObject o = n.getAsJsonObject();
        String type = string(o, "type", src);
        if (!"BertNormalizer".equals(type)) {
            throw new TokenizerFormatException(src, "normalizer type is '" + type + "'; only BertNormalizer is supported");
        }
        boolean lowercase = bool(o, "lowercase", true);
        JsonElement strip = o.get("strip_accents");
        boolean stripAccents = strip == null || strip.isJsonNull() ? lowercase : strip.getAsBoolean();
        return new BertNormalizer(bool(o, "clean_text", true), bool(o, "handle_chinese_chars", true),
                stripAccents, lowercase);
    }

    private static void checkPreTokenizer(JsonObject root, Path src) throws TokenizerFormatException {
        JsonElement p = root.get("pre_tokenizer");
        String type = p == null || p.isJsonNull() ? "none" : string(p.getAsJsonObject(), "type", src);
        if (!"BertPreTokenizer".equals(type)) {
            throw new TokenizerFormatException(src, "pre_tokenizer is '" + type + "'; only BertPreTokenizer is supported");
        }
    }

    /** [CLS] and [SEP] from the post-processor. */
    private static String[] readClsSep(JsonObject root, Path src) throws TokenizerFormatException {
        JsonElement p = root.get("post_processor");
        if (p == null || p.isJsonNull()) {
            throw new TokenizerFormatException(src, "has no post_processor; expected BertProcessing or a"
                    + " TemplateProcessing of the form [CLS] $A [SEP]");
        }
        JsonObject o = p.getAsJsonObject();
        String type = string(o, "type", src);
        if ("BertProcessing".equals(type)) {
            return new String[] {o.getAsJsonArray("cls").get(0).getAsString(),
                    o.getAsJsonArray("sep").get(0).getAsString()};
        }
        if ("TemplateProcessing".equals(type)) {
            JsonArray single = o.getAsJsonArray("single");
            JsonArray pair = o.getAsJsonArray("pair");
            String expected = "single [CLS] $A:0 [SEP]:0 and pair [CLS] $A:0 [SEP]:0 $B:1 [SEP]:1";
            if (single == null || single.size() != 3 || pair == null || pair.size() != 5) {
                throw new TokenizerFormatException(src, "TemplateProcessing is not BERT-shaped; expected " + expected);
            }
            String cls = special(single.get(0), 0);
            String sep = special(single.get(2), 0);
            boolean ok = cls != null && sep != null && sequence(single.get(1), "A", 0)
                    && cls.equals(special(pair.get(0), 0)) && sequence(pair.get(1), "A", 0)
                    && sep.equals(special(pair.get(2), 0)) && sequence(pair.get(3), "B", 1)
                    && sep.equals(special(pair.get(4), 1));
            if (!ok) {
                throw new TokenizerFormatException(src, "TemplateProcessing is not BERT-shaped; expected " + expected);
            }
            return new String[] {cls, sep};
        }
        throw new TokenizerFormatException(src, "post_processor type is '" + type
                + "'; only BertProcessing and TemplateProcessing are supported");
    }

    private static String special(JsonElement piece, int typeId) {
        JsonObject o = piece.getAsJsonObject().getAsJsonObject("SpecialToken");
        return o != null && o.get("type_id").getAsInt() == typeId ? o.get("id").getAsString() : null;
    }

    private static boolean sequence(JsonElement piece, String which, int typeId) {
        JsonObject o = piece.getAsJsonObject().getAsJsonObject("Sequence");
        return o != null && which.equals(o.get("id").getAsString()) && o.get("type_id").getAsInt() == typeId;
    }

    private static JsonObject object(JsonObject o, String key, Path src) throws TokenizerFormatException {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonObject()) {
            throw new TokenizerFormatException(src, "'" + key + "' is missing or not an object");
        }
        return e.getAsJsonObject();
    }

    private static String string(JsonObject o, String key, Path src) throws TokenizerFormatException {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive()) {
            throw new TokenizerFormatException(src, "'" + key + "' is missing or not a string");
        }
        return e.getAsString();
    }

    private static boolean bool(JsonObject o, String key, boolean fallback) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? fallback : e.getAsBoolean();
    }
}
