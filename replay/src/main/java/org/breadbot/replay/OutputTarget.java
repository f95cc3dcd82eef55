package org.breadbot.replay;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Standard output, or a file written beside its final name and moved into place only when complete, so an
 * interrupted export never leaves a truncated file that looks finished.
 */
final class OutputTarget implements AutoCloseable {

    private final PrintWriter stdout;
    private final Path path;
    private final Path partial;
    private Writer writer;
    private boolean committed;

    private OutputTarget(PrintWriter stdout, Path path) {
        this.stdout = stdout;
        this.path = path;
        this.partial = path == null ? null
                : path.toAbsolutePath().resolveSibling(path.getFileName() + ".partial");
    }

    static OutputTarget stdout(PrintWriter out) {
        return new OutputTarget(out, null);
    }

    static OutputTarget file(Path path) {
        return new OutputTarget(null, path);
    }

    boolean isStdout() {
        return path == null;
    }

    /** A UTF-8 writer: standard output itself, or the partial file. */
    Writer openWriter() throws IOException {
        if (isStdout()) {
            writer = stdout;
        } else {
            createParent();
            writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
        }
        return writer;
    }

    /** The file to write before {@link #commit()}; only for file targets. */
    Path partialFile() throws IOException {
        if (isStdout()) {
            throw new ToolException("this format needs a file: give --out FILE");
        }
        createParent();
        return partial;
    }

    void commit() throws IOException {
        if (isStdout()) {
            stdout.flush();
        } else {
            if (writer != null) {
                writer.close();
            }
            move();
        }
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (isStdout()) {
            stdout.flush();
            return;
        }
        if (writer != null) {
            writer.close();
        }
        if (!committed) {
            Files.deleteIfExists(partial);
        }
    }

    private void move() throws IOException {
        try {
            Files.move(partial, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, path, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void createParent() throws IOException {
        Path parent = partial.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
