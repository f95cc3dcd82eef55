package org.breadbot.sender;

import org.breadbot.common.config.ServiceDefaults;

/** Loads {@code sender.yml} for the sender application only (see {@link ServiceDefaults}). */
public final class SenderDefaults extends ServiceDefaults {

    public SenderDefaults() {
        super("org.breadbot.sender", "sender.yml");
    }
}
