package org.breadbot.processor;

import org.breadbot.common.config.ServiceDefaults;

/** Loads {@code processor.yml}, the processor's defaults, for the processor's applications only. */
public final class ProcessorDefaults extends ServiceDefaults {

    public ProcessorDefaults() {
        super("org.breadbot.processor", "processor.yml");
    }
}
