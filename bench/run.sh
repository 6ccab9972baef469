#!/usr/bin/env bash
# Builds the bench module, starts the mock upstream pinned to one core, and runs a measurement in
# one JVM pinned to the other. See bench/README.md.
#
#   bench/run.sh all                    everything below but soak, into bench/target/results/
#   bench/run.sh core                   the same without the large answer and JMH (about 13 minutes)
#   bench/run.sh capacity               the mock alone: requests a second on one connection
#   bench/run.sh check                  every contender once per upstream (a smoke test)
#   bench/run.sh calls upstream=stub size=small [rounds=30 block-ms=200 warmup-s=40]
#   bench/run.sh chunks [rounds=30 block-ms=200 warmup-s=40]
#   bench/run.sh ttft [rounds=30]
#   bench/run.sh streams               (STREAM_CONTENDERS="RAW LANGCHAIN4J TOLLGATE" STREAM_COUNTS="100 500 1000")
#   bench/run.sh jmh [JMH options]      CallBenchmark and ChunkBenchmark with -prof gc, forks 0
#                                       (JMH_TIMING, default "-wi 3 -w 2s -i 3 -r 2s")
#   bench/run.sh soak [minutes=10 rate=50 sample-s=10]
#   bench/run.sh gateway [latency-s=30 warmup-s=30 seconds=20 settle-s=2 rates=250,500,1000,1500,2000,3000]
#                                       the Liberty sample's /v1 against the mock, see bench/gateway.sh
#
# Environment: PORT (mock port, default 18080), JVM_CPU / MOCK_CPU (default 0 / 1),
# HEAP (default 2g), MVN_FLAGS (such as -o), SKIP_BUILD=1 to reuse the last build.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18080}
JVM_CPU=${JVM_CPU:-0}
MOCK_CPU=${MOCK_CPU:-1}
HEAP=${HEAP:-2g}
RESULTS=bench/target/results
mkdir -p "$RESULTS"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
    mvn -B -q ${MVN_FLAGS:-} -Pbench -pl bench -am package -DskipTests
    gcc -O2 -D_GNU_SOURCE -Wall -Wextra -o bench/target/mock bench/mock/mock.c -lpthread
fi
CP="bench/target/classes:$(cat bench/target/classpath.txt)"

taskset -c "$MOCK_CPU" bench/target/mock serve "$PORT" bench/src/main/resources/responses/small.json \
    bench/src/main/resources/responses/large.json &
MOCK=$!
trap 'kill $MOCK 2>/dev/null || true' EXIT
sleep 0.3

java_bench() {
    taskset -c "$JVM_CPU" java -XX:+UseSerialGC -Xms"$HEAP" -Xmx"$HEAP" -Dbench.mock.port="$PORT" \
        -Dorg.slf4j.simpleLogger.defaultLogLevel=off -cp "$CP" "$@"
}

machine() {
    echo "### machine"
    echo
    echo "- nproc: $(nproc); CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
    echo "- JDK: $(java -version 2>&1 | sed -n 2p)"
    echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
}

capacity() {
    echo "### mock capacity alone (one keep-alive connection, client pinned to CPU $JVM_CPU)"
    echo
    for route in /small/v1/chat/completions /large/v1/chat/completions; do
        echo "- $route: $(taskset -c "$JVM_CPU" bench/target/mock load "$PORT" "$route" "${SECONDS_EACH:-10}")"
    done
    echo
}

jmh() {
    # shellcheck disable=SC2086
    java_bench org.openjdk.jmh.Main -f 0 -prof gc ${JMH_TIMING:--wi 3 -w 2s -i 3 -r 2s} -rf json \
        -rff "$RESULTS/jmh.json" "$@" CallBenchmark ChunkBenchmark
}

# One JVM per contender and count, so that no stream of another run is still in the heap.
streams() {
    echo "### open idle streams, loopback: a first delta at once, the next 15 s later; one JVM per row"
    echo
    echo "| contender | open streams | heap per stream, bytes | threads per stream | threads before → while open |"
    echo "|---|---:|---:|---:|---:|"
    for contender in ${STREAM_CONTENDERS:-RAW LANGCHAIN4J TOLLGATE}; do
        for count in ${STREAM_COUNTS:-100 500 1000}; do
            java_bench dev.tollgate.bench.Bench streams contenders=$contender counts=$count | grep '^| [A-Z]'
        done
    done
    echo
}

command=${1:-all}
[ $# -gt 0 ] && shift
case "$command" in
    capacity) capacity ;;
    jmh) jmh "$@" ;;
    streams) streams ;;
    gateway)
        # shellcheck source=bench/gateway.sh
        . bench/gateway.sh
        gateway "$@"
        ;;
    all | core)
        sizes="small large"
        [ "$command" = core ] && sizes=small
        {
            machine
            capacity
            java_bench dev.tollgate.bench.Bench check
            for size in $sizes; do
                for upstream in stub loopback; do
                    java_bench dev.tollgate.bench.Bench calls upstream=$upstream size=$size out=$RESULTS
                done
            done
            java_bench dev.tollgate.bench.Bench chunks out=$RESULTS
            java_bench dev.tollgate.bench.Bench ttft out=$RESULTS
            streams
        } | tee "$RESULTS/report.md"
        if [ "$command" = all ]; then
            jmh 2>&1 | tee "$RESULTS/jmh.txt"
        fi
        ;;
    *) java_bench dev.tollgate.bench.Bench "$command" out=$RESULTS "$@" ;;
esac
