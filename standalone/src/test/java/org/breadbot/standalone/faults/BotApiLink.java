package org.breadbot.standalone.faults;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The network between the sender and the Bot API: a TCP relay on a local port in front of the fake Telegram that can
 * be {@linkplain #cut() cut} (open connections reset, new ones refused), made {@linkplain #delayAnswers slow}, or
 * made to {@linkplain #holdAnswers() hold} every answer, so that Telegram has done the call but the caller never
 * hears of it.
 */
final class BotApiLink implements AutoCloseable {

    private static final Duration TICK = Duration.ofMillis(20);

    private final int targetPort;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads;
    private volatile ServerSocket server;
    private volatile Duration answerDelay = Duration.ZERO;
    private volatile boolean holding;
    private volatile boolean closed;

    private BotApiLink(int targetPort, ServerSocket server, ExecutorService threads) {
        this.targetPort = targetPort;
        this.server = server;
        this.port = server.getLocalPort();
        this.threads = threads;
    }

    /** A link on a free local port to {@code 127.0.0.1:targetPort}. */
    static BotApiLink to(int targetPort) {
        AtomicInteger count = new AtomicInteger();
        ExecutorService threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "bot-api-link-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        BotApiLink link = new BotApiLink(targetPort, listen(0), threads);
        link.acceptOn(link.server);
        return link;
    }

    /** {@code http://127.0.0.1:<port>}: where the sender's {@code TELEGRAM_API_BASE_URL} points. */
    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Resets every open connection and refuses new ones until {@link #restore()}. */
    synchronized void cut() {
        closeQuietly(server);
        server = null;
        open.forEach(BotApiLink::closeQuietly);
        open.clear();
    }

    /** Listens again on the same port. */
    synchronized void restore() {
        if (server == null) {
            server = listen(port);
            acceptOn(server);
        }
    }

    /** Every answer reaches the caller this much later than Telegram gave it. */
    void delayAnswers(Duration delay) {
        answerDelay = delay;
    }

    /** Answers are held back until {@link #releaseAnswers()}; requests still reach Telegram. */
    void holdAnswers() {
        holding = true;
    }

    void releaseAnswers() {
        holding = false;
    }

    /** Back to a plain, fast link. */
    synchronized void heal() {
        releaseAnswers();
        delayAnswers(Duration.ZERO);
        restore();
    }

    @Override
    public synchronized void close() {
        closed = true;
        cut();
        threads.shutdownNow();
    }

    private static ServerSocket listen(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 100);
            return socket;
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on port " + port, e);
        }
    }

    private void acceptOn(ServerSocket listening) {
        threads.execute(() -> {
            while (!listening.isClosed()) {
                try {
                    connect(listening.accept());
                } catch (IOException closedOrFailed) {
                    return;
                }
            }
        });
    }

    private void connect(Socket client) {
        Socket upstream = new Socket();
        try {
            upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5_000);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(upstream);
            return;
        }
        open.add(client);
        open.add(upstream);
        threads.execute(() -> pump(client, upstream, false));
        threads.execute(() -> pump(upstream, client, true));
    }

    /** Copies one direction until either side closes; answers (upstream → caller) obey delay and hold. */
    private void pump(Socket from, Socket to, boolean answers) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (answers) {
                    waitBeforeAnswering(System.nanoTime());
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (SocketException | InterruptedException closed) {
            // one side went away, or the link was cut
        } catch (IOException e) {
            // the same, reported differently
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private void waitBeforeAnswering(long receivedAt) throws InterruptedException {
        while (!closed && (holding || System.nanoTime() < receivedAt + answerDelay.toNanos())) {
            Thread.sleep(TICK.toMillis());
        }
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
    }
}
