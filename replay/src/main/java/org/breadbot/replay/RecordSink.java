package org.breadbot.replay;

import java.io.IOException;

/** Where exported records go. Nothing is visible at the destination until {@link #commit()}. */
interface RecordSink extends AutoCloseable {

    void write(UpdateRecord record) throws IOException;

    /** Completes the output (file footer, rename into place). */
    void commit() throws IOException;

    /** Releases resources; without a prior {@link #commit()} the partial output is removed. */
    @Override
    void close() throws IOException;
}
