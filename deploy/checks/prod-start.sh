#!/usr/bin/env bash
# The packaged service in the prod profile: without its database URL, encryption keys or JWT settings
# it stops at once with ONE message naming each missing setting (exit status 1, no stack trace); with
# them it starts, logs JSON lines, serves no Swagger UI, no dev token and no demo content.
source "$(dirname "$0")/lib.sh"
require_jar
mkdir -p "$WORK"
trap cleanup EXIT

expect_refusal() { # expect_refusal "what is missing" VAR... -- [VAR=VALUE...]
  local out status
  out="$WORK/prod-start-refusal.log"
  set +e
  (cd "$WORK" && env -i PATH="$PATH" HOME="$HOME" "$@" timeout 60 java -jar "$APP_JAR") >"$out" 2>&1
  status=$?
  set -e
  [ "$status" = 1 ] || { cat "$out" >&2; fail "expected exit status 1, got $status"; }
  [ "$(grep -c . "$out")" = 1 ] || { cat "$out" >&2; fail "expected one line"; }
  grep -q '^ERROR Vigil cannot start in production, settings missing or invalid: ' "$out" || { cat "$out" >&2; fail "not the production-settings message"; }
  if grep -q 'Exception\|	at ' "$out"; then cat "$out" >&2; fail "a stack trace"; fi
  cat "$out" >&2
}

KEY="$(openssl rand -base64 32)"
log "nothing set: every required setting is named"
expect_refusal
grep -q 'VIGIL_DB_URL.*VIGIL_CRYPTO_ACTIVE_KEY_ID.*VIGIL_CRYPTO_HASH_KEY.*VIGIL_JWT_ISSUER.*VIGIL_JWT_AUDIENCE.*VIGIL_JWT_PUBLIC_KEY_LOCATION' \
  "$WORK/prod-start-refusal.log" || fail "not every missing setting was named"

log "all but the JWT key location: only it is named"
expect_refusal VIGIL_DB_URL="jdbc:mariadb://127.0.0.1:1/none" VIGIL_CRYPTO_ACTIVE_KEY_ID=k1 VIGIL_CRYPTO_KEYS_K1="$KEY" \
  VIGIL_CRYPTO_HASH_KEY="$KEY" VIGIL_SIGNING_ACTIVE_KEY_ID=s1 VIGIL_SIGNING_KEYS_S1="$KEY" \
  VIGIL_JWT_ISSUER=https://sso.example.org/realms/vigil VIGIL_JWT_AUDIENCE=vigil-api
grep -q 'VIGIL_JWT_PUBLIC_KEY_LOCATION' "$WORK/prod-start-refusal.log" || fail "VIGIL_JWT_PUBLIC_KEY_LOCATION not named"
if grep -q 'VIGIL_DB_URL\|VIGIL_CRYPTO\|VIGIL_SIGNING' "$WORK/prod-start-refusal.log"; then fail "named a setting that was given"; fi

log "a key that is not 256 bits: named, its value not shown"
expect_refusal VIGIL_DB_URL="jdbc:mariadb://127.0.0.1:1/none" VIGIL_CRYPTO_ACTIVE_KEY_ID=k1 VIGIL_CRYPTO_KEYS_K1=c2hvcnQ= \
  VIGIL_CRYPTO_HASH_KEY="$KEY" VIGIL_SIGNING_ACTIVE_KEY_ID=s1 VIGIL_SIGNING_KEYS_S1="$KEY" \
  VIGIL_JWT_ISSUER=https://x VIGIL_JWT_AUDIENCE=x VIGIL_JWT_PUBLIC_KEY_LOCATION=https://x/certs
grep -q 'vigil.crypto.keys.k1' "$WORK/prod-start-refusal.log" || fail "the weak key was not named"
if grep -q 'c2hvcnQ=' "$WORK/prod-start-refusal.log"; then fail "the key's value was printed"; fi

log "everything set: the service starts in the prod profile"
db_start
make_secrets
app_start prod-start $((PORT_BASE + 10)) "vigil_prod_start_$$" "vigil.check.prod-start.$RUN_ID"
wait_ready $((PORT_BASE + 10)) 120 "$(app_pid prod-start)"
B=http://127.0.0.1:$((PORT_BASE + 10))
for path in /q/swagger-ui /q/swagger-ui/ /dev/token /q/dev-ui /q/dev; do
  code="$(curl -s -o /dev/null -w '%{http_code}' "$B$path")"
  [ "$code" = 404 ] || fail "$path answered $code in production, expected 404"
done
items="$(curl -s "$B/api/v1/articles?lang=en" | tr -d ' \n')"
case "$items" in *'"items":[]'*) ;; *) fail "demo articles in production: $items" ;; esac
items="$(curl -s "$B/api/v1/checklists?lang=en" | tr -d ' \n')"
case "$items" in *'"items":[]'*) ;; *) fail "demo checklists in production: $items" ;; esac
items="$(curl -s "$B/api/v1/events" | tr -d ' \n')"
case "$items" in *'"items":[]'*) ;; *) fail "demo events in production: $items" ;; esac
# a tip, then the logs: JSON lines only, and no client address in them
curl -s -o /dev/null -w '%{http_code}' -X POST "$B/api/v1/tips" -H 'Content-Type: application/json' \
  -H 'User-Agent: prod-start-check-agent' \
  -d '{"category":"online-fraud","narrative":"A check tip from prod-start.sh","inDangerNow":false,"lang":"en"}' | grep -q 201 \
  || fail "a tip was not accepted"
app_stop prod-start
grep -v '^{' "$WORK/prod-start.log" | grep -v '^ *$' | grep -v '^Picked up JAVA_TOOL_OPTIONS' >"$WORK/prod-start.nonjson" || true
[ ! -s "$WORK/prod-start.nonjson" ] || { head "$WORK/prod-start.nonjson" >&2; fail "log lines that are not JSON"; }
python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]' "$WORK/prod-start.log" \
  || fail "a log line is not valid JSON"
# the only addresses a log line may carry are the servers' (JDBC URL, broker, the console's login provider,
# which lib.sh sets to the unreachable 127.0.0.1:9), never a client's
SERVERS='jdbc:mariadb://127\.0\.0\.1\|127\.0\.0\.1:9[^0-9]'
if grep '127\.0\.0\.1\|prod-start-check-agent' "$WORK/prod-start.log" | grep -v "$SERVERS" | grep -q .; then
  grep '127\.0\.0\.1\|prod-start-check-agent' "$WORK/prod-start.log" | grep -v "$SERVERS" | head -3 >&2
  fail "a client address or User-Agent in the logs"
fi
log "prod-start: OK"
