"""Optional two-factor sign-in (accounts/two_factor.py, docs/security.md): through the sign-in page, the code step,
the account's own settings pages and the reset command, as an editor and an administrator would use them."""

import io
import re
import time
from base64 import b32decode
from datetime import timedelta
from urllib.parse import urlencode

from django.contrib.auth.models import Group, Permission, User
from django.core import mail
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from network.models import ensure_network_review

PASSWORD = "a-long-password-for-tests-1"
VERIFY_URL = "/admin/2fa/verify/"
SETUP_URL = "/admin/2fa/setup/"
WRONG_CODE = "That code is not valid."

# Every kind of admin address: the dashboard, the page explorer, account and user management, media, snippets,
# the admin's JSON API, the two-factor pages themselves, and the Django admin.
ADMIN_URLS = [
    "/admin/",
    "/admin/pages/",
    "/admin/pages/1/",
    "/admin/account/",
    "/admin/users/",
    "/admin/images/",
    "/admin/documents/",
    "/admin/snippets/",
    "/admin/reports/site-history/",
    "/admin/api/main/pages/?child_of=1",
    "/admin/2fa/",
    "/admin/2fa/setup/",
    "/admin/2fa/recovery-codes/",
    "/admin/2fa/disable/",
    "/django-admin/",
    "/django-admin/auth/user/",
]


@pytest.fixture(autouse=True)
def clear_limits(settings):
    """A clean wrong-code count per test. django-otp's own per-device wait (1 s after a wrong code, then 2, 4 ...)
    is off here, where a right code follows a wrong one within milliseconds; `test_a_device_waits_...` has it on."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0
    cache.clear()
    yield
    cache.clear()


def code_for(key, steps_ahead=0, step=30):
    """The authenticator app's code `steps_ahead` time steps from now (the device accepts one step either way,
    and each step once: a test that signs in twice uses the next step)."""
    totp = TOTP(key, step=step)
    totp.time = time.time() + steps_ahead * step
    return f"{totp.token():06d}"


def wrong_code_for(key):
    """Six digits that no step the device accepts (previous, current, next) produces."""
    valid = {code_for(key, offset) for offset in (-1, 0, 1, 2)}
    return next(code for code in (f"{n:06d}" for n in range(123456, 999999, 111111)) if code not in valid)


def sign_in(client, user, password=PASSWORD, next_url=None):
    data = {"username": user.username, "password": password}
    if next_url:
        data["next"] = next_url
    return client.post(reverse("wagtailadmin_login"), data)


def sign_out(client):
    return client.post(reverse("wagtailadmin_logout"))


def verify(client, code, next_url="/admin/pages/"):
    return client.post(VERIFY_URL, {"code": code, "next": next_url})


@pytest.fixture
def admin(db):
    return User.objects.create_superuser("admin", "admin@guild.example", PASSWORD)


@pytest.fixture
def enrolled(admin):
    """The administrator with a confirmed authenticator and the key its app holds."""
    device = TOTPDevice.objects.create(user=admin, name="Authenticator app", confirmed=True)
    return admin, device.bin_key


def error_text(response):
    """What the page says went wrong with the code (field errors and refusal banners), as plain text."""
    html = response.content.decode()
    found = re.findall(r'class="(?:error-message|help-block help-critical)"[^>]*>(.*?)</(?:p|div)>', html, re.S)
    return [re.sub(r"<[^>]+>|\s+", " ", text).strip() for text in found]


def test_an_account_without_a_device_signs_in_as_before(client, admin):
    response = sign_in(client, admin, next_url="/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200
    assert client.get("/admin/").status_code == 200
    # The code step has nothing to ask of it, and says so by sending it on.
    assert client.get(VERIFY_URL + "?next=/admin/pages/")["Location"] == "/admin/pages/"


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_an_account_with_a_device_meets_the_code_step_on_every_admin_address(client, enrolled, url):
    user, _key = enrolled
    assert sign_in(client, user).status_code == 302
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{VERIFY_URL}?{urlencode({'next': url})}"


def test_the_code_step_is_a_sign_in_page_without_the_admin_menu(client, enrolled):
    user, _key = enrolled
    sign_in(client, user)
    page = client.get(VERIFY_URL + "?next=/admin/pages/")
    html = page.content.decode()
    assert page.status_code == 200
    assert 'name="code"' in html and 'autocomplete="one-time-code"' in html
    assert 'value="/admin/pages/"' in html
    assert "wagtail-sidebar-props" not in html  # the admin's menu (and its links) is not rendered yet


def test_public_pages_are_not_touched_and_get_no_vary_cookie(client, enrolled):
    user, _key = enrolled
    anonymous = client.get("/robots.txt")
    assert anonymous.status_code == 200
    assert "Cookie" not in anonymous.get("Vary", "")
    sign_in(client, user)
    assert client.get("/robots.txt").status_code == 200


def test_the_right_code_opens_the_admin_for_the_rest_of_the_session(client, enrolled):
    user, key = enrolled
    sign_in(client, user)
    session_before = client.cookies["sessionid"].value
    response = verify(client, code_for(key))
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    assert client.cookies["sessionid"].value != session_before  # a new session key, as at a password sign-in
    for url in ("/admin/", "/admin/pages/", "/admin/account/", "/django-admin/"):
        assert client.get(url).status_code == 200, url
    # Signing out ends it: the next sign-in asks again.
    sign_out(client)
    sign_in(client, user)
    assert client.get("/admin/")["Location"].startswith(VERIFY_URL)


def test_a_used_code_does_not_open_a_second_session(client, enrolled):
    user, key = enrolled
    code = code_for(key)
    sign_in(client, user)
    assert verify(client, code).status_code == 302
    sign_out(client)
    sign_in(client, user)
    replay = verify(client, code)
    assert replay.status_code == 200
    assert error_text(replay) == [WRONG_CODE]


def test_a_wrong_code_does_not_and_every_wrong_code_gets_the_same_answer(client, enrolled, settings):
    settings.GUILD_2FA_FAILURE_LIMIT = 100
    user, key = enrolled
    sign_in(client, user)
    attempts = [
        wrong_code_for(key),
        code_for(key, steps_ahead=-3),  # nearly right: a code of 90 seconds ago
        code_for(key, steps_ahead=3),
        "12345",
        "1234567",
        "not-a-code",
        "x" * 32,
        " ",
    ]
    answers = []
    for attempt in attempts:
        response = verify(client, attempt)
        assert response.status_code == 200, attempt
        answers.append(error_text(response))
        assert client.get("/admin/").status_code == 302
    assert answers[:-1] == [[WRONG_CODE]] * (len(attempts) - 1)
    assert answers[-1] and answers[-1] != [WRONG_CODE]  # an empty field is "required", nothing about codes
    too_long = verify(client, "9" * 33)
    assert too_long.status_code == 200
    assert client.get("/admin/").status_code == 302


def test_the_next_address_must_be_this_site(client, enrolled):
    user, key = enrolled
    sign_in(client, user)
    response = verify(client, code_for(key), next_url="https://elsewhere.example/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_wrong_codes_lock_the_code_step_with_429_and_retry_after(client, enrolled, settings):
    settings.GUILD_2FA_FAILURE_LIMIT = 3
    settings.GUILD_2FA_LOCKOUT_MINUTES = 10
    user, key = enrolled
    sign_in(client, user)
    statuses = [verify(client, wrong_code_for(key)).status_code for _attempt in range(3)]
    assert statuses == [200, 200, 429]
    # Locked: the right code is refused too, and not even looked at.
    locked = verify(client, code_for(key))
    assert locked.status_code == 429
    assert 540 < int(locked["Retry-After"]) <= 600
    assert "Too many wrong codes" in locked.content.decode()
    assert WRONG_CODE not in locked.content.decode()
    assert client.get("/admin/").status_code == 302
    assert TOTPDevice.objects.get(user=user).last_t == -1  # the right code was never checked, so never used

    # The limit is the account's: another enrolled account on the same connection is not locked.
    other = User.objects.create_superuser("other", "other@guild.example", PASSWORD)
    other_key = TOTPDevice.objects.create(user=other, name="Authenticator app", confirmed=True).bin_key
    sign_out(client)
    sign_in(client, other)
    assert verify(client, code_for(other_key)).status_code == 302


def test_a_device_waits_longer_after_each_wrong_code_and_says_so(client, enrolled, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 1  # django-otp's default
    user, key = enrolled
    sign_in(client, user)
    assert verify(client, wrong_code_for(key)).status_code == 200
    waiting = verify(client, code_for(key))
    assert waiting.status_code == 429
    assert waiting["Retry-After"] == "1"
    assert TOTPDevice.objects.get(user=user).last_t == -1  # the right code was not checked, so not used up
    # A second later (the failure moved back in time) the same right code works.
    TOTPDevice.objects.filter(user=user).update(throttling_failure_timestamp=timezone.now() - timedelta(seconds=2))
    assert verify(client, code_for(key)).status_code == 302


def test_the_code_step_fails_closed_when_the_limit_cache_is_down(client, enrolled, settings):
    user, key = enrolled
    sign_in(client, user)
    settings.CACHES = {
        **settings.CACHES,
        "ratelimit": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
        },
    }
    response = verify(client, code_for(key))
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert client.get("/admin/").status_code == 302


def read_secret(page):
    secret = re.search(r"data-two-factor-secret>([A-Z2-7 ]+)</code>", page.content.decode()).group(1)
    return b32decode(secret.replace(" ", ""))


def read_recovery_codes(page):
    block = re.search(r"data-recovery-codes>(.*?)</ul>", page.content.decode(), re.S).group(1)
    return re.findall(r"<code>([a-z2-7]+)</code>", block)


def test_setting_up_confirms_only_with_the_right_code_and_shows_recovery_codes_once(client, admin):
    sign_in(client, admin)
    account = client.get("/admin/account/")
    assert 'href="/admin/2fa/"' in account.content.decode()
    overview = client.get("/admin/2fa/")
    assert overview.status_code == 200
    assert 'href="/admin/2fa/setup/"' in overview.content.decode()

    setup = client.get(SETUP_URL)
    assert setup.status_code == 200
    assert "<svg" in setup.content.decode()  # the QR code
    key = read_secret(setup)
    assert client.get(SETUP_URL).status_code == 200
    assert read_secret(client.get(SETUP_URL)) == key  # the same secret until it is confirmed

    refused = client.post(SETUP_URL, {"code": wrong_code_for(key)})
    assert refused.status_code == 200
    assert error_text(refused) == [WRONG_CODE]
    assert not TOTPDevice.objects.filter(user=admin, confirmed=True).exists()
    sign_out(client)
    sign_in(client, admin)
    assert client.get("/admin/").status_code == 200  # an unconfirmed set-up changes nothing

    confirmed = client.post(SETUP_URL, {"code": code_for(key)})
    assert confirmed.status_code == 302
    assert confirmed["Location"] == "/admin/2fa/recovery-codes/"
    shown = client.get("/admin/2fa/recovery-codes/")
    codes = read_recovery_codes(shown)
    assert len(codes) == 10 and len(set(codes)) == 10
    again = client.get("/admin/2fa/recovery-codes/")
    assert "data-recovery-codes" not in again.content.decode()
    assert not any(code in again.content.decode() for code in codes)
    assert "10 recovery codes left" in again.content.decode()
    assert client.get("/admin/pages/").status_code == 200  # the set-up session counts as verified
    assert client.get(SETUP_URL)["Location"] == "/admin/2fa/"  # one authenticator: turn it off first

    # Recovery codes: each works once, in any order.
    sign_out(client)
    sign_in(client, admin)
    assert client.get("/admin/").status_code == 302
    assert verify(client, codes[0]).status_code == 302
    assert client.get("/admin/pages/").status_code == 200
    sign_out(client)
    sign_in(client, admin)
    assert verify(client, codes[1].upper()[:4] + "-" + codes[1][4:]).status_code == 302  # as printed, or typed
    sign_out(client)
    sign_in(client, admin)
    reused = verify(client, codes[0])
    assert reused.status_code == 200
    assert error_text(reused) == [WRONG_CODE]
    assert client.get("/admin/").status_code == 302
    assert StaticToken.objects.filter(device__user=admin).count() == 8


def test_new_recovery_codes_replace_the_old_ones(client, enrolled):
    user, key = enrolled
    sign_in(client, user)
    verify(client, code_for(key))
    first = client.post("/admin/2fa/recovery-codes/")
    assert first.status_code == 302
    old = read_recovery_codes(client.get("/admin/2fa/recovery-codes/"))
    client.post("/admin/2fa/recovery-codes/")
    new = read_recovery_codes(client.get("/admin/2fa/recovery-codes/"))
    assert len(new) == 10 and not set(old) & set(new)
    sign_out(client)
    sign_in(client, user)
    assert verify(client, old[0]).status_code == 200
    assert verify(client, new[0]).status_code == 302


def test_turning_it_off_takes_a_current_code(client, enrolled):
    user, key = enrolled
    sign_in(client, user)
    verify(client, code_for(key))
    form = client.get("/admin/2fa/disable/")
    assert form.status_code == 200 and 'name="code"' in form.content.decode()
    refused = client.post("/admin/2fa/disable/", {"code": wrong_code_for(key)})
    assert refused.status_code == 200
    assert error_text(refused) == [WRONG_CODE]
    assert client.post("/admin/2fa/disable/", {"code": ""}).status_code == 200
    assert TOTPDevice.objects.filter(user=user).exists()

    done = client.post("/admin/2fa/disable/", {"code": code_for(key, steps_ahead=1)})
    assert done.status_code == 302
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not StaticToken.objects.filter(device__user=user).exists()
    sign_out(client)
    sign_in(client, user)
    assert client.get("/admin/pages/").status_code == 200  # back to the password alone


def test_turning_it_off_counts_against_the_same_limit(client, enrolled, settings):
    settings.GUILD_2FA_FAILURE_LIMIT = 2
    user, key = enrolled
    sign_in(client, user)
    verify(client, code_for(key))
    statuses = [client.post("/admin/2fa/disable/", {"code": wrong_code_for(key)}).status_code for _i in range(2)]
    assert statuses == [200, 429]
    locked = client.post("/admin/2fa/disable/", {"code": code_for(key, steps_ahead=1)})
    assert locked.status_code == 429 and int(locked["Retry-After"]) > 0
    assert TOTPDevice.objects.filter(user=user).exists()


@pytest.fixture
def member(db):
    """An admin user without staff rights (a member organisation's account)."""
    group = Group.objects.create(name="Member: Ghent")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = User.objects.create_user("ghent", "ghent@guild.example", PASSWORD)
    user.groups.add(group)
    return user


def test_staff_accounts_must_enrol_when_the_site_requires_it(client, admin, member, settings):
    # Off by default: the administrator goes straight in.
    sign_in(client, admin)
    assert client.get("/admin/pages/").status_code == 200

    settings.GUILD_REQUIRE_2FA_FOR_STAFF = True
    for url in ("/admin/", "/admin/pages/", "/admin/2fa/disable/", "/django-admin/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == f"{SETUP_URL}?{urlencode({'next': url})}"
    setup = client.get(f"{SETUP_URL}?next=/admin/pages/")
    assert setup.status_code == 200
    assert "requires two-factor sign-in" in setup.content.decode()
    key = read_secret(setup)
    confirmed = client.post(f"{SETUP_URL}?next=/admin/pages/", {"code": code_for(key), "next": "/admin/pages/"})
    assert confirmed["Location"] == "/admin/2fa/recovery-codes/?next=%2Fadmin%2Fpages%2F"
    codes_page = client.get(confirmed["Location"])
    assert 'href="/admin/pages/"' in codes_page.content.decode()  # "I have saved them" goes on where it was going
    assert client.get("/admin/pages/").status_code == 200

    # An editor (the Editors group, without is_staff) is asked too; a member's account is not.
    ensure_network_review()
    editor = User.objects.create_user("editor", "editor@guild.example", PASSWORD)
    editor.groups.add(Group.objects.get(name="Editors"))
    sign_out(client)
    sign_in(client, editor)
    assert client.get("/admin/")["Location"].startswith(SETUP_URL)
    sign_out(client)
    sign_in(client, member)
    assert client.get("/admin/").status_code == 200


def test_the_login_and_password_reset_pages_still_work(client, enrolled):
    user, _key = enrolled
    assert client.get(reverse("wagtailadmin_login")).status_code == 200
    assert client.get(reverse("wagtailadmin_password_reset")).status_code == 200
    sent = client.post(reverse("wagtailadmin_password_reset"), {"email": user.email})
    assert sent.status_code == 302
    assert len(mail.outbox) == 1 and user.email in mail.outbox[0].to
    # A password reset link does not skip the code step: it only sets a password.
    wrong = sign_in(client, user, password="not-the-password")
    assert wrong.status_code == 200
    assert "_auth_user_id" not in client.session


def test_axes_still_locks_out_wrong_passwords_of_an_enrolled_account(client, enrolled, settings):
    settings.AXES_FAILURE_LIMIT = 3
    user, _key = enrolled
    for _attempt in range(3):
        sign_in(client, user, password="wrong")
    locked = sign_in(client, user)
    assert locked.status_code == 429
    assert int(locked["Retry-After"]) > 0
    assert "_auth_user_id" not in client.session


def test_reset_two_factor_removes_a_lost_device(client, enrolled):
    user, _key = enrolled
    for blank in ("", "   "):
        with pytest.raises(CommandError):
            call_command("reset_two_factor", "--email", blank)
    with pytest.raises(CommandError, match="No account"):
        call_command("reset_two_factor", "--email", "nobody@guild.example")
    assert TOTPDevice.objects.filter(user=user).exists()

    out = io.StringIO()
    call_command("reset_two_factor", "--email", "ADMIN@guild.example", stdout=out)
    assert "admin" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=user).exists()
    sign_in(client, user)
    assert client.get("/admin/pages/").status_code == 200


@pytest.mark.parametrize("url", [VERIFY_URL, "/admin/2fa/", SETUP_URL, "/admin/2fa/disable/"])
def test_without_a_password_sign_in_the_two_factor_pages_send_to_the_sign_in_page(client, db, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    posted = client.post(url, {"code": "123456"})
    assert posted.status_code == 302 and posted["Location"].startswith(reverse("wagtailadmin_login"))
