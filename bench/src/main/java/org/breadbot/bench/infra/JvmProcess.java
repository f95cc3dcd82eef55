package org.breadbot.bench.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A service (or reference) as a JVM of its own, like standalone's fault suite runs them: started with an
 * environment, ready when its readiness endpoint answers 200. It remembers how long that took and reads the
 * process's resident memory from {@code /proc}, so each figure is the JVM's own and not the bench's.
 */
public final class JvmProcess implements AutoCloseable {

    private static final Set<String> INHERITED = Set.of("PATH", "HOME", "USER", "LANG", "LC_ALL", "TMPDIR", "TZ");
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** JVMs still running, ended when the bench exits (Ctrl-C included) so none is left behind. */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
                "bench-jvm-reaper"));
    }

    private final String name;
    private final List<String> command;
    private final Map<String, String> env;
    private final int port;
    private final String readinessPath;
    private final Path log;
    private Process process;
    private Duration startup;

    public JvmProcess(String name, List<String> command, Map<String, String> env, int port, String readinessPath,
            Path log) {
        this.name = name;
        this.command = List.copyOf(command);
        this.env = Map.copyOf(env);
        this.port = port;
        this.readinessPath = readinessPath;
        this.log = log;
    }

    /** Starts the JVM and waits until it is ready; {@link #startup()} is the time from launch to ready. */
    public JvmProcess start() {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // only what the JVM needs from the bench's environment: a stray KAFKA_BOOTSTRAP_SERVERS or DB_HOST in the
        // caller's shell must not point a service (or the standalone jar) elsewhere
        builder.environment().keySet().retainAll(INHERITED);
        builder.environment().putAll(env);
        long launched = System.nanoTime();
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
            RUNNING.add(process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        awaitReady();
        startup = Duration.ofNanos(System.nanoTime() - launched);
        return this;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Duration startup() {
        return startup;
    }

    public long pid() {
        return process.pid();
    }

    /** Resident memory now and at its peak ({@code VmRSS}, {@code VmHWM}), in bytes. */
    public Memory memory() {
        return Memory.of(process.pid());
    }

    /** SIGTERM, then SIGKILL if it has not ended within 30 s. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        RUNNING.remove(process);
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(baseUrl() + readinessPath))
                .timeout(Duration.ofSeconds(2)).GET().build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue()
                        + " while starting; see " + log);
            }
            try {
                if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting " + name, e);
            }
            Sleep.millis(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " not ready within " + READY_TIMEOUT + "; see " + log);
    }

    @Override
    public String toString() {
        return name + (process != null ? "[pid " + process.pid() + ", port " + port + "]" : "[stopped]");
    }
}
