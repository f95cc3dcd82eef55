package org.breadbot.standalone.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One bread-bot service (processor or sender) as a JVM of its own, so that it can be killed the way a machine or
 * an OOM killer kills it: {@link #kill()} is {@code SIGKILL}, with no shutdown hook, no revocation and no commit.
 *
 * <p>It runs the packaged {@code <module>-<version>-exec.jar} that the reactor build made before the integration
 * tests; when that jar is missing (a build of this module alone), it runs the main class from this test JVM's class
 * path instead. Its output goes to a file under {@code target/faults/logs}, which the suite greps for secrets.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final String module;
    private final String mainClass;
    private final Map<String, String> env;
    private final int port;
    private final Path logs;
    private final List<Path> logFiles = new ArrayList<>();
    private Process process;

    ServiceProcess(String name, String module, String mainClass, Map<String, String> env, int port, Path logs) {
        this.name = name;
        this.module = module;
        this.mainClass = mainClass;
        this.env = env;
        this.port = port;
        this.logs = logs;
    }

    /** Starts the JVM and waits until its readiness probe says UP. */
    synchronized ServiceProcess start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        Path log = logs.resolve(name + "-" + (logFiles.size() + 1) + ".log");
        logFiles.add(log);
        ProcessBuilder builder = new ProcessBuilder(command())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        try {
            Files.createDirectories(logs);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        awaitReady(log);
        return this;
    }

    /** SIGKILL: the process ends at once, whatever it was doing. */
    synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        waitFor(process);
        process = null;
    }

    /** SIGTERM: Spring's graceful shutdown. */
    synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!waitFor(process)) {
            process.destroyForcibly();
            waitFor(process);
        }
        process = null;
    }

    /** SIGSTOP: the JVM is frozen, sockets open, as in a long GC pause or a VM that was suspended. */
    synchronized void pause() {
        signal("STOP");
    }

    /** SIGCONT: the frozen JVM goes on where it was, unaware of the time that passed. */
    synchronized void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        if (process == null) {
            throw new IllegalStateException(this.name + " is not running");
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        kill();
    }

    int port() {
        return port;
    }

    /** Every log file this service wrote, one per start. */
    synchronized List<Path> logFiles() {
        return List.copyOf(logFiles);
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // small and quick to start: two cores are shared by the broker, the database, the test and three services
        command.add("-Xmx384m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Xss512k");
        Optional<Path> jar = execJar();
        if (jar.isPresent()) {
            command.add("-jar");
            command.add(jar.get().toString());
        } else {
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(mainClass);
        }
        return command;
    }

    /** {@code ../<module>/target/<module>-*-exec.jar}, seen from this module's directory (Failsafe's working dir). */
    private Optional<Path> execJar() {
        Path target = Path.of("..", module, "target").toAbsolutePath().normalize();
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, module + "-*-exec.jar")) {
            for (Path jar : jars) {
                return Optional.of(jar);
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void awaitReady(Path log) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting:\n"
                        + tail(log));
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
            sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException(name + " not ready within " + READY_TIMEOUT + ":\n" + tail(log));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static boolean waitFor(Process process) {
        try {
            return process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String toString() {
        return name + "[" + (process != null ? "pid " + process.pid() : "stopped") + ", port " + port + "]";
    }
}
