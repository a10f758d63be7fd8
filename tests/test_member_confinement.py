"""Member A sees only its own work in the admin: explorer, admin search, page chooser, site history and the
document and image choosers never show member B's drafts, draft titles or files (docs/security.md)."""

import re

from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.urls import reverse

from wagtail.documents.models import Document
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection

import pytest
from wagtail_factories import ImageFactory

from network.choices import PledgeStatus
from network.models import MembershipApplication, ensure_network_review

from .factories import GoodPracticePageFactory


def accept(name, email, editor):
    application = MembershipApplication.objects.create(
        organisation_name=name,
        member_type="city",
        country="BE",
        city="Ghent",
        contact_name=f"{name} contact",
        email=email,
        pledge_status=PledgeStatus.NO,
        motivation="To share practices.",
        consent=True,
    )
    page = application.accept(by=editor)
    return page, User.objects.get(email=email)


@pytest.fixture
def network(site_tree):
    ensure_network_review()
    editor = User.objects.create_user("editor", "editor@guild.example", "editor-password-123")
    editor.groups.add(Group.objects.get(name="Editors"))
    _ghent, ghent_user = accept("City of Ghent", "apprenticeships@stad.gent", editor)
    lyon, lyon_user = accept("Lyon Metropole", "apprentissage@lyon.example", editor)
    draft = GoodPracticePageFactory(parent=site_tree.practices, title="Lyon secret draft", owner=lyon_user, live=False)
    draft.save_revision(user=lyon_user, log_action=True)
    renamed = GoodPracticePageFactory(parent=site_tree.practices, title="Lyon public desk", owner=lyon_user)
    renamed.save_revision(user=lyon_user).publish()
    renamed.title = "Lyon unannounced rename"
    renamed.save_revision(user=lyon_user, log_action=True)
    lyon.access_group.sync_page_permissions()
    Document.objects.create(
        title="Lyon budget sheet",
        file=ContentFile(b"budget", name="budget.txt"),
        uploaded_by_user=lyon_user,
        collection=lyon.access_group.collection,
    )
    Document.objects.create(
        title="Ghent flyer",
        file=ContentFile(b"flyer", name="flyer.txt"),
        uploaded_by_user=ghent_user,
        collection=_ghent.access_group.collection,
    )
    # Filed in each organisation's own collection, where the admin puts its uploads (the factory would make a
    # collection of its own otherwise).
    ImageFactory(
        title="Lyon skyline photo",
        file=get_test_image_file(),
        uploaded_by_user=lyon_user,
        collection=lyon.access_group.collection,
    )
    ImageFactory(
        title="Ghent belfry photo",
        file=get_test_image_file(),
        uploaded_by_user=ghent_user,
        collection=_ghent.access_group.collection,
    )
    return type(
        "Network",
        (),
        {"tree": site_tree, "editor": editor, "ghent_user": ghent_user, "lyon_user": lyon_user, "lyon": lyon},
    )


#: Member B's draft titles, its name and its contact's name (which Wagtail's "Owner" / "Edited by" / user
#: filters would list site-wide: network.confinement.confine_admin_user_filters).
LYON_SECRETS = [r"Lyon secret draft", r"Lyon unannounced rename", r"Lyon Metropole"]


def assert_no_lyon_secrets(response):
    html = response.content.decode()
    for secret in LYON_SECRETS:
        assert re.search(secret, html) is None, secret


@pytest.mark.parametrize(
    "url",
    [
        lambda net: reverse("wagtailadmin_explore", args=[net.tree.practices.pk]),
        lambda net: reverse("wagtailadmin_explore", args=[net.tree.members.pk]),
        lambda net: reverse("wagtailadmin_pages:search") + "?q=Lyon",
        lambda net: reverse("wagtailadmin_choose_page_child", args=[net.tree.practices.pk]),
        lambda net: reverse("wagtailadmin_choose_page") + "?q=Lyon",
    ],
    ids=["explorer-practices", "explorer-members", "admin-search", "chooser-browse", "chooser-search"],
)
def test_member_a_does_not_see_member_bs_drafts(client, network, url):
    client.force_login(network.ghent_user)
    response = client.get(url(network))
    assert response.status_code == 200
    assert_no_lyon_secrets(response)


def test_member_a_still_sees_its_own_draft_and_public_pages(client, network):
    client.force_login(network.ghent_user)
    members = client.get(reverse("wagtailadmin_explore", args=[network.tree.members.pk])).content.decode()
    assert "City of Ghent" in members
    practices = client.get(reverse("wagtailadmin_explore", args=[network.tree.practices.pk])).content.decode()
    assert "Lyon public desk" not in practices  # it has an unpublished rename: hidden with it


def test_the_user_filters_offer_a_member_only_its_own_organisations_accounts(client, network):
    client.force_login(network.ghent_user)
    for url in (
        reverse("wagtailadmin_explore", args=[network.tree.practices.pk]),
        reverse("wagtailadmin_reports:site_history"),
    ):
        html = client.get(url).content.decode()
        assert "Lyon Metropole contact" not in html, url
    # Editors still choose among everyone.
    client.force_login(network.editor)
    html = client.get(reverse("wagtailadmin_explore", args=[network.tree.practices.pk])).content.decode()
    assert "Lyon Metropole contact" in html


def test_the_site_history_report_shows_member_a_nothing_of_member_b(client, network):
    client.force_login(network.ghent_user)
    response = client.get(reverse("wagtailadmin_reports:site_history"))
    assert response.status_code in (200, 302, 403)
    assert_no_lyon_secrets(response)


def test_editors_still_see_everything(client, network):
    client.force_login(network.editor)
    html = client.get(reverse("wagtailadmin_explore", args=[network.tree.practices.pk])).content.decode()
    assert "Lyon secret draft" in html


@pytest.mark.parametrize(
    ("chooser", "mine", "theirs"),
    [
        ("wagtaildocs_chooser:choose", "Ghent flyer", "Lyon budget sheet"),
        ("wagtailimages_chooser:choose", "Ghent belfry photo", "Lyon skyline photo"),
    ],
)
def test_the_file_choosers_list_only_member_as_files(client, network, chooser, mine, theirs):
    client.force_login(network.ghent_user)
    response = client.get(reverse(chooser))
    assert response.status_code == 200
    html = response.content.decode()
    assert mine in html
    assert theirs not in html


def file_named(model, title):
    return model.objects.get(title=title)


@pytest.fixture
def downloads(settings):
    """Document downloads as a redirect to the file: the test storage keeps files in memory, where Wagtail's
    default (streaming the file from disk) finds nothing. The access check runs before either."""
    settings.WAGTAILDOCS_SERVE_METHOD = "redirect"
    return {"allowed": 302, "refused": 404}


def test_a_members_unpublished_document_downloads_only_for_its_organisation_and_editors(client, network, downloads):
    budget = file_named(Document, "Lyon budget sheet")
    url = budget.url
    assert client.get(url).status_code == downloads["refused"], "anonymous visitors"
    client.force_login(network.ghent_user)
    assert client.get(url).status_code == downloads["refused"], "another member"
    client.force_login(network.lyon_user)
    assert client.get(url).status_code == downloads["allowed"], "its own organisation"
    client.force_login(network.editor)
    assert client.get(url).status_code == downloads["allowed"], "the editors"


def test_member_files_become_public_when_a_live_page_uses_them(client, network, downloads):
    budget = file_named(Document, "Lyon budget sheet")
    skyline = file_named(ImageFactory._meta.model, "Lyon skyline photo")
    documents_api = lambda: {item["id"] for item in client.get("/api/v2/documents/").json()["items"]}  # noqa: E731
    images_api = lambda: {item["id"] for item in client.get("/api/v2/images/").json()["items"]}  # noqa: E731
    assert budget.pk not in documents_api() and skyline.pk not in images_api()

    practice = GoodPracticePageFactory(parent=network.tree.practices, title="Lyon budget practice")
    practice.challenge = f'<p>See <a linktype="document" id="{budget.pk}">the budget</a>.</p>'
    practice.image = skyline
    practice.save_revision().publish()
    assert budget.pk in documents_api() and skyline.pk in images_api()
    assert client.get(budget.url).status_code == downloads["allowed"]

    # Used only in a draft: still private.
    ghent_flyer = file_named(Document, "Ghent flyer")
    practice.challenge = f'<p><a linktype="document" id="{ghent_flyer.pk}">flyer</a></p>'
    practice.save_revision()
    assert ghent_flyer.pk not in documents_api()
    assert client.get(ghent_flyer.url).status_code == downloads["refused"]

    # Unpublished again: private again.
    practice.unpublish()
    assert budget.pk not in documents_api()
    assert client.get(budget.url).status_code == downloads["refused"]


def test_files_editors_upload_stay_public(client, network, downloads):
    handbook = Document.objects.create(
        title="Network handbook", file=ContentFile(b"handbook", name="handbook.txt"), uploaded_by_user=network.editor
    )
    assert handbook.pk in {item["id"] for item in client.get("/api/v2/documents/").json()["items"]}
    assert client.get(handbook.url).status_code == downloads["allowed"]


@pytest.mark.urls("tests.media_urls")
def test_a_members_unpublished_image_file_opens_only_for_its_organisation_and_editors(client, network, settings):
    skyline = file_named(ImageFactory._meta.model, "Lyon skyline photo")
    original = settings.MEDIA_URL + skyline.file.name
    rendition = skyline.get_rendition("fill-80x80").url
    for url in (original, rendition):
        client.logout()
        assert client.get(url).status_code == 404, f"anonymous visitors: {url}"
        client.force_login(network.ghent_user)
        assert client.get(url).status_code == 404, f"another member: {url}"
        client.force_login(network.lyon_user)
        mine = client.get(url)
        assert mine.status_code == 200, f"its own organisation: {url}"
        assert mine["Cache-Control"] == "private, no-store"  # never kept by a shared cache
        assert b"".join(mine.streaming_content)[:4] == b"\x89PNG"
        client.force_login(network.editor)
        assert client.get(url).status_code == 200, f"the editors: {url}"

    # Used on a live page: public, and cacheable.
    practice = GoodPracticePageFactory(parent=network.tree.practices, title="Lyon skyline practice")
    practice.image = skyline
    practice.save_revision().publish()
    client.logout()
    public = client.get(original)
    assert public.status_code == 200 and public["Cache-Control"].startswith("public")
    assert client.get(rendition).status_code == 200


@pytest.mark.urls("tests.media_urls")
def test_document_files_are_never_served_past_the_document_check(client, network, settings, downloads):
    budget = file_named(Document, "Lyon budget sheet")
    direct = client.get(settings.MEDIA_URL + budget.file.name)
    assert direct.status_code == 302 and direct["Location"] == budget.url  # Wagtail's view, which checks
    assert client.get(direct["Location"]).status_code == 404  # anonymous: refused there
    assert client.get(settings.MEDIA_URL + "documents/no-such-file.pdf").status_code == 404
    assert client.get(settings.MEDIA_URL + "original_images/no-such-file.png").status_code == 404
    assert client.get(settings.MEDIA_URL + "../config/settings/base.py").status_code == 400


@pytest.mark.urls("tests.media_urls")
def test_behind_nginx_django_decides_and_nginx_sends_the_file(client, network, settings):
    settings.GUILD_MEDIA_ACCEL_REDIRECT = "/protected-media/"
    ghent = file_named(ImageFactory._meta.model, "Ghent belfry photo")
    client.force_login(network.ghent_user)
    response = client.get(settings.MEDIA_URL + ghent.file.name)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == "/protected-media/" + ghent.file.name and response.content == b""
    client.logout()
    assert client.get(settings.MEDIA_URL + ghent.file.name).status_code == 404


def member_collection(user):
    return Collection.objects.get(member_access__group__user=user)


def test_each_member_organisation_has_its_own_collection_and_only_that_one(client, network):
    ghent, lyon = member_collection(network.ghent_user), member_collection(network.lyon_user)
    assert ghent != lyon and ghent.name == "City of Ghent" and lyon.name == "Lyon Metropole"
    assert ghent.get_parent().name == "Member files" == lyon.get_parent().name
    # The shared Members group no longer has any collection of its own (it had the root one).
    assert not Group.objects.get(name="Members").collection_permissions.exists()

    client.force_login(network.ghent_user)
    form = client.get(reverse("wagtaildocs:add"))
    assert form.status_code == 200
    # Its own collection is the only place an upload can go, whatever the form claims.
    assert 'name="collection"' not in form.content.decode()  # one collection: Wagtail offers no choice
    uploaded = client.post(
        reverse("wagtaildocs:add"),
        {"title": "Ghent plan", "file": ContentFile(b"plan", name="plan.txt"), "collection": lyon.pk},
    )
    assert uploaded.status_code == 302
    plan = Document.objects.get(title="Ghent plan")
    assert plan.collection == ghent
    assert not Document.objects.filter(collection=lyon).exclude(title="Lyon budget sheet").exists()
    # Private like any unpublished member file, and listed in its own organisation's chooser only.
    assert plan.pk not in {item["id"] for item in client.get("/api/v2/documents/").json()["items"]}
    assert "Ghent plan" in client.get(reverse("wagtaildocs_chooser:choose")).content.decode()
    client.force_login(network.lyon_user)
    assert "Ghent plan" not in client.get(reverse("wagtaildocs_chooser:choose")).content.decode()


def test_setting_up_again_files_earlier_uploads_in_the_organisations_collection(network):
    # Uploaded into the root collection, as members did before organisations had collections.
    old = ImageFactory(
        title="Lyon old photo",
        file=get_test_image_file(),
        uploaded_by_user=network.lyon_user,
        collection=Collection.get_first_root_node(),
    )
    ensure_network_review()
    ensure_network_review()  # idempotent
    old.refresh_from_db()
    assert old.collection == member_collection(network.lyon_user)
    assert Collection.objects.filter(name="Member files").count() == 1
    assert Collection.objects.filter(name="Lyon Metropole").count() == 1
