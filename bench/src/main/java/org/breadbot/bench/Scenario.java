package org.breadbot.bench;

/** One benchmark with its same-run references; it adds its figures to the run's results. */
interface Scenario {

    /** The name {@code --only} selects it by. */
    String name();

    void run(BenchContext context) throws Exception;
}
