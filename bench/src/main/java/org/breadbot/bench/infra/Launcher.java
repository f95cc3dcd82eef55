package org.breadbot.bench.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts the JVMs a scenario needs, all with the same JVM flags so that services and references compare fairly:
 * a service's packaged {@code <module>/target/<module>-*-exec.jar}, the standalone jar, or a class of the bench's
 * own class path (the references). Each gets a free port as {@code SERVER_PORT} and a log file of its own.
 */
public final class Launcher {

    public static final String READINESS = "/actuator/health/readiness";

    private final Path repository;
    private final List<String> jvmFlags;
    private final Path logs;
    private final AtomicInteger launches = new AtomicInteger();

    public Launcher(Path repository, List<String> jvmFlags, Path logs) {
        this.repository = repository.toAbsolutePath().normalize();
        this.jvmFlags = List.copyOf(jvmFlags);
        this.logs = logs;
    }

    public List<String> jvmFlags() {
        return jvmFlags;
    }

    /** An ingress, processor or sender JVM from its exec jar (not started). */
    public JvmProcess service(String module, Map<String, String> env) {
        return jar(module, execJar(module), env, READINESS);
    }

    /** The standalone bot: {@code standalone/target/bread-bot.jar} (not started). */
    public JvmProcess standalone(Map<String, String> env) {
        return jar("standalone", existing(repository.resolve("standalone/target/bread-bot.jar")), env, READINESS);
    }

    /** A main class of the bench's class path, e.g. a reference server (not started). */
    public JvmProcess mainClass(String name, Class<?> mainClass, Map<String, String> env, String readinessPath) {
        List<String> command = java();
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        return process(name, command, env, readinessPath);
    }

    private JvmProcess jar(String name, Path jar, Map<String, String> env, String readinessPath) {
        List<String> command = java();
        command.add("-jar");
        command.add(jar.toString());
        return process(name, command, env, readinessPath);
    }

    private JvmProcess process(String name, List<String> command, Map<String, String> env, String readinessPath) {
        int port = freePort();
        Map<String, String> all = new HashMap<>(env);
        all.put("SERVER_PORT", Integer.toString(port));
        Path log = logs.resolve(String.format("%02d-%s.log", launches.incrementAndGet(), name));
        return new JvmProcess(name, command, all, port, readinessPath, log);
    }

    private List<String> java() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        return command;
    }

    private Path execJar(String module) {
        Path target = repository.resolve(module).resolve("target");
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, module + "-*-exec.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        } catch (IOException e) {
            // reported below
        }
        throw new IllegalStateException("no " + module + "/target/" + module + "-*-exec.jar under " + repository
                + ": build first (./mvnw -q package -DskipTests)");
    }

    private static Path existing(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("missing " + jar + ": build first (./mvnw -q package -DskipTests)");
        }
        return jar;
    }

    /** A free local port. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
