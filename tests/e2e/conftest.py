"""Browser journeys: Playwright for Python driving Debian's Chromium against a live server.

Never downloads a browser. Without /usr/bin/chromium the journeys skip with the reason, unless
CONGVU_REQUIRE_BROWSER=1 (set by .ci/run), in which case they fail.
"""

import os
import shutil

import pytest

# Playwright's sync API runs an event loop in this thread; the test code itself still calls the ORM
# synchronously, which Django would otherwise refuse.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


def _browser_missing_reason():
    if not os.path.exists(CHROMIUM):
        return f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed"
    return None


@pytest.fixture(scope="session")
def browser():
    reason = _browser_missing_reason()
    if reason:
        if os.environ.get("CONGVU_REQUIRE_BROWSER") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(browser, live_server):
    """A fresh page (own cookies) with `page.base_url` pointing at the live server."""
    context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    page.base_url = live_server.url
    yield page
    context.close()


@pytest.fixture
def phone_page(browser, live_server):
    """A phone-sized page (360×740, touch)."""
    context = browser.new_context(
        locale="vi-VN", viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True
    )
    page = context.new_page()
    page.set_default_timeout(15000)
    page.base_url = live_server.url
    yield page
    context.close()


def log_in(page, username, password="mat-khau-thu-nghiem"):
    page.goto(page.base_url + "/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    with page.expect_navigation():  # the page's URL tells which step comes next
        page.click("button[type=submit]")
    _pass_the_second_factor(page, username)


def _pass_the_second_factor(page, username):
    """Like the official with the phone: enrol when sent to enrolment (the key is on the page), or
    give a recovery code at the code step (an app code could repeat within its 30 s step)."""
    from base64 import b32decode

    from django_otp.oath import TOTP
    from django_otp.plugins.otp_static.models import StaticToken

    if "/quan-ly/tai-khoan/xac-thuc-hai-buoc/" in page.url and page.locator("main code").count():
        secret = page.locator("main code").first.inner_text().strip()
        page.fill("#id_token", f"{TOTP(b32decode(secret)).token():06d}")
        with page.expect_navigation():
            page.click("main button.primary")
        assert "Mã khôi phục" in page.locator("main").inner_text()
    elif "/dang-nhap/xac-thuc/" in page.url:
        code = StaticToken.objects.filter(device__user__username=username).first()
        page.fill("#id_token", code.token)
        with page.expect_navigation():
            page.click("main button.primary")
