"""How long a citizen on a slow link waits for the first search result (issue #35): headless
Chromium (the test command installs it) opens `tim-kiem/?q=…` of a built site served on loopback,
throttled through the DevTools protocol to 400 kbps both ways, 400 ms round trip and a CPU 4×
slower, with an empty cache. The time is from navigation start to the first result card in the
list, read in the page (a MutationObserver installed before any script runs)."""
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "acceptance"))

#: The profile of issue #34 and #35: a cheap phone on slow mobile data.
THROTTLE = {"offline": False, "latency": 400, "downloadThroughput": 400_000 / 8, "uploadThroughput": 400_000 / 8}
CPU_SLOWDOWN = 4
WATCH = """
window.__firstResult = null;
new MutationObserver(function (changes, observer) {
  var list = document.querySelector('[data-search-results]');
  if (list && list.querySelector('article')) { window.__firstResult = performance.now(); observer.disconnect(); }
}).observe(document, {childList: true, subtree: true});
"""


def measure(site, query, attempts=3):
    """The fastest of `attempts` cold loads, in seconds, from navigation to the first result."""
    import web_support as web
    from pathlib import Path
    server = web.SiteServer(Path(site))
    times = []
    try:
        for _ in range(attempts):
            driver = web.chrome()
            try:
                driver.execute_cdp_cmd("Network.enable", {})
                driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
                driver.execute_cdp_cmd("Network.emulateNetworkConditions", THROTTLE)
                driver.execute_cdp_cmd("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
                driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": WATCH})
                driver.get(server.url("tim-kiem/?q=" + query.replace(" ", "+")))
                deadline = time.monotonic() + 60
                found = None
                while found is None and time.monotonic() < deadline:
                    found = driver.execute_script("return window.__firstResult")
                    if found is None:
                        time.sleep(0.1)
                if found is None:
                    raise RuntimeError(f"no result for {query!r} within 60 s")
                times.append(found / 1000)
            finally:
                driver.quit()
    finally:
        server.close()
    return min(times)


if __name__ == "__main__":
    print(f"{measure(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else 'lai xe'):.2f} s")
