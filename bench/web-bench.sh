#!/usr/bin/env bash
# Web benchmark: serves a synthetic archive of N advisories (default 200,000) with dev.shirase.web.bench.WebBench and
# measures /api/search and the search page with wrk (Debian: apt-get install wrk) at 8 concurrent connections.
# Targets (docs/BENCHMARKS.md): p95 <= 50 ms for /api/search, <= 100 ms for the search page.
#
#   bench/web-bench.sh [count] [port] [seconds]
#
# The index is built once under target/web-bench/ (reused while it holds the same count).
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT="${1:-200000}"
PORT="${2:-18080}"
SECONDS_PER_RUN="${3:-30}"
DIR="${BENCH_DIR:-target/web-bench}"
mkdir -p "$DIR"
: > "$DIR/server.log"

mvn -q -B -DskipTests compile
mvn -q -B dependency:build-classpath -Dmdep.outputFile="$DIR/classpath.txt" >/dev/null
java -Xmx1g -cp "target/classes:$(cat "$DIR/classpath.txt")" dev.shirase.web.bench.WebBench "$DIR" "$PORT" "$COUNT" \
  > "$DIR/server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
until grep -q READY "$DIR/server.log"; do
  if ! kill -0 "$SERVER" 2>/dev/null; then cat "$DIR/server.log"; exit 1; fi
  sleep 2
done
grep -E 'indexed [0-9]+ advisories|READY' "$DIR/server.log"

# A mix of Japanese and English queries, filters, sorts and pages (URL-encoded).
Q=(
  "q=%E8%84%86%E5%BC%B1%E6%80%A7"                                  # 脆弱性
  "q=%E8%AA%8D%E8%A8%BC%E5%9B%9E%E9%81%BF"                         # 認証回避
  "q=Google%20Chrome"
  "q=%E6%94%B9%E3%81%96%E3%82%93&sort=date"                        # 改ざん, newest first
  "q=FortiOS&severity=CRITICAL"
  "q=CVE-2024-10123"
  "q=%E3%82%AF%E3%83%AD%E3%82%B9%E3%82%B5%E3%82%A4%E3%83%88&page=3" # クロスサイト, page 3
  "source=jpcert&year=2025"
  ""
)
# MIX=wide: 630 distinct queries instead (every product × weakness of the synthetic data, by relevance, by date and
# page 2). Each comes back only every 630 requests, so Lucene's query cache (which keeps a query's matches once it
# has been seen often among the last 256) does not help: the cost of a query never seen before.
if [ "${MIX:-fixed}" = wide ]; then
  enc() { printf '%s' "$1" | od -An -tx1 | tr -d ' \n' | sed 's/../%&/g'; }
  PRODUCTS=("Google Chrome" "Windows" "HTTP Server" "Garoon" "ServerView" "Aterm" "IOS XE" "FortiOS" "WebLogic Server"
    "Acrobat Reader" "vCenter Server" "EPMM" "Snapdragon" "TeamCity" "Contact Form 7")
  WEAKNESSES=("クロスサイトスクリプティング" "SQL インジェクション" "OS コマンドインジェクション" "認証回避" "境界外書き込み"
    "解放済みメモリの使用" "パストラバーサル" "情報漏えい" "サービス運用妨害 (DoS)" "権限昇格" "不適切な入力確認" "改ざん"
    "クロスサイトリクエストフォージェリ" "XML 外部エンティティ参照")
  Q=()
  for extra in "" "&sort=date" "&page=2"; do
    for w in "${WEAKNESSES[@]}"; do
      for p in "${PRODUCTS[@]}"; do Q+=("q=$(enc "$p $w")$extra"); done
    done
  done
fi
API=(); PAGE=()
for q in "${Q[@]}"; do API+=("/api/search?$q"); PAGE+=("/?$q"); done
echo "${#Q[@]} distinct requests (MIX=${MIX:-fixed}), warm-up ${WARMUP_SECONDS:-120} s"

# Warm-up, then the two measured runs. The service reaches its steady state only after one to two minutes under load
# (C2 compilation of the search loops on two busy cores, the query cache, per-segment caches): measure that.
wrk -t2 -c8 -d"${WARMUP_SECONDS:-120}s" -s bench/web-bench.lua "http://127.0.0.1:$PORT" -- "${API[@]}" "${PAGE[@]}" > /dev/null
echo "== /api/search (8 connections, ${SECONDS_PER_RUN}s)"
wrk -t2 -c8 -d"${SECONDS_PER_RUN}s" -s bench/web-bench.lua "http://127.0.0.1:$PORT" -- "${API[@]}" | grep -E 'RESULT|Requests/sec'
echo "== search page (8 connections, ${SECONDS_PER_RUN}s)"
wrk -t2 -c8 -d"${SECONDS_PER_RUN}s" -s bench/web-bench.lua "http://127.0.0.1:$PORT" -- "${PAGE[@]}" | grep -E 'RESULT|Requests/sec'
