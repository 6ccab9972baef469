# The gateway benchmark (issue 8, item 3), sourced by bench/run.sh with the mock already serving on
# $PORT, pinned to $MOCK_CPU. See bench/README.md, "Gateway (item 3)".
#
#   bench/run.sh gateway [latency-s=30 warmup-s=180 seconds=20 settle-s=2 rates=250,500,1000,1500,2000,3000]
#
# Environment: GW_HTTP_PORT / GW_HTTPS_PORT (19080 / 19443), GW_HEAP (1g).

GW_HTTP_PORT=${GW_HTTP_PORT:-19080}
GW_HTTPS_PORT=${GW_HTTPS_PORT:-19443}
WLP=bench/target/liberty/wlp
SERVER_DIR=$WLP/usr/servers/bench
BODY='{"model":"bench","messages":[{"role":"user","content":"Say hello"}]}'
GATEWAY_URL=http://127.0.0.1:$GW_HTTP_PORT/v1/chat/completions
MOCK_URL=http://127.0.0.1:$PORT/small/v1/chat/completions

# The sample's WAR, the Liberty runtime and the Derby driver; the bench classes are built by run.sh.
gateway_build() {
    mvn -B -q ${MVN_FLAGS:-} -pl liberty-sample -am -DskipTests -Dsample.wildfly.skip=true package
    [ -x "$WLP/bin/server" ] || mvn -B -q ${MVN_FLAGS:-} -Pbench -pl bench dependency:unpack@liberty
    [ -f bench/target/liberty/jdbc/derby.jar ] || mvn -B -q ${MVN_FLAGS:-} -Pbench -pl bench dependency:copy@derby
}

# A fresh server "bench": the sample's server.xml and datasource, a new Derby database, the mock as
# the only provider behind the model alias "bench", no demo key.
gateway_server() {
    rm -rf "$SERVER_DIR"
    mkdir -p "$SERVER_DIR/apps"
    cp liberty-sample/src/main/liberty/config/*.xml "$SERVER_DIR/"
    cp -r bench/target/liberty/jdbc "$SERVER_DIR/jdbc"
    cp liberty-sample/target/tollgate-sample.war "$SERVER_DIR/apps/"
    ADMIN_PASSWORD=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
    cat > "$SERVER_DIR/bootstrap.properties" <<EOF
http.port=$GW_HTTP_PORT
https.port=$GW_HTTPS_PORT
admin.password=$ADMIN_PASSWORD
EOF
    cat > "$SERVER_DIR/jvm.options" <<EOF
-Xms${GW_HEAP:-1g}
-Xmx${GW_HEAP:-1g}
-Dtollgate.providers.mock.type=openai
-Dtollgate.providers.mock.base-url=http://127.0.0.1:$PORT/small/v1
-Dtollgate.providers.mock.model=gpt-4o-mini
-Dtollgate.pricing.mock.gpt-4o-mini.input=0.15
-Dtollgate.pricing.mock.gpt-4o-mini.output=0.60
-Dgateway.models.bench=mock/gpt-4o-mini
-Dgateway.demo-key.enabled=false
EOF
}

gateway_start() {
    taskset -c "$JVM_CPU" "$WLP/bin/server" start bench >&2
    local i
    for i in $(seq 1 180); do
        if curl -sf -o /dev/null -u "admin:$ADMIN_PASSWORD" "http://127.0.0.1:$GW_HTTP_PORT/admin/keys"; then
            echo "server bench: JVM pid $(cat "$WLP/usr/servers/.pid/bench.pid"), $(taskset -cp "$(cat "$WLP/usr/servers/.pid/bench.pid")")" >&2
            return 0
        fi
        sleep 1
    done
    echo "server bench did not answer in 180 s; see $SERVER_DIR/logs/messages.log" >&2
    return 1
}

gateway_stop() {
    "$WLP/bin/server" stop bench >/dev/null 2>&1 || true
}

# A key whose limits never limit: a budget far above what the run spends, 100 million requests a minute.
gateway_key() {
    curl -sf -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' \
        -d '{"name": "bench", "budget": 1000000, "rpm": 100000000}' \
        "http://127.0.0.1:$GW_HTTP_PORT/admin/keys" | sed -n 's/.*"key":"\([^"]*\)".*/\1/p'
}

# wrk's latency in ms from a line such as "     99%    1.23ms".
wrk_ms() {
    awk -v p="$1" '$1 == p {
        v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v);
        f = (u == "us") ? 0.001 : (u == "ms") ? 1 : (u == "s") ? 1000 : (u == "m") ? 60000 : 1;
        printf "%.3f", v * f }'
}

# A wrk script POSTing $BODY, with the bearer key $1 if given; prints its path.
wrk_script() {
    local lua
    lua=$(mktemp --suffix=.lua)
    {
        echo 'wrk.method = "POST"'
        echo "wrk.body = '$BODY'"
        echo 'wrk.headers["Content-Type"] = "application/json"'
        if [ -n "$1" ]; then echo "wrk.headers[\"Authorization\"] = \"Bearer $1\""; fi
    } > "$lua"
    echo "$lua"
}

# One request at a time on one connection for $3 seconds against $1 with the key $2; prints
# "p50 p99 requests/s errors", times in ms; wrk's own output goes to $RESULTS/wrk-NAME.txt.
closed_loop() {
    local lua out errors
    lua=$(wrk_script "$2")
    out=$(taskset -c "$MOCK_CPU" wrk -t1 -c1 -d"${3}s" --latency -s "$lua" "$1")
    rm -f "$lua"
    echo "$out" > "$RESULTS/wrk-$4.txt"
    errors=$(echo "$out" | awk '/Non-2xx/ { n += $NF } /Socket errors/ { for (i = 4; i <= NF; i += 2) n += $i } END { print n + 0 }')
    echo "$(echo "$out" | wrk_ms 50%) $(echo "$out" | wrk_ms 99%) $(echo "$out" | awk '/^Requests\/sec/ { printf "%.0f", $2 }') $errors"
}

# The highest rate of a label in open-loop.csv that was kept (at least 99 % of it answered) with
# p99 under 5 ms, no error and no request kept waiting for a connection; or "none".
max_rate() {
    awk -F, -v l="$1" '$1 == l && $5 >= 0.99 * $2 && $8 < 5 && $10 == 0 && $11 == 0 && $12 == "" && $2 > m { m = $2 }
        END { print m ? m : "none" }' "$RESULTS/open-loop.csv"
}

# OpenLoad pinned beside the mock; its rows on stdout, Hyperfoil's log in $RESULTS/open-loop.log.
open_load() {
    taskset -c "$MOCK_CPU" java -XX:+UseSerialGC -Xms512m -Xmx512m -cp "$CP" dev.tollgate.bench.OpenLoad "$@" \
        out="$RESULTS" 2>&1 | tee -a "$RESULTS/open-loop.log" | grep '^| '
}

gateway() {
    local latency_s=30 warmup_s=180 seconds=20 settle_s=2 rates=250,500,1000,1500,2000,3000 a
    for a in "$@"; do
        case "$a" in
            latency-s=*) latency_s=${a#*=} ;;
            warmup-s=*) warmup_s=${a#*=} ;;
            seconds=*) seconds=${a#*=} ;;
            settle-s=*) settle_s=${a#*=} ;;
            rates=*) rates=${a#*=} ;;
            *) echo "unknown setting $a" >&2; return 2 ;;
        esac
    done
    command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; return 1; }
    [ "${SKIP_BUILD:-0}" = 1 ] || gateway_build
    gateway_server
    trap 'gateway_stop; kill $MOCK 2>/dev/null || true' EXIT
    gateway_start
    local key
    key=$(gateway_key)
    [ -n "$key" ] || { echo "no gateway key: /admin/keys refused" >&2; return 1; }
    local status
    status=$(curl -s -o "$RESULTS/gateway-answer.json" -w '%{http_code}' -H "Authorization: Bearer $key" \
        -H 'Content-Type: application/json' -d "$BODY" "$GATEWAY_URL")
    [ "$status" = 200 ] || { echo "the gateway answered $status: $(cat "$RESULTS/gateway-answer.json")" >&2; return 1; }

    local body
    body=$(mktemp)
    echo "$BODY" > "$body"
    rm -f "$RESULTS/open-loop.csv"
    echo "warm-up: $warmup_s s of the gateway, 4 connections" >&2
    local lua
    lua=$(wrk_script "$key")
    taskset -c "$MOCK_CPU" wrk -t1 -c4 -d"${warmup_s}s" -s "$lua" "$GATEWAY_URL" >/dev/null
    rm -f "$lua"
    local mock_cl gw_cl
    echo "closed loop: $latency_s s each" >&2
    read -r -a mock_cl <<< "$(closed_loop "$MOCK_URL" "" "$latency_s" mock)"
    read -r -a gw_cl <<< "$(closed_loop "$GATEWAY_URL" "$key" "$latency_s" gateway)"

    local open
    rm -f "$RESULTS/open-loop.log"
    open=$( {
        open_load url="$MOCK_URL" body="$body" label=mock rates="$rates" seconds="$seconds" settle-s="$settle_s" warmup-s=5
        open_load url="$GATEWAY_URL" key="$key" body="$body" label=gateway rates="$rates" seconds="$seconds" \
            settle-s="$settle_s" warmup-s=0
    } )
    rm -f "$body"

    {
        echo "## Gateway (item 3)"
        echo
        machine
        echo "The sample's \`POST /v1/chat/completions\` on Open Liberty $(sed -n 's/.*<version.openliberty>\(.*\)<.*/\1/p' pom.xml)" \
            "(JVM on CPU $JVM_CPU, -Xmx${GW_HEAP:-1g}), model alias \`bench\` → provider \`mock\` (type openai)" \
            "→ the mock's \`/small/v1\` on CPU $MOCK_CPU; load generators on CPU $MOCK_CPU. Request: \`$BODY\`."
        echo
        echo "### One request at a time (wrk -t1 -c1, ${latency_s} s, closed loop, after ${warmup_s} s of warm-up)"
        echo
        echo "| target | p50 ms | p99 ms | requests/s | errors |"
        echo "|---|---:|---:|---:|---:|"
        echo "| mock directly | ${mock_cl[0]} | ${mock_cl[1]} | ${mock_cl[2]} | ${mock_cl[3]} |"
        echo "| gateway | ${gw_cl[0]} | ${gw_cl[1]} | ${gw_cl[2]} | ${gw_cl[3]} |"
        awk -v a="${mock_cl[0]}" -v b="${gw_cl[0]}" -v c="${mock_cl[1]}" -v d="${gw_cl[1]}" \
            'BEGIN { printf "| **added by the gateway** | **%.3f** | **%.3f** | | |\n", b - a, d - c }'
        echo
        echo "### Open loop (Hyperfoil $(basename "$(tr ':' '\n' <<< "$CP" | grep hyperfoil-core)" .jar | sed 's/hyperfoil-core-//')," \
            "constant rate, ${seconds} s a step after ${settle_s} s unrecorded, 64 connections)"
        echo
        echo "| target | rate /s | answered /s | p50 ms | p90 ms | p99 ms | max ms | errors | waited for a connection, ms |"
        echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
        echo "$open"
        echo
        echo "Highest rate kept (≥ 99 % answered) with p99 < 5 ms, no error and no wait for a connection: gateway **$(max_rate gateway)** requests/s;" \
            "mock directly $(max_rate mock) (the highest step tried: ${rates##*,})."
        echo
    } | tee "$RESULTS/gateway.md"
}
