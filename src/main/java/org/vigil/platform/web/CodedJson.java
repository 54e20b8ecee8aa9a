package org.vigil.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Request bodies read coded enums through {@link Coded#find}, the lookup that parameters use; an
 * unknown code fails as an InvalidFormatException on its path, which ProblemMapper answers as a 400
 * naming the field and listing the codes.
 */
@Singleton
public class CodedJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("coded-enums");
        module.setDeserializers(new SimpleDeserializers() {
            @Override
            public JsonDeserializer<?> findEnumDeserializer(
                    Class<?> type, DeserializationConfig config, BeanDescription description) {
                return Coded.class.isAssignableFrom(type) ? deserializer(type.asSubclass(Enum.class)) : null;
            }
        });
        mapper.registerModule(module);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static JsonDeserializer<?> deserializer(Class<? extends Enum> type) {
        return new CodeDeserializer(type);
    }

    private static final class CodeDeserializer<E extends Enum<E> & Coded> extends StdScalarDeserializer<E> {
        private final Class<E> type;

        CodeDeserializer(Class<E> type) {
            super(type);
            this.type = type;
        }

        @Override
        public E deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (E) context.handleUnexpectedToken(type, parser);
            }
            String text = parser.getText();
            return Coded.find(type, text)
                    .orElseThrow(() -> context.weirdStringException(text, type, "not a known code"));
        }
    }
}
