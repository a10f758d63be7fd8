"""The contract with partner sites: clients generated from the OpenAPI document work against the server.

Two generators partners use: openapi-python-client (a Python package whose models parse every response) and
openapi-typescript (types that `tsc --strict` checks every real response against, as object literals, so a
field the document does not declare, a missing required field or a wrong type fails the compile). Both run
on the document `/api/v2/schema/` serves, against responses from every endpoint.
"""

import importlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

import httpx
import pytest

from partners.preview import make_preview_token

from .api_content import network_fixture  # noqa: F401  (fixture)

NODE_BIN = Path(settings.BASE_DIR) / "node_modules" / ".bin"
PAGE_TYPES = [
    "network.MemberPage",
    "network.ProjectPage",
    "network.EventPage",
    "network.NewsPage",
    "network.CampaignPage",
    "practices.GoodPracticePage",
    "practices.JointQualificationPage",
    "home.StandardPage",
]


def openapi_document():
    from api.openapi import build_document

    return json.loads(json.dumps(build_document()))


@pytest.fixture(scope="module")
def document_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("openapi") / "openapi.json"
    path.write_text(json.dumps(openapi_document()))
    return path


def with_media(network):
    image = Image.objects.create(title="Solar roof", file=get_test_image_file(), description="Panels on a roof")
    document = Document.objects.create(title="Annual report", file=ContentFile(b"report", name="report.pdf"))
    page = network.standard
    page.image = image
    page.body = [
        ("paragraph", f'<p>See <a linktype="document" id="{document.pk}">the report</a>.</p>'),
        ("image", {"image": image, "alt_text": "", "caption": "Roof", "attribution": ""}),
        ("document", {"document": document, "title": "", "description": ""}),
    ]
    page.save_revision().publish()
    return image, document


def endpoint_calls(network, image, document):
    """(name, path, query) for every endpoint of the document, with the content the network fixture has."""
    calls = [(f"list {kind}", "/api/v2/pages/", {"type": kind, "fields": "*"}) for kind in PAGE_TYPES]
    calls += [
        ("list all", "/api/v2/pages/", {}),
        ("list with filters", "/api/v2/pages/", {"type": "network.MemberPage", "country": "BE", "order": "title"}),
        ("list with search", "/api/v2/pages/", {"type": "practices.GoodPracticePage", "search": "solar"}),
    ]
    for page in [network.ghent, network.project, network.event, network.practice, network.standard]:
        calls.append((f"detail {page.pk}", f"/api/v2/pages/{page.pk}/", {}))
    calls += [
        ("find", "/api/v2/pages/find/", {"html_path": network.ghent.url}),
        ("preview", "/api/v2/pages/preview/", {"token": make_preview_token(network.practice)}),
        ("images", "/api/v2/images/", {}),
        ("image", f"/api/v2/images/{image.pk}/", {}),
        ("documents", "/api/v2/documents/", {}),
        ("document", f"/api/v2/documents/{document.pk}/", {}),
        ("search", "/api/v2/search/", {"q": "solar"}),
        ("search with facets", "/api/v2/search/", {"q": "solar", "country": "BE"}),
        ("suggest", "/api/v2/search/suggest/", {"q": "sol"}),
    ]
    return calls


# --- openapi-python-client --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def python_client_package(document_file, tmp_path_factory):
    out = tmp_path_factory.mktemp("python-client")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = subprocess.run(  # noqa: S603 (our own tool, our own file)
        [
            str(Path(sys.executable).parent / "openapi-python-client"),
            "generate",
            "--path",
            str(document_file),
            "--meta",
            "none",
            "--output-path",
            str(out / "guild_client"),
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # Every schema became a model and every operation a function: the generator drops what it cannot read.
    assert "Warning" not in result.stdout and "Unable" not in result.stdout, result.stdout
    sys.path.insert(0, str(out))
    try:
        yield importlib.import_module("guild_client")
    finally:
        sys.path.remove(str(out))
        for name in [name for name in sys.modules if name.startswith("guild_client")]:
            del sys.modules[name]


def test_a_generated_python_client_reads_every_endpoint(python_client_package, network):
    image, document = with_media(network)
    client = python_client_package.Client(base_url="http://testserver", raise_on_unexpected_status=True)
    # The WSGI app in this thread: the test's database transaction, no server to start.
    client.set_httpx_client(
        httpx.Client(transport=httpx.WSGITransport(app=get_wsgi_application()), base_url="http://testserver")
    )
    # As Django's test client does: a request's start and end must not close the test's connection (on
    # PostgreSQL that ends its transaction).
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        check_every_endpoint(client, network, image, document)
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)


def check_every_endpoint(client, network, image, document):
    operations = [
        "list_pages",
        "get_page",
        "find_page",
        "preview_page",
        "list_images",
        "get_image",
        "list_documents",
        "get_document",
        "search",
        "suggest",
    ]
    modules = {name: importlib.import_module(f"guild_client.api.default.{name}") for name in operations}

    seen_types = set()
    for kind in PAGE_TYPES:
        listing = modules["list_pages"].sync_detailed(client=client, type_=kind, fields="*")
        assert listing.status_code == 200, kind
        items = listing.parsed.items
        assert items, f"the network fixture has a {kind}"
        for item in items:
            # The discriminator chose the model of the item's own type.
            assert type(item).__name__ == "".join(part[:1].upper() + part[1:] for part in kind.split("."))
            assert item.type_ == kind
            seen_types.add(kind)
            detail = modules["get_page"].sync_detailed(client=client, id=item.id)
            assert detail.status_code == 200
            assert type(detail.parsed).__name__ == type(item).__name__
            assert detail.parsed.id == item.id
    assert seen_types == set(PAGE_TYPES)

    everything = modules["list_pages"].sync_detailed(client=client, limit=50)
    assert everything.parsed.meta.total_count >= len(PAGE_TYPES)
    found = modules["find_page"].sync_detailed(client=client, html_path=network.ghent.url)
    assert found.parsed.id == network.ghent.pk
    preview = modules["preview_page"].sync_detailed(client=client, token=make_preview_token(network.practice))
    assert preview.status_code == 200 and preview.parsed.id == network.practice.pk
    images = modules["list_images"].sync_detailed(client=client).parsed
    assert image.pk in [item.id for item in images.items]
    one_image = modules["get_image"].sync_detailed(client=client, id=image.pk).parsed
    assert one_image.alt == "Panels on a roof"
    assert one_image.renditions.small.url.startswith("http://testserver/")
    documents = modules["list_documents"].sync_detailed(client=client).parsed
    assert document.pk in [item.id for item in documents.items]
    assert modules["get_document"].sync_detailed(client=client, id=document.pk).parsed.title == "Annual report"
    results = modules["search"].sync_detailed(client=client, q="solar").parsed
    assert results.total >= 1 and results.hits[0].title
    assert modules["suggest"].sync_detailed(client=client, q="sol").status_code == 200

    # Errors parse as the document's Error.
    missing = modules["get_page"].sync_detailed(client=client, id=999_999)
    assert missing.status_code == 404
    assert type(missing.parsed).__name__ == "Error" and missing.parsed.message


# --- openapi-typescript + tsc --strict ---------------------------------------------------------------------


def typescript_tools():
    tools = NODE_BIN / "openapi-typescript", NODE_BIN / "tsc"
    if not all(tool.exists() for tool in tools) or shutil.which("node") is None:
        if os.environ.get("CI"):
            pytest.fail("node_modules is missing openapi-typescript or tsc: CI must run the TypeScript check")
        pytest.skip("openapi-typescript and tsc are not installed (`make npm`); CI fails instead of skipping")
    return tools


def typescript_check(workdir, document_file, responses):
    """Writes the generated types and one typed constant per response, and runs `tsc --strict`."""
    generate, tsc = typescript_tools()
    result = subprocess.run(  # noqa: S603
        [str(generate), str(document_file), "--output", str(workdir / "guild-api.d.ts")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = ['import type { paths } from "./guild-api";', ""]
    for number, (operation, status, body) in enumerate(responses):
        lines.append(
            f'export const response{number}: paths["{operation}"]["get"]["responses"][{status}]'
            f'["content"]["application/json"] = {json.dumps(body)};'
        )
    (workdir / "responses.ts").write_text("\n".join(lines) + "\n")
    (workdir / "tsconfig.json").write_text(
        json.dumps(
            {
                "compilerOptions": {
                    "strict": True,
                    "noEmit": True,
                    "target": "es2022",
                    "module": "esnext",
                    "moduleResolution": "bundler",
                    "skipLibCheck": False,
                },
                "files": ["responses.ts"],
            }
        )
    )
    return subprocess.run([str(tsc), "-p", str(workdir)], capture_output=True, text=True, check=False)  # noqa: S603


def operation_path(path):
    """The document's path template an actual request path answers to."""
    parts = path.strip("/").split("/")
    if len(parts) == 4 and parts[3].isdigit():
        return f"/{'/'.join(parts[:3])}/{{id}}/"
    return path


def test_typescript_types_generated_from_the_document_accept_every_real_response(
    client, network, document_file, tmp_path
):
    image, document = with_media(network)
    responses = []
    for name, path, query in endpoint_calls(network, image, document):
        response = client.get(path, query)
        assert response.status_code == 200, (name, response.content[:300])
        responses.append((operation_path(path), 200, response.json()))
    not_found = client.get("/api/v2/pages/999999/")
    responses.append(("/api/v2/pages/{id}/", 404, not_found.json()))
    bad_filter = client.get("/api/v2/pages/", {"type": "network.MemberPage", "country": "Narnia"})
    assert bad_filter.status_code == 400
    responses.append(("/api/v2/pages/", 400, bad_filter.json()))

    result = typescript_check(tmp_path, document_file, responses)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def test_the_typescript_check_fails_on_a_response_the_document_does_not_describe(network, document_file, tmp_path):
    # The check has teeth: a count as a string, an undeclared field and a page without its type all fail.
    wrong = [
        ("/api/v2/pages/", 200, {"meta": {"total_count": "3"}, "items": []}),
        ("/api/v2/search/suggest/", 200, {"suggestions": [], "unexpected": True}),
        ("/api/v2/pages/{id}/", 200, {"id": 1, "meta": {}}),
    ]
    result = typescript_check(tmp_path, document_file, wrong)
    assert result.returncode != 0
    assert result.stdout.count("error TS") >= 3, result.stdout
