#!/usr/bin/env bash
# Measures the io suite's fixture server with wrk, next to nginx serving the same page,
# so that the server's capacity is known not to be what fetch_titles measures. Not run
# in CI (it installs wrk and nginx, Debian packages, and takes ~40 s).
#   suites/io/scripts/measure-fixture.sh [SECONDS]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
seconds=${1:-5}
fixture_port=18080
nginx_port=18081

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v nginx >/dev/null || need+=(nginx-light)
command -v curl >/dev/null || need+=(curl)
if ((${#need[@]})); then
  echo "installing ${need[*]}" >&2
  sudo_=""; [[ $(id -u) == 0 ]] || sudo_=sudo
  $sudo_ apt-get install -y --no-install-recommends "${need[@]}" >/dev/null
fi
"$root/ci/build.sh" release >/dev/null 2>&1 || "$root/ci/build.sh" release

work=$(mktemp -d)
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
ulimit -n "$(ulimit -Hn)"

"$root/build/release/suites/io/idiombench-http-fixture" "$fixture_port" >"$work/fixture.log" &
pids+=($!)
path="/page/1?size=2048&latency_us=0"
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$fixture_port$path" -o "$work/page.html" && break; sleep 0.1; done
[[ -s $work/page.html ]] || { echo "the fixture did not answer" >&2; exit 1; }
mkdir -p "$work/page"
cp "$work/page.html" "$work/page/1"

cat >"$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 20000; }
http {
  access_log off;
  keepalive_requests 1000000;
  default_type text/html;
  server { listen 127.0.0.1:$nginx_port; root $work; }
}
CONF
nginx -c "$work/nginx.conf" -p "$work" -g 'daemon off;' &
pids+=($!)
sleep 0.5

run() {  # name url [header]
  local name=$1 url=$2 extra=()
  [[ -n ${3:-} ]] && extra=(-H "$3")
  local rate
  rate=$(wrk -t2 -c64 -d"${seconds}s" "${extra[@]}" "$url" | awk '/Requests\/sec/ {print $2}')
  printf '%-44s %10s req/s\n' "$name" "$rate"
}
echo "wrk -t2 -c64 -d${seconds}s, a 2048-byte page (one nginx worker, one fixture thread):"
run "fixture, keep-alive" "http://127.0.0.1:$fixture_port$path"
run "nginx, keep-alive" "http://127.0.0.1:$nginx_port/page/1"
run "fixture, new connection per request" "http://127.0.0.1:$fixture_port$path" "Connection: close"
run "nginx, new connection per request" "http://127.0.0.1:$nginx_port/page/1" "Connection: close"
