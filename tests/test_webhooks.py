"""Signed webhooks to partner endpoints on publish, unpublish and delete; failures never break publishing."""

import hashlib
import hmac
import html
import json
import re
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.test import override_settings
from django.utils import timezone

import pytest

from network.models import EventPage
from partners.models import WebhookDelivery, WebhookEndpoint

from . import factories

SECRET = "s3cret-shared-with-partner"


class Receiver(BaseHTTPRequestHandler):
    behaviour = "ok"

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.received.append((dict(self.headers), body))
        if self.server.behaviour == "slow":
            time.sleep(1.5)
        status = 500 if self.server.behaviour == "error" else 204
        self.send_response(status)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def receiver():
    def start(behaviour="ok"):
        server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
        server.behaviour = behaviour
        server.received = []
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return server

    servers = []
    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def url_of(server):
    return f"http://127.0.0.1:{server.server_address[1]}/hook"


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_publish_unpublish_delete_send_signed_posts(site_tree, receiver, django_capture_on_commit_callbacks):
    server = receiver()
    endpoint = WebhookEndpoint.objects.create(name="Ghent site", url=url_of(server), secret=SECRET)
    endpoint.page_types.add(ContentType.objects.get_for_model(EventPage))
    with django_capture_on_commit_callbacks(execute=True):
        event = factories.EventPageFactory(parent=site_tree.events, title="Solar forum")
        event.save_revision().publish()
        factories.NewsPageFactory(parent=site_tree.news).save_revision().publish()  # not a chosen type
    with django_capture_on_commit_callbacks(execute=True):
        event.unpublish()
    with django_capture_on_commit_callbacks(execute=True):
        EventPage.objects.get(pk=event.pk).delete()

    events = []
    for headers, body in server.received:
        expected = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
        assert hmac.compare_digest(headers["X-Guild-Signature"], expected)
        payload = json.loads(body)
        assert str(payload["sent_at"]) == headers["X-Guild-Timestamp"]
        assert payload["page"]["id"] == event.pk
        assert payload["page"]["type"] == "network.EventPage"
        events.append(payload["event"])
    assert "page.published" in events
    assert events[-2:] == ["page.unpublished", "page.deleted"]
    assert all(event_name.startswith("page.") for event_name in events)
    deliveries = WebhookDelivery.objects.filter(endpoint=endpoint)
    assert set(deliveries.values_list("status", flat=True)) == {"succeeded"}
    assert set(deliveries.values_list("status_code", flat=True)) == {204}


@override_settings(WEBHOOK_MAX_ATTEMPTS=3, WEBHOOK_TIMEOUT=0.5)
def test_failing_endpoints_never_break_publishing(site_tree, receiver, django_capture_on_commit_callbacks):
    erroring, slow = receiver("error"), receiver("slow")
    WebhookEndpoint.objects.create(name="Erroring", url=url_of(erroring), secret=SECRET)
    WebhookEndpoint.objects.create(name="Slow", url=url_of(slow), secret=SECRET)
    WebhookEndpoint.objects.create(name="Refusing", url=f"http://127.0.0.1:{closed_port()}/", secret=SECRET)
    WebhookEndpoint.objects.create(name="Inactive", url=url_of(erroring), secret=SECRET, active=False)
    with django_capture_on_commit_callbacks(execute=True):
        page = factories.NewsPageFactory(parent=site_tree.news, title="Still published")
        page.save_revision().publish()
    page.refresh_from_db()
    assert page.live
    deliveries = {delivery.endpoint.name: delivery for delivery in WebhookDelivery.objects.select_related("endpoint")}
    assert set(deliveries) == {"Erroring", "Slow", "Refusing"}
    for delivery in deliveries.values():
        assert delivery.status == "failed"
        assert delivery.attempts == 3
        assert delivery.error
    assert deliveries["Erroring"].status_code == 500
    assert "HTTP 500" in deliveries["Erroring"].error
    assert deliveries["Refusing"].status_code is None


def test_delivery_log_is_visible_in_the_admin(admin_client, site_tree, receiver, django_capture_on_commit_callbacks):
    server = receiver()
    WebhookEndpoint.objects.create(name="Lyon school site", url=url_of(server), secret=SECRET)
    with django_capture_on_commit_callbacks(execute=True):
        factories.MemberPageFactory(parent=site_tree.members, title="Lyon school").save_revision().publish()
    response = admin_client.get("/admin/snippets/partners/webhookdelivery/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Lyon school site" in html
    assert "Succeeded" in html
    assert admin_client.get("/admin/snippets/partners/webhookendpoint/").status_code == 200
    delivery = WebhookDelivery.objects.get()
    # The log is a record: it can be inspected, not edited, deleted or added to by hand.
    base = "/admin/snippets/partners/webhookdelivery/"
    inspect = admin_client.get(f"{base}inspect/{delivery.pk}/")
    assert inspect.status_code == 200
    assert "Lyon school site" in inspect.content.decode()
    for url in (f"{base}edit/{delivery.pk}/", f"{base}delete/{delivery.pk}/", f"{base}add/"):
        response = admin_client.get(url)
        assert response.status_code in (302, 403), url
        assert response.status_code == 403 or "/admin/" in response["Location"]
    assert admin_client.post(f"{base}delete/{delivery.pk}/").status_code in (302, 403)
    assert WebhookDelivery.objects.filter(pk=delivery.pk).exists()


def test_the_delivery_log_shows_one_time_and_the_payload_as_json_and_redelivers(
    admin_client, client, site_tree, receiver, django_capture_on_commit_callbacks, settings
):
    settings.TIME_ZONE = "Europe/Brussels"
    server = receiver()
    WebhookEndpoint.objects.create(name="Lyon school site", url=url_of(server), secret=SECRET)
    with django_capture_on_commit_callbacks(execute=True):
        factories.MemberPageFactory(parent=site_tree.members, title="Lyon school").save_revision().publish()
    delivery = WebhookDelivery.objects.get()
    base = "/admin/snippets/partners/webhookdelivery/"
    listing = admin_client.get(base).content.decode()
    inspect = admin_client.get(f"{base}inspect/{delivery.pk}/").content.decode()
    shown = timezone.localtime(delivery.created_at).strftime("%Y-%m-%d %H:%M:%S")
    assert shown in listing and shown in inspect, "the list and the detail show the same time"
    payload = re.search(r'<pre class="webhook-payload">(.*?)</pre>', inspect, re.S).group(1)
    assert json.loads(html.unescape(payload))["page"]["title"] == "Lyon school"
    assert "{&#x27;" not in inspect and "{'event'" not in inspect, "not a Python repr"
    assert "Redeliver" in inspect

    redeliver = f"/admin/partners/deliveries/{delivery.pk}/redeliver/"
    assert admin_client.get(redeliver).status_code == 405
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(redeliver)
    assert response.status_code == 302
    again = WebhookDelivery.objects.exclude(pk=delivery.pk).get()
    assert response["Location"].endswith(f"{base}inspect/{again.pk}/")
    assert again.payload == delivery.payload and again.status == WebhookDelivery.Status.SUCCEEDED
    assert len(server.received) == 2

    # Only those who manage the endpoints may resend.
    member = User.objects.create_user("reader", "reader@example.org", "reader-password-123", is_staff=True)
    client.force_login(member)
    assert client.post(redeliver).status_code in (302, 403)
    assert WebhookDelivery.objects.count() == 2
