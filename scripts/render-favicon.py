"""Writes themes/default/assets/favicon-32.png from favicon.svg, drawn by headless Chromium (the
test command installs it): browsers that do not take an SVG icon get this PNG. Run from the
repository root with the test virtualenv: .venv/bin/python scripts/render-favicon.py"""
import base64
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "acceptance"))
import web_support as web  # noqa: E402

ASSETS = ROOT / "themes" / "default" / "assets"


def main() -> None:
    page = Path("/tmp/phiencho-favicon.html")
    page.write_text(f'<html><body style="margin:0"><img src="{(ASSETS / "favicon.svg").as_uri()}" width="32" height="32" '
                    'style="display:block"></body></html>', encoding="utf-8")
    driver = web.chrome(javascript=False)
    try:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 32, "height": 32, "deviceScaleFactor": 1, "mobile": False})
        driver.execute_cdp_cmd("Emulation.setDefaultBackgroundColorOverride", {"color": {"r": 0, "g": 0, "b": 0, "a": 0}})
        driver.get(page.as_uri())
        shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "clip": {"x": 0, "y": 0, "width": 32, "height": 32, "scale": 1}})
        (ASSETS / "favicon-32.png").write_bytes(base64.b64decode(shot["data"]))
    finally:
        driver.quit()
        page.unlink()


if __name__ == "__main__":
    main()
