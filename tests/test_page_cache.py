"""The full-page cache of anonymous public pages: served from Django's cache, changed at once by a publish, never
shared between visitors, languages or hosts, with Cache-Control for a CDN and 304s that render nothing."""

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

from django.contrib.auth.models import User
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client, RequestFactory

from wagtail.models import PageViewRestriction

import pytest

from home.frontend_cache import frontend_cache_settings
from home.models import StandardPage

from . import factories
from .i18n_tree import translate_tree
from .test_settings import run_manage

STATUS = "X-Page-Cache"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    """The test settings turn the page cache off (other tests read `response.context`); these tests are about it."""
    settings.GUILD_PAGE_CACHE = True
    # One period for the whole test (a period boundary between two requests would change the key and ETag).
    settings.GUILD_PAGE_CACHE_TIMEOUT = 10**9
    settings.GUILD_PAGE_MAX_AGE = 60
    settings.GUILD_PAGE_S_MAXAGE = 600
    settings.GUILD_PAGE_STALE_WHILE_REVALIDATE = 30
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def about(site_tree):
    return factories.StandardPageFactory(parent=site_tree.home, title="About the network", slug="about")


@pytest.fixture
def editor_client(db):
    user = User.objects.create_superuser("editor", "editor@guild.example", "pw")
    client = Client()
    client.force_login(user)
    return client


def test_a_second_anonymous_visit_is_served_from_the_cache(client, about, django_assert_max_num_queries):
    first = client.get(about.url)
    assert first.status_code == 200 and first[STATUS] == "miss"
    with django_assert_max_num_queries(0):
        second = client.get(about.url)
    assert second.status_code == 200 and second[STATUS] == "hit"
    assert second.content == first.content
    assert "About the network" in second.content.decode()


@pytest.mark.parametrize("path", ["/", "/practices/", "/search/?q=skills", "/skills/", "/sitemap.xml"])
def test_every_public_page_kind_is_cached(client, site_tree, path, django_assert_max_num_queries):
    assert client.get(path)[STATUS] == "miss"
    with django_assert_max_num_queries(0):
        assert client.get(path)[STATUS] == "hit"


def test_the_query_string_is_part_of_the_key(client, site_tree):
    assert client.get("/search/?q=skills")[STATUS] == "miss"
    other = client.get("/search/?q=welding")
    assert other[STATUS] == "miss"
    assert "welding" in other.content.decode()


def test_a_publish_changes_the_cached_page_at_once(client, about):
    assert client.get(about.url)[STATUS] == "miss"
    assert client.get(about.url)[STATUS] == "hit"
    about.title = "About us, renamed"
    about.save_revision().publish()
    response = client.get(about.url)
    assert response[STATUS] == "miss"
    assert "About us, renamed" in response.content.decode()
    assert "About the network" not in response.content.decode()


def test_a_publish_changes_the_cached_index_that_lists_the_page(client, site_tree):
    practice = factories.GoodPracticePageFactory(parent=site_tree.practices, title="Welding Lab")
    assert "Welding Lab" in client.get("/practices/").content.decode()
    practice.title = "Robotics Lab"
    practice.save_revision().publish()
    listing = client.get("/practices/").content.decode()
    assert "Robotics Lab" in listing and "Welding Lab" not in listing


def test_an_unpublished_page_is_gone_at_once(client, about):
    assert client.get(about.url)[STATUS] == "miss"
    assert client.get(about.url)[STATUS] == "hit"
    about.unpublish()
    assert client.get(about.url).status_code == 404


def test_a_deleted_page_is_gone_at_once(client, about):
    url = about.url
    client.get(url)
    assert client.get(url)[STATUS] == "hit"
    about.delete()
    assert client.get(url).status_code == 404


def test_a_page_made_private_is_never_served_from_its_public_copy(client, about):
    client.get(about.url)
    assert client.get(about.url)[STATUS] == "hit"
    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.PASSWORD, password="s3cret")
    for _ in range(2):
        response = client.get(about.url)
        assert response[STATUS] == "skip"
        assert "About the network" not in response.content.decode()  # the password form, not the page
        assert "no-cache" in response["Cache-Control"] and "public" not in response["Cache-Control"]


def test_a_signed_in_user_never_gets_the_anonymous_copy(client, editor_client, about):
    anonymous = client.get(about.url)
    assert anonymous[STATUS] == "miss"
    assert "wagtail-userbar" not in anonymous.content.decode()
    signed_in = editor_client.get(about.url)
    assert STATUS not in signed_in
    assert "wagtail-userbar" in signed_in.content.decode()
    assert "private" in signed_in["Cache-Control"] and "public" not in signed_in["Cache-Control"]


def test_an_anonymous_visitor_never_gets_a_signed_in_copy(client, editor_client, about):
    editor_client.get(about.url)
    editor_client.get(about.url)
    anonymous = client.get(about.url)
    assert anonymous[STATUS] == "miss"
    assert "wagtail-userbar" not in anonymous.content.decode()
    assert "wagtail-userbar" not in client.get(about.url).content.decode()


def csrf_token_in(response):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode()).group(1)


@pytest.mark.parametrize("path", ["/contact/", "/join/apply/"])
def test_a_form_pages_csrf_token_never_reaches_another_visitor(site_tree, path):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    answers = [first.get(path), second.get(path), first.get(path)]
    for answer in answers:
        assert answer.status_code == 200
        assert answer[STATUS] == "skip"
        assert "private" in answer["Cache-Control"] and "public" not in answer["Cache-Control"]
        assert "ETag" not in answer
    first_cookie = answers[0].cookies["csrftoken"].value
    second_cookie = answers[1].cookies["csrftoken"].value
    assert first_cookie != second_cookie
    # Each page's token belongs to its own visitor's cookie; the first visitor's second visit keeps its cookie.
    assert _unmask_cipher_token(csrf_token_in(answers[0])) == first_cookie
    assert _unmask_cipher_token(csrf_token_in(answers[1])) == second_cookie
    assert _unmask_cipher_token(csrf_token_in(answers[2])) == first_cookie


def test_an_event_registration_form_is_never_cached(client, site_tree):
    event = factories.EventPageFactory(parent=site_tree.events, title="Peer Review Meeting", registration_open=True)
    path = f"/events/{event.pk}/register/"
    answers = [client.get(path), Client().get(path)]
    assert [answer.status_code for answer in answers] == [200, 200]
    assert [answer[STATUS] for answer in answers] == ["skip", "skip"]
    assert answers[0].cookies["csrftoken"].value != answers[1].cookies["csrftoken"].value
    assert _unmask_cipher_token(csrf_token_in(answers[1])) == answers[1].cookies["csrftoken"].value


def test_a_registration_changes_the_cached_seats_left_at_once(client, site_tree):
    event = factories.EventPageFactory(
        parent=site_tree.events, title="Peer Review Meeting", registration_open=True, capacity=2
    )
    assert "2 seats left" in client.get(event.url).content.decode()
    assert client.get(event.url)[STATUS] == "hit"
    event.register(name="Marta Nowak", email="marta@izba.example", organisation="Izba", ip_hash="x")
    assert "1 seat left" in client.get(event.url).content.decode()


def test_a_visitor_with_a_csrf_cookie_gets_the_shared_copy_which_holds_no_token(client, about):
    client.get("/contact/")
    assert "csrftoken" in client.cookies
    client.get(about.url)
    shared = client.get(about.url)
    assert shared[STATUS] == "hit"
    assert "csrfmiddlewaretoken" not in shared.content.decode()
    assert not shared.cookies


def test_french_and_english_never_share_an_entry(client, site_tree):
    translate_tree(site_tree, "fr")
    english = client.get("/")
    french = client.get("/fr/")
    assert english[STATUS] == "miss" and french[STATUS] == "miss"
    assert client.get("/")[STATUS] == "hit" and client.get("/fr/")[STATUS] == "hit"
    assert '<html lang="en"' in client.get("/").content.decode()
    assert '<html lang="fr"' in client.get("/fr/").content.decode()
    assert "[fr] Guild" in client.get("/fr/").content.decode()
    assert "[fr] Guild" not in client.get("/").content.decode()


def test_two_hosts_never_share_an_entry(client, about, settings):
    settings.ALLOWED_HOSTS = ["testserver", "mirror.example"]
    assert client.get(about.url)[STATUS] == "miss"
    assert client.get(about.url, HTTP_HOST="mirror.example")[STATUS] == "miss"
    assert client.get(about.url, HTTP_HOST="mirror.example")[STATUS] == "hit"


def test_a_visitor_with_pending_messages_gets_a_page_of_their_own(client, about):
    client.get(about.url)
    storage = CookieStorage(RequestFactory().get("/"))
    client.cookies["messages"] = storage._encode([Message(constants.INFO, "Thank you for your message")])
    response = client.get(about.url)
    assert STATUS not in response
    assert "private" in response["Cache-Control"]
    # ...and what that visit rendered was not kept for the next visitor.
    del client.cookies["messages"]
    assert client.get(about.url)[STATUS] == "hit"


def test_cacheable_pages_tell_browsers_and_cdns_how_long_to_keep_them(client, about):
    for response in (client.get(about.url), client.get(about.url)):
        directives = {part.strip() for part in response["Cache-Control"].split(",")}
        assert directives == {"public", "max-age=60", "s-maxage=600", "stale-while-revalidate=30"}


def test_without_the_server_copy_pages_still_carry_their_cache_control(client, about, settings):
    settings.GUILD_PAGE_CACHE = False
    response = client.get(about.url)
    assert STATUS not in response and "ETag" not in response
    assert "s-maxage=600" in response["Cache-Control"]
    assert "private" in client.get("/contact/")["Cache-Control"]


def test_the_admin_and_the_api_are_left_to_themselves(client, site_tree):
    assert STATUS not in client.get("/admin/login/")
    api = client.get("/api/v2/pages/")
    assert STATUS not in api
    assert "s-maxage" not in api["Cache-Control"]


def test_a_revalidation_answers_304_without_serving_the_page(client, about, monkeypatch):
    first = client.get(about.url)
    etag = first["ETag"]

    def refuse_to_serve(*args, **kwargs):
        raise AssertionError("a matching revalidation must not serve the page")

    monkeypatch.setattr(StandardPage, "serve", refuse_to_serve)
    cache.delete_many([key for key in cache._cache if "guild:page:" in key])  # not from the stored copy either
    revalidated = client.get(about.url, HTTP_IF_NONE_MATCH=etag)
    assert revalidated.status_code == 304
    assert revalidated["ETag"] == etag
    assert "s-maxage=600" in revalidated["Cache-Control"]
    since = client.get(about.url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304


def test_a_revalidation_after_a_publish_gets_the_new_page(client, about):
    etag = client.get(about.url)["ETag"]
    about.title = "About us, renamed"
    about.save_revision().publish()
    response = client.get(about.url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag
    assert "About us, renamed" in response.content.decode()


def test_a_revalidation_with_a_wrong_etag_gets_the_page(client, about):
    client.get(about.url)
    response = client.get(about.url, HTTP_IF_NONE_MATCH='W/"not-this-one"')
    assert response.status_code == 200 and response[STATUS] == "hit"


def test_feeds_are_cached_and_keep_their_own_validators(client, site_tree):
    factories.NewsPageFactory(parent=site_tree.news, title="Network News")
    first = client.get("/feeds/news.rss")
    assert first[STATUS] == "miss"
    cached = client.get("/feeds/news.rss")
    assert cached[STATUS] == "hit" and b"Network News" in cached.content
    assert client.get("/feeds/news.rss", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_pages_that_are_not_found_are_not_cached(client, site_tree):
    answers = [client.get("/no-such-page/"), client.get("/no-such-page/")]
    assert [answer.status_code for answer in answers] == [404, 404]
    assert [answer[STATUS] for answer in answers] == ["skip", "skip"]
    assert "public" not in answers[1].get("Cache-Control", "")


def test_frontend_cache_settings_come_from_the_environment():
    assert frontend_cache_settings({}) == {}
    assert frontend_cache_settings({"FRONTEND_CACHE": "http", "FRONTEND_CACHE_URL": "http://varnish:6081"}) == {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://varnish:6081",
        }
    }
    assert frontend_cache_settings(
        {"FRONTEND_CACHE": "cloudflare", "CLOUDFLARE_ZONE_ID": "zone", "CLOUDFLARE_BEARER_TOKEN": "token"}
    ) == {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": "zone",
            "BEARER_TOKEN": "token",
        }
    }
    assert frontend_cache_settings(
        {
            "FRONTEND_CACHE": "Cloudflare",
            "CLOUDFLARE_ZONE_ID": "zone",
            "CLOUDFLARE_EMAIL": "ops@guild.example",
            "CLOUDFLARE_API_KEY": "key",
        }
    )["default"] == {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": "zone",
        "EMAIL": "ops@guild.example",
        "API_KEY": "key",
    }
    assert frontend_cache_settings({"FRONTEND_CACHE": "cloudfront", "CLOUDFRONT_DISTRIBUTION_ID": "E123"}) == {
        "default": {"BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend", "DISTRIBUTION_ID": "E123"}
    }


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"FRONTEND_CACHE": "fastly"}, "must be one of cloudflare, cloudfront, http"),
        ({"FRONTEND_CACHE": "http"}, "needs FRONTEND_CACHE_URL"),
        ({"FRONTEND_CACHE": "cloudflare", "CLOUDFLARE_BEARER_TOKEN": "t"}, "needs CLOUDFLARE_ZONE_ID"),
        ({"FRONTEND_CACHE": "cloudflare", "CLOUDFLARE_ZONE_ID": "z"}, "needs CLOUDFLARE_EMAIL"),
        ({"FRONTEND_CACHE": "cloudfront"}, "needs CLOUDFRONT_DISTRIBUTION_ID"),
    ],
)
def test_an_incomplete_frontend_cache_configuration_refuses_to_start(environ, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        frontend_cache_settings(environ)


PRINT_SETTINGS = (
    "import json; from django.conf import settings; print(json.dumps({'cache': settings.GUILD_PAGE_CACHE, "
    "'front': settings.WAGTAILFRONTENDCACHE, 'app': 'wagtail.contrib.frontend_cache' in settings.INSTALLED_APPS}))"
)
PRODUCTION = {
    "SECRET_KEY": "a-long-random-production-secret-for-the-check-" + "k3y9" * 10,
    "ALLOWED_HOSTS": "x.example",
}


def production_settings(**environ):
    result = run_manage("shell", "-c", PRINT_SETTINGS, **PRODUCTION, **environ)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_settings_read_the_page_cache_and_the_frontend_cache_from_the_environment(monkeypatch):
    for name in ("REDIS_URL", "GUILD_PAGE_CACHE", "FRONTEND_CACHE", "FRONTEND_CACHE_URL"):
        monkeypatch.delenv(name, raising=False)
    # Without Redis each worker would keep its own content version: no server copies unless asked for.
    assert production_settings() == {"cache": False, "front": {}, "app": False}
    configured = production_settings(
        GUILD_PAGE_CACHE="1", FRONTEND_CACHE="http", FRONTEND_CACHE_URL="http://varnish:6081"
    )
    assert configured == {
        "cache": True,
        "front": {
            "default": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": "http://varnish:6081",
            }
        },
        "app": True,
    }


class PurgeRecorder(BaseHTTPRequestHandler):
    """A Varnish-like cache in front of the site, for FRONTEND_CACHE=http: records each PURGE it receives."""

    purged = []

    def do_PURGE(self):  # http.server calls do_<METHOD>
        self.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_server(settings):
    server = HTTPServer(("127.0.0.1", 0), PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    PurgeRecorder.purged = []
    settings.WAGTAILFRONTENDCACHE = frontend_cache_settings(
        {"FRONTEND_CACHE": "http", "FRONTEND_CACHE_URL": f"http://127.0.0.1:{server.server_port}"}
    )
    yield PurgeRecorder.purged
    server.shutdown()
    server.server_close()


def test_a_publish_purges_the_index_and_home_page_from_the_cache_in_front(
    site_tree, purge_server, django_capture_on_commit_callbacks
):
    practice = factories.GoodPracticePageFactory(parent=site_tree.practices, title="Welding Lab")
    purge_server.clear()
    practice.title = "Robotics Lab"
    with django_capture_on_commit_callbacks(execute=True):
        practice.save_revision().publish()
    paths = {path for _host, path in purge_server}
    # The page itself is purged by wagtail.contrib.frontend_cache (installed when FRONTEND_CACHE is set).
    assert {site_tree.practices.url, site_tree.home.url} <= paths
    assert site_tree.practices.url in {path for _host, path in purge_server}  # each purged once, not per language
    assert len(purge_server) == len(paths)
