package org.bertgeometry.checkpoint.protobuf;

/**
 * Bytes that do not follow the protocol-buffer wire format: a varint that never ends, a length that
 * runs past the end of the message, an unknown wire type. Unchecked because it is raised deep inside
 * a parse; the format readers ({@code OnnxBertImporter}, {@code TensorBundleReader}) catch it and
 * rethrow it as a {@link org.bertgeometry.checkpoint.ModelFormatException} that names the file.
 */
public final class MalformedProtobufException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedProtobufException(String message) {
        super(message);
    }
}
