"""Browser test of `forlop site`: Debian's Chromium, driven by Playwright, opens the board and a
case page from file://, finds no console error and no request leaving the site, clicks from the
board to a case and back, tries the filter, and saves screenshots at desktop and phone size.

Usage: python3 site_test.py SITE_DIR SHOT_DIR   (run.sh builds the site first)
"""

import os
import sys
import traceback

from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
CASE = "te-0139"


class Watch:
    """Console errors, page errors and requests that are not files of the site."""

    def __init__(self, page, site):
        self.problems = []
        page.on(
            "console",
            lambda m: m.type in ("error", "warning")
            and self.problems.append(f"console {m.type}: {m.text}"),
        )
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        prefix = "file://" + os.path.realpath(site)
        page.on(
            "request",
            lambda r: r.url.startswith(prefix)
            or self.problems.append(f"request outside the site: {r.url}"),
        )
        page.on("requestfailed", lambda r: self.problems.append(f"request failed: {r.url}"))


def url(site, name):
    return "file://" + os.path.realpath(os.path.join(site, name))


def board_to_case_and_back(browser, site, shots, size):
    context = browser.new_context(
        viewport=SIZES[size],
        is_mobile=size == "phone",
        has_touch=size == "phone",
        device_scale_factor=2 if size == "phone" else 1,
    )
    page = context.new_page()
    watch = Watch(page, site)
    page.goto(url(site, "index.html"))
    assert page.locator("h1").first.inner_text().startswith("Tavle"), page.title()
    assert page.locator("tr.overdue").count() > 0, "no overdue row on the board"
    page.screenshot(path=os.path.join(shots, f"board-{size}.png"), full_page=True)

    # The filter (inline script): only the matching case stays visible.
    field = page.locator("#filter input")
    assert field.is_visible(), "the filter is hidden although JavaScript runs"
    field.fill(CASE)
    visible = page.locator("tr[data-search]:visible")
    assert visible.count() == 1, f"{visible.count()} rows visible after filtering"
    field.fill("")
    assert page.locator("tr[data-search]:visible").count() > 1

    page.locator(f'a[href="{CASE}.html"]').first.click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/{CASE}.html"), page.url
    assert CASE in page.locator("h1").inner_text()
    assert page.locator(".timeline svg").count() == 2, "no timeline (labels and plot)"
    box = page.locator(".timeline .plot svg").bounding_box()
    assert box and box["height"] > 100, f"timeline too small: {box}"
    if size == "phone":
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= SIZES["phone"]["width"], f"the case page is {width}px wide on a phone"
    page.screenshot(path=os.path.join(shots, f"case-{size}.png"), full_page=True)

    page.locator('a[href="index.html"]').last.click()
    page.wait_for_load_state()
    assert page.url.endswith("/index.html"), page.url

    page.go_back()
    page.wait_for_load_state()
    assert page.url.endswith(f"/{CASE}.html"), page.url

    for name in ("report.html", "stats.html", "pathways.html"):
        page.goto(url(site, name))
        page.wait_for_load_state()
        page.screenshot(
            path=os.path.join(shots, f"{name[:-5]}-{size}.png"), full_page=True
        )
    # Nothing on a phone is wider than the screen except inside the timeline's own scroller.
    if size == "phone":
        page.goto(url(site, "index.html"))
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= SIZES["phone"]["width"], f"the board is {width}px wide on a phone"
    context.close()
    return watch.problems


def main():
    site, shots = sys.argv[1], sys.argv[2]
    os.makedirs(shots, exist_ok=True)
    passed, failed = 0, 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for size in SIZES:
            name = f"board to case and back ({size})"
            try:
                problems = board_to_case_and_back(browser, site, shots, size)
                assert not problems, "\n".join(problems)
                print(f"ok: {name}")
                passed += 1
            except Exception:
                print(f"FAILED: {name}")
                traceback.print_exc()
                failed += 1
        browser.close()
    print(f"screenshots in {shots}")
    print(f"browser: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
