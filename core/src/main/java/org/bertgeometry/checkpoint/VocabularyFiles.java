package org.bertgeometry.checkpoint;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the vocabulary and tokenizer settings that travel beside BERT weights: {@code vocab.txt}
 * (one token per line, line index = token id), the WordPiece vocabulary inside a Hugging Face
 * {@code tokenizer.json}, and the scalar entries of {@code tokenizer_config.json}. Shared by every
 * importer so that all formats reject a broken vocabulary the same way: text must be valid UTF-8
 * (a mis-decoded token would silently tokenize differently), and a vocabulary may not be empty.
 */
public final class VocabularyFiles {

    private VocabularyFiles() {
    }

    /**
     * Reads {@code vocab.txt}: one token per line ({@code \n} or {@code \r\n}); a final line break is
     * optional. Line {@code i} (0-based) is token id {@code i}.
     *
     * @throws ModelFormatException if the file is not valid UTF-8 or holds no token
     */
    public static List<String> readVocabTxt(Path file) throws ModelFormatException {
        String text = readStrictUtf8(file);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isEmpty()) {
            throw new ModelFormatException(file, "the vocabulary is empty; vocab.txt needs one token per line");
        }
        List<String> tokens = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (tokens.get(tokens.size() - 1).isEmpty()) {
            tokens.remove(tokens.size() - 1);
        }
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t.endsWith("\r")) {
                tokens.set(i, t.substring(0, t.length() - 1));
            }
        }
        if (tokens.isEmpty() || tokens.stream().allMatch(String::isEmpty)) {
            throw new ModelFormatException(file, "the vocabulary is empty; vocab.txt needs one token per line");
        }
        return List.copyOf(tokens);
    }

    /**
     * Reads the vocabulary of a Hugging Face {@code tokenizer.json} whose model is WordPiece
     * ({@code model.vocab}: token to id). Ids must be exactly {@code 0..n-1}.
     */
    public static List<String> readTokenizerJsonVocab(Path file) throws ModelFormatException {
        JsonObject root = readJsonObject(file);
        JsonElement model = root.get("model");
        if (model == null || !model.isJsonObject()) {
            throw new ModelFormatException(file, "tokenizer.json has no \"model\" object");
        }
        JsonObject m = model.getAsJsonObject();
        if (m.has("type") && !"WordPiece".equals(m.get("type").getAsString())) {
            throw new ModelFormatException(file, "tokenizer model is " + m.get("type").getAsString()
                    + "; only WordPiece vocabularies (BERT) are supported");
        }
        JsonElement vocab = m.get("vocab");
        if (vocab == null || !vocab.isJsonObject()) {
            throw new ModelFormatException(file, "tokenizer.json has no model.vocab object");
        }
        Map<String, JsonElement> entries = vocab.getAsJsonObject().asMap();
        if (entries.isEmpty()) {
            throw new ModelFormatException(file, "the vocabulary (model.vocab) is empty");
        }
        String[] byId = new String[entries.size()];
        for (Map.Entry<String, JsonElement> e : entries.entrySet()) {
            long id;
            try {
                id = e.getValue().getAsLong();
            } catch (RuntimeException ex) {
                throw new ModelFormatException(file, "token '" + e.getKey() + "' has a non-integer id "
                        + e.getValue());
            }
            if (id < 0 || id >= byId.length) {
                throw new ModelFormatException(file, "token '" + e.getKey() + "' has id " + id
                        + " outside 0.." + (byId.length - 1) + "; ids must be dense");
            }
            if (byId[(int) id] != null) {
                throw new ModelFormatException(file, "tokens '" + byId[(int) id] + "' and '" + e.getKey()
                        + "' share id " + id);
            }
            byId[(int) id] = e.getKey();
        }
        return List.of(byId);
    }

    /**
     * Tokenizer settings implied by a {@code tokenizer.json}: {@code do_lower_case} from a
     * {@code BertNormalizer}'s {@code lowercase} flag, when present. Used when no
     * {@code tokenizer_config.json} is available.
     */
    public static Map<String, String> tokenizerJsonSettings(Path file) throws ModelFormatException {
        JsonObject root = readJsonObject(file);
        Map<String, String> out = new LinkedHashMap<>();
        JsonElement n = root.get("normalizer");
        if (n != null && n.isJsonObject()) {
            JsonObject norm = n.getAsJsonObject();
            if (norm.has("lowercase") && norm.get("lowercase").isJsonPrimitive()) {
                out.put("do_lower_case", norm.get("lowercase").getAsString());
            }
        }
        return out;
    }

    /**
     * The scalar entries (strings, numbers, booleans) of {@code tokenizer_config.json}, as strings in
     * file order. Nested objects and arrays (for example {@code added_tokens_decoder}) are skipped:
     * the tokenizer only needs flags and token strings.
     */
    public static Map<String, String> readTokenizerConfig(Path file) throws ModelFormatException {
        JsonObject root = readJsonObject(file);
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : root.entrySet()) {
            if (e.getValue().isJsonPrimitive()) {
                JsonPrimitive p = e.getValue().getAsJsonPrimitive();
                out.put(e.getKey(), p.getAsString());
            }
        }
        return out;
    }

    /** Reads a file as UTF-8, failing (rather than substituting U+FFFD) on malformed bytes. */
    public static String readStrictUtf8(Path file) throws ModelFormatException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ModelFormatException(file, "cannot read: " + e.getMessage(), e);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new ModelFormatException(file, "not valid UTF-8 text (" + e.getMessage()
                    + "); save it as UTF-8", e);
        }
    }

    private static JsonObject readJsonObject(Path file) throws ModelFormatException {
        String text = readStrictUtf8(file);
        try {
            JsonElement e = JsonParser.parseString(text);
            if (!e.isJsonObject()) {
                throw new ModelFormatException(file, "not a JSON object");
            }
            return e.getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new ModelFormatException(file, "malformed JSON: " + e.getMessage(), e);
        }
    }
}
