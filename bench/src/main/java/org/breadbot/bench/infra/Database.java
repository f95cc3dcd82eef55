package org.breadbot.bench.infra;

import java.util.Map;

/** Where a service's PostgreSQL database is: the variables of architecture §5. */
public record Database(String host, int port, String name, String user, String password) {

    public Map<String, String> env() {
        return Map.of("DB_HOST", host, "DB_PORT", Integer.toString(port), "DB_NAME", name, "DB_USER", user,
                "DB_PASSWORD", password);
    }
}
