package org.breadbot.common.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.breadbot.common.secret.Secrets;

/**
 * Wraps the encoder of an appender and masks secrets in what it produced: the whole line, so the message, its
 * arguments, MDC values and stack traces alike, in plain text as in JSON (a mask keeps JSON valid).
 */
final class MaskingEncoder extends EncoderBase<ILoggingEvent> {

    private final Encoder<ILoggingEvent> delegate;
    private final Charset charset;

    MaskingEncoder(Encoder<ILoggingEvent> delegate) {
        this.delegate = delegate;
        this.charset = delegate instanceof LayoutWrappingEncoder<?> layout && layout.getCharset() != null
                ? layout.getCharset()
                : StandardCharsets.UTF_8;
    }

    Encoder<ILoggingEvent> delegate() {
        return delegate;
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        byte[] encoded = delegate.encode(event);
        if (encoded == null || encoded.length == 0) {
            return encoded;
        }
        String text = new String(encoded, charset);
        String masked = Secrets.mask(text);
        return masked == text ? encoded : masked.getBytes(charset);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }
}
