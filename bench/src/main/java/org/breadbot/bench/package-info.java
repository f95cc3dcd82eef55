/**
 * Benchmarks of the pipeline, each scenario beside a reference measured in the same run (see docs/benchmarks.md).
 */
package org.breadbot.bench;
