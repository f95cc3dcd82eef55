package org.breadbot.bench.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Everything one run measured; scenarios add to it, the writers read it. Thread-safe for adding. */
public final class Results {

    private final String mode;
    private final Machine machine;
    private final Instant started;
    private final String setup;
    private final List<Figure> figures = Collections.synchronizedList(new ArrayList<>());
    private final List<LatencyDistribution> latencies = Collections.synchronizedList(new ArrayList<>());
    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private volatile double wallSeconds;

    public Results(String mode, Machine machine, Instant started, String setup) {
        this.mode = mode;
        this.machine = machine;
        this.started = started;
        this.setup = setup;
    }

    public void add(Figure figure) {
        figures.add(figure);
    }

    public void add(LatencyDistribution latency) {
        latencies.add(latency);
    }

    /** A remark printed under the tables, e.g. what a figure includes. */
    public void note(String note) {
        notes.add(note);
    }

    /** A scenario that could not finish, and why. */
    public void failed(String scenario, String reason) {
        failures.add(scenario + ": " + reason);
    }

    public void finished(double seconds) {
        this.wallSeconds = seconds;
    }

    public String mode() {
        return mode;
    }

    public Machine machine() {
        return machine;
    }

    public Instant started() {
        return started;
    }

    public String setup() {
        return setup;
    }

    public double wallSeconds() {
        return wallSeconds;
    }

    public List<Figure> figures() {
        return List.copyOf(figures);
    }

    public List<LatencyDistribution> latencies() {
        return List.copyOf(latencies);
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }
}
