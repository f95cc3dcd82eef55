#!/usr/bin/env bash
# Runs bread-bot's benchmarks (issue #7): bench/run.sh [quick|full] [--only ingress,e2e,...] [--out DIR] [...]
# quick takes at most about 5 minutes on 2 cores, full about 15-25. The report goes to bench/results/<date>.md
# (quick: <date>-quick.md) with a .json and a .png beside it. `bench/run.sh --help` lists the options.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=0
for module in ingress processor sender; do
  compgen -G "$module/target/$module-*-exec.jar" > /dev/null || missing=1
done
[[ -f standalone/target/bread-bot.jar && -f bench/target/classpath.txt && -f bench/target/classes/org/breadbot/bench/Bench.class ]] || missing=1
if [[ $missing == 1 ]]; then
  echo "[bench] building the jars first: ./mvnw -q package -DskipTests" >&2
  ./mvnw -q package -DskipTests
fi

# the bench JVM hosts the load generator, the fake Bot API and (by default) the embedded broker
exec java -Xmx3g -XX:+UseParallelGC -Djava.awt.headless=true \
  -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.breadbot.bench.Bench "$@"
