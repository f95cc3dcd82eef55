package org.breadbot.common.json;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * The one JSON setup every module shares, so the wire format cannot drift between producer and consumer.
 * Unknown fields are ignored because Telegram adds fields and update kinds over time; integers are strict (no
 * strings or fractions read as integers), so a chat id means the same to every reader.
 */
public final class Json {

    /** Deepest nesting a legitimate update reaches is about 10; anything far deeper is hostile. */
    public static final int MAX_NESTING_DEPTH = 64;

    private static final JsonMapper MAPPER = newMapper();

    private Json() {
    }

    /** A shared, thread-safe mapper. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** A fresh mapper with bread-bot's settings, for callers that need to customise further. */
    public static JsonMapper newMapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(2 * 1024 * 1024)
                        .build())
                .build();
        return JsonMapper.builder(factory)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                // one rule for ids everywhere (UpdateEnvelope.read): "-100" and -100.0 are not the integer -100
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(LogicalType.Integer,
                        config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .build();
    }
}
