package org.vigil.platform.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.math.BigDecimal;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Documents the limits the HTTP layer enforces on every input, so that each parameter, date and
 * response header in the document has a bounded schema (checked by the Spectral lint in CI):
 * a path or query value cannot exceed the request line (longer ones are refused with 414), a
 * header value the header block (431), a number its type's range, and a date its ISO-8601 form
 * (anything else is a 400). Limits a feature validates more strictly are declared on the feature's
 * own parameters and fields and are kept.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class InputLimitsFilter implements OASFilter {

    private static final int REQUEST_LINE = ConfigProvider.getConfig()
            .getOptionalValue("quarkus.http.limits.max-initial-line-length", Integer.class)
            .orElse(4096);
    private static final int HEADER_BLOCK = (int) ConfigProvider.getConfig()
            .getOptionalValue("quarkus.http.limits.max-header-size", MemorySize.class)
            .map(MemorySize::asLongValue)
            .orElse(20_480L)
            .longValue();
    /** The longest ISO-8601 text Jackson accepts for each date format used in the document. */
    private static final Map<String, Integer> DATE_LENGTHS =
            Map.of("date", 10, "date-time-local", 29, "date-time", 35, "time", 18);

    @Override
    public Parameter filterParameter(Parameter parameter) {
        Schema schema = parameter.getSchema();
        if (schema != null && parameter.getIn() != null) {
            bound(schema, parameter.getIn() == Parameter.In.HEADER ? HEADER_BLOCK : REQUEST_LINE);
        }
        return parameter;
    }

    @Override
    public Header filterHeader(Header header) {
        if (header.getSchema() == null && header.getContent() == null) {
            header.setSchema(
                    OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(HEADER_BLOCK));
        }
        return header;
    }

    @Override
    public Schema filterSchema(Schema schema) {
        if (isType(schema, Schema.SchemaType.STRING) && schema.getMaxLength() == null && schema.getFormat() != null) {
            Integer length = DATE_LENGTHS.get(schema.getFormat());
            if (length != null) {
                schema.setMaxLength(length);
            }
        }
        return schema;
    }

    private static void bound(Schema schema, int maxLength) {
        if (isType(schema, Schema.SchemaType.STRING)
                && schema.getMaxLength() == null
                && schema.getEnumeration() == null) {
            schema.setMaxLength(maxLength);
        }
        if (isType(schema, Schema.SchemaType.INTEGER)) {
            boolean int32 = "int32".equals(schema.getFormat());
            if (schema.getMinimum() == null) {
                schema.setMinimum(BigDecimal.valueOf(int32 ? Integer.MIN_VALUE : Long.MIN_VALUE));
            }
            if (schema.getMaximum() == null) {
                schema.setMaximum(BigDecimal.valueOf(int32 ? Integer.MAX_VALUE : Long.MAX_VALUE));
            }
        }
    }

    private static boolean isType(Schema schema, Schema.SchemaType type) {
        return schema.getType() != null && schema.getType().contains(type);
    }
}
