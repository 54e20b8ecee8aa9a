#!/usr/bin/env bash
# Shared by the replica and crash checks: a MariaDB server of the check's own (its own datadir and
# port, so that it can be stopped and restarted without touching the machine's server), the packaged
# service in the prod profile, and the check program (DeployCheck.java, run by the java source
# launcher with the packaged service's own libraries: JDBC driver, AMQP client, Jackson).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
APP_JAR="$ROOT/target/quarkus-app/quarkus-run.jar"
WORK="${VIGIL_CHECK_DIR:-$ROOT/target/deploy-checks}"
DB_PORT="${VIGIL_CHECK_DB_PORT:-13306}"
RABBIT_HOST="${VIGIL_CHECK_RABBITMQ_HOST:-127.0.0.1}"
RABBIT_PORT="${VIGIL_CHECK_RABBITMQ_PORT:-5672}"
# Ports of the check's own service instances: PORT_BASE+1.. (away from the 8080/1808x that others use)
PORT_BASE="${VIGIL_CHECK_PORT_BASE:-28080}"
RUN_ID="$(date +%s)-$$"
PIDS=()
# a time limit's SIGTERM (.ci/run) still runs the scripts' EXIT cleanup: no server is left behind
trap 'exit 143' TERM INT

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
fail() { log "FAILED: $*"; exit 1; }

require_jar() {
  [ -f "$APP_JAR" ] || fail "$APP_JAR is missing: run ./mvnw package (or verify) first"
}

# ---- the check's own MariaDB server
db_dir() { echo "$WORK/mariadb"; }
db_sock() { echo "$WORK/mariadb.sock"; }
db_pidfile() { echo "$WORK/mariadb.pid"; }

db_start() {
  local dir; dir="$(db_dir)"
  mkdir -p "$WORK"
  if [ ! -d "$dir/mysql" ]; then
    log "MariaDB: initialising $dir"
    mariadb-install-db --no-defaults --datadir="$dir" --user="$(id -un)" --auth-root-authentication-method=socket \
      --skip-test-db >"$WORK/mariadb-install.log" 2>&1 || { cat "$WORK/mariadb-install.log" >&2; fail "mariadb-install-db"; }
  fi
  if db_running; then return 0; fi
  # a stale pid file after a kill would stop the server from starting
  rm -f "$(db_pidfile)"
  /usr/sbin/mariadbd --no-defaults --datadir="$dir" --port="$DB_PORT" --bind-address=127.0.0.1 \
    --socket="$(db_sock)" --pid-file="$(db_pidfile)" --user="$(id -un)" --log-error="$WORK/mariadb.err" \
    --innodb-buffer-pool-size=128M --innodb-log-file-size=48M --max-connections=200 --skip-name-resolve \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_uca1400_ai_ci >/dev/null 2>&1 &
  for _ in $(seq 1 60); do
    if mariadb-admin --no-defaults -S "$(db_sock)" -u root ping >/dev/null 2>&1; then break; fi
    sleep 0.5
  done
  db_running || { tail -20 "$WORK/mariadb.err" >&2; fail "MariaDB did not start on port $DB_PORT"; }
  mariadb --no-defaults -S "$(db_sock)" -u root -e "CREATE USER IF NOT EXISTS 'vigil'@'127.0.0.1' IDENTIFIED BY 'vigil';
    GRANT ALL ON \`vigil\_%\`.* TO 'vigil'@'127.0.0.1'; GRANT SUPER ON *.* TO 'vigil'@'127.0.0.1';"
}

db_running() { mariadb-admin --no-defaults -S "$(db_sock)" -u root ping >/dev/null 2>&1; }

# A clean shutdown (SIGTERM), as a managed database's failover or restart does.
db_stop() {
  local pid; pid="$(cat "$(db_pidfile)" 2>/dev/null || true)"
  [ -n "$pid" ] || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.25; done
  fail "MariaDB (pid $pid) did not stop"
}

db_sql() { mariadb --no-defaults -S "$(db_sock)" -u root -N -B "$@"; }

# ---- the packaged service, prod profile
# Keys of the check only (made per run, never used elsewhere)
make_secrets() {
  export CHECK_AES_KEY CHECK_HASH_KEY CHECK_SIGNING_KEY
  CHECK_AES_KEY="$(openssl rand -base64 32)"
  CHECK_HASH_KEY="$(openssl rand -base64 32)"
  CHECK_SIGNING_KEY="$(openssl rand -base64 32)"
}

# app_start NAME PORT DB QUEUE [VAR=VALUE...]: starts the jar in the background, logs in $WORK/NAME.log
app_start() {
  local name="$1" port="$2" db="$3" queue="$4"; shift 4
  # someone else's server on this port would answer our requests: refuse to run then
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then fail "port $port is already in use (VIGIL_CHECK_PORT_BASE moves the check's ports)"; fi
  (
    cd "$WORK"
    exec env -i PATH="$PATH" HOME="$HOME" LANG=C.UTF-8 \
      QUARKUS_HTTP_PORT="$port" \
      VIGIL_DB_URL="jdbc:mariadb://127.0.0.1:$DB_PORT/$db?user=vigil&password=vigil&createDatabaseIfNotExist=true" \
      VIGIL_JWT_ISSUER="https://vigil.check/issuer" VIGIL_JWT_AUDIENCE="vigil-check" \
      VIGIL_JWT_PUBLIC_KEY_LOCATION="$ROOT/config/dev-jwt/publicKey.pem" \
      VIGIL_OIDC_ISSUER="http://127.0.0.1:9/realms/vigil" VIGIL_OIDC_CLIENT_ID=vigil-console \
      VIGIL_OIDC_CLIENT_SECRET="check-console-secret-of-32-characters-or-more" \
      VIGIL_CRYPTO_ACTIVE_KEY_ID=k1 VIGIL_CRYPTO_KEYS_K1="$CHECK_AES_KEY" VIGIL_CRYPTO_HASH_KEY="$CHECK_HASH_KEY" \
      VIGIL_SIGNING_ACTIVE_KEY_ID=s1 VIGIL_SIGNING_KEYS_S1="$CHECK_SIGNING_KEY" \
      VIGIL_FORWARDING_RABBITMQ_HOST="$RABBIT_HOST" VIGIL_FORWARDING_RABBITMQ_PORT="$RABBIT_PORT" \
      VIGIL_FORWARDING_RABBITMQ_QUEUE="$queue" VIGIL_FORWARDING_LEASE=10s \
      VIGIL_TIP_LIMITS_SUBMISSIONS_PER_SOURCE=100000 VIGIL_TIP_LIMITS_SUBMISSIONS_GLOBAL=100000 \
      "$@" \
      java -Xmx384m -XX:TieredStopAtLevel=1 -jar "$APP_JAR"
  ) >>"$WORK/$name.log" 2>&1 &
  echo $! >"$WORK/$name.pid"
  PIDS+=("$!")
}

app_pid() { cat "$WORK/$1.pid"; }

# wait_ready PORT [SECONDS [PID]]: fails early when the process PID has ended
wait_ready() {
  local port="$1" limit="${2:-90}" pid="${3:-}" start=$SECONDS
  while [ $((SECONDS - start)) -lt "$limit" ]; do
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then fail "the service for port $port has stopped"; fi
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/q/health/ready")" = 200 ]; then return 0; fi
    sleep 0.5
  done
  fail "the service on port $port was not ready after ${limit}s"
}

app_kill() { kill -9 "$(app_pid "$1")" 2>/dev/null || true; wait "$(app_pid "$1")" 2>/dev/null || true; }
app_stop() { kill "$(app_pid "$1")" 2>/dev/null || true; wait "$(app_pid "$1")" 2>/dev/null || true; }

cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  db_stop || true
}

# Waits until a tip load started in the background (`check load ... out=FILE &`, pid PID) has its first
# 201: on a loaded machine the check program takes seconds to compile and start, and a crash meant to
# hit the load must not come before it.
wait_load_started() {
  local out=$1 pid=$2
  for _ in $(seq 1 900); do
    [ -e "$out.started" ] && return 0
    kill -0 "$pid" 2>/dev/null || fail "the tip load ended before its first 201"
    sleep 0.2
  done
  fail "the tip load had no 201 within 180 s"
}

check() {
  # the service's JDBC driver, AMQP client and Jackson; not its JBoss logging bridge (no log manager here)
  local cp
  cp="$(ls "$ROOT"/target/quarkus-app/lib/main/*.jar | grep -v 'org.jboss.slf4j' | tr '\n' ':')"
  java -Dslf4j.internal.verbosity=ERROR -cp "$cp" "$ROOT/deploy/checks/DeployCheck.java" "$@"
}
