package org.breadbot.common.logging;

import io.micrometer.context.integration.Slf4jThreadLocalAccessor;

/**
 * Tells Micrometer's context propagation (and so Reactor's automatic propagation) to carry the {@link UpdateMdc}
 * entries of the MDC between threads. Registered through {@code META-INF/services}, so every JVM that has bread-bot's
 * common module has it.
 */
public final class UpdateMdcAccessor extends Slf4jThreadLocalAccessor {

    /** The Reactor context key the entries are kept under. */
    public static final String KEY = Slf4jThreadLocalAccessor.KEY;

    public UpdateMdcAccessor() {
        super(UpdateMdc.KEYS);
    }
}
