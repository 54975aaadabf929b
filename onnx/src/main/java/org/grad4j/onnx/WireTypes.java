package org.grad4j.onnx;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;

/**
 * Protobuf keeps a field whose wire type does not match its declaration as an unknown field; in a
 * model that is a broken file, not an extension, so it is refused, naming the message and field.
 */
final class WireTypes {
    private WireTypes() {}

    static void check(Message m) {
        for (int number : m.getUnknownFields().asMap().keySet()) {
            FieldDescriptor f = m.getDescriptorForType().findFieldByNumber(number);
            if (f != null) {
                throw new OnnxException("not a readable ONNX model: field " + f.getName() + " (" + number + ") of "
                        + m.getDescriptorForType().getName() + " has the wrong wire type");
            }
        }
        for (FieldDescriptor f : m.getDescriptorForType().getFields()) {
            if (f.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
                continue;
            }
            if (f.isRepeated()) {
                for (int i = 0, n = m.getRepeatedFieldCount(f); i < n; i++) {
                    check((Message) m.getRepeatedField(f, i));
                }
            } else if (m.hasField(f)) {
                check((Message) m.getField(f));
            }
        }
    }
}
