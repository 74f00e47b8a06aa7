#!/usr/bin/env bash
# The io suite against a real third-party server: nginx on loopback serving the pages
# through its SSI filter, which sends every page in chunked transfer coding. Every
# variant of fetch_titles is verified (`idiombench verify`: each conformance point, at
# concurrency 1, 3 and 16, kept-alive and not) against a plain sequential fetch of the same
# pages. Run by ci/test.sh; skipped, saying why, where nginx is missing or cannot start.
#   suites/io/scripts/real-server-test.sh IDIOMBENCH_BINARY
set -euo pipefail
binary=${1:?usage: real-server-test.sh IDIOMBENCH_BINARY}
command -v nginx >/dev/null || { echo "real-server test skipped: nginx is not installed"; exit 0; }

work=$(mktemp -d)
pid=
cleanup() { [[ -n $pid ]] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# Pages 0..1000 with titles the variants must extract (entities included).
mkdir -p "$work/page"
for i in $(seq 0 1000); do
  printf '<!DOCTYPE html><html><head><title>Page %d &amp; friends</title></head><body><p>%s</p></body></html>\n' \
    "$i" "$(printf 'x%.0s' $(seq 1 $((i % 7 * 300 + 1))))" >"$work/page/$i"
done

# nginx's workers run as www-data: the pages must be readable by others.
chmod -R a+rX "$work"
port=$((20000 + RANDOM % 20000))
cat >"$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  default_type text/html;
  server {
    listen 127.0.0.1:$port;
    root $work;
    # The SSI filter drops Content-Length: HTTP/1.1 clients get chunked bodies.
    location /page/ { ssi on; }
  }
}
CONF
nginx -c "$work/nginx.conf" -p "$work" -g 'daemon off;' 2>"$work/start.log" &
pid=$!
url="http://127.0.0.1:$port"
for _ in $(seq 50); do
  headers=$(curl -s -D - -o /dev/null "$url/page/7?size=2048&latency_us=0" 2>/dev/null || true)
  [[ -n $headers ]] && break
  sleep 0.1
done
if [[ -z ${headers:-} ]]; then
  echo "real-server test skipped: nginx did not start: $(head -c 300 "$work/start.log" "$work/error.log" 2>/dev/null | tr '\n' ' ')"
  exit 0
fi
# A page, whole and chunked: anything else would make the check below vacuous (the
# reference is a sequential fetch from the same server).
grep -q '^HTTP/1.1 200' <<<"$headers" || { echo "nginx did not serve the page:"; echo "$headers"; exit 1; }
grep -qi '^transfer-encoding: chunked' <<<"$headers" \
  || { echo "nginx did not send a chunked page:"; echo "$headers"; exit 1; }
curl -s "$url/page/7" | grep -q '<title>Page 7 &amp; friends</title>' \
  || { echo "nginx served page 7 without its title"; exit 1; }

echo "idiombench verify --suite io against nginx $(nginx -v 2>&1 | sed 's/.*nginx\///') at $url (chunked pages)"
IDIOMBENCH_IO_URL=$url "$binary" verify --suite io
