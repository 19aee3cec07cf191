#!/usr/bin/env python3
"""Signs in to the console and times pages, one request after another on one keep-alive
connection (as one person's browser would), for benchmarks/console-p95.sh.

Usage: console_load.py HOST PORT USER PASSWORD REQUESTS PATH...
Prints one line per path: p50, p95, p99 and max in milliseconds, and the response size."""
import http.client
import sys
import time
import urllib.parse

host, port, user, password, requests = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], int(sys.argv[5])
paths = sys.argv[6:]

connection = http.client.HTTPConnection(host, port, timeout=300)  # the aged balance reads the whole book
body = urllib.parse.urlencode({"username": user, "password": password, "next": "/"})
connection.request("POST", "/login", body=body, headers={"Content-Type": "application/x-www-form-urlencoded"})
answer = connection.getresponse()
answer.read()
cookie = next((value.split(";")[0] for name, value in answer.getheaders() if name.lower() == "set-cookie"), None)
if answer.status != 303 or cookie is None:
    sys.exit(f"sign-in failed: HTTP {answer.status}")


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


print(f"{'page':<40} {'p50_ms':>8} {'p95_ms':>8} {'p99_ms':>8} {'max_ms':>8} {'bytes':>9}")
for path in paths:
    timings = []
    size = 0
    for n in range(requests + 5):
        start = time.perf_counter()
        connection.request("GET", path, headers={"Cookie": cookie})
        answer = connection.getresponse()
        page = answer.read()
        elapsed = (time.perf_counter() - start) * 1000
        if answer.status != 200:
            sys.exit(f"{path}: HTTP {answer.status}")
        if n >= 5:  # the first requests warm the store's caches
            timings.append(elapsed)
        size = len(page)
    print(f"{path:<40} {percentile(timings, .5):8.1f} {percentile(timings, .95):8.1f} {percentile(timings, .99):8.1f} "
          f"{max(timings):8.1f} {size:9d}")
