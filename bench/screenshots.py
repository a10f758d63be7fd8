"""Screenshots of running pages at desktop and mobile widths, plus a keyboard check.

Starts nothing itself: point it at a server you run (e.g. `manage.py runserver 8123`).

    .venv/bin/python bench/screenshots.py http://127.0.0.1:8123/ http://127.0.0.1:8123/members/ --out shots/

For each URL it writes `<slug>-desktop.png` (1280 px wide) and `<slug>-mobile.png` (390 px wide), full page,
and checks that the first Tab lands on the skip link and that the focused element has a visible outline.
Uses the system Chromium (/usr/bin/chromium); never downloads a browser.
"""

import argparse
import contextlib
import re
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "mobile": {"width": 390, "height": 844}}


def slug_for(url):
    path = re.sub(r"^https?://[^/]+", "", url).strip("/") or "home"
    return re.sub(r"[^a-zA-Z0-9]+", "-", path).strip("-")[:80]


def keyboard_check(page):
    """Tab once from the top of a fresh page: the skip link must take focus and show a focus outline."""
    page.reload(wait_until="load")
    page.evaluate("window.scrollTo(0, 0)")
    page.keyboard.press("Tab")
    # The focus style applies on the next frame in headless Chromium; a timeout is reported below as FAIL.
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function("document.activeElement.getBoundingClientRect().top >= 0", timeout=2000)
    focused = page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            return {cls: el.className, text: el.textContent.trim(), outline: style.outlineStyle,
                    width: style.outlineWidth, top: el.getBoundingClientRect().top};
        }"""
    )
    ok = "skip-link" in str(focused["cls"]) and focused["outline"] != "none" and focused["top"] >= 0
    return ok, focused


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("urls", nargs="+")
    parser.add_argument(
        "--out", default=str(Path(tempfile.gettempdir()) / "guild-screenshots"), help="directory for the PNG files"
    )
    parser.add_argument("--viewport", choices=sorted(VIEWPORTS), action="append", help="default: all")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    failures = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name in args.viewport or list(VIEWPORTS):
            context = browser.new_context(viewport=VIEWPORTS[name], reduced_motion="reduce")
            page = context.new_page()
            for url in args.urls:
                response = page.goto(url, wait_until="load")
                status = response.status if response else "?"
                target = out / f"{slug_for(url)}-{name}.png"
                page.screenshot(path=str(target), full_page=True)
                ok, focused = keyboard_check(page)
                page.screenshot(path=str(out / f"{slug_for(url)}-{name}-focus.png"))
                failures += not ok
                print(
                    f"{status} {name:7} {url} -> {target} | first Tab: {focused['text'][:40]!r} "
                    f"outline={focused['outline']} {focused['width']} top={focused['top']:.0f} "
                    f"{'OK' if ok else 'FAIL'}"
                )
            context.close()
        browser.close()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
