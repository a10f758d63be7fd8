"""Uploaded files served by Django (`make run`, or `GUILD_SERVE_MEDIA=1`), with members' private files kept private.

A member's image that no live page uses yet is private to its organisation and the editors
(`network.confinement`): the admin and the API already keep it unlisted, and this view makes its URL refuse too,
for the original (`original_images/...`) and every rendition (`images/...`). Document files are never handed out
from `/media/documents/`: that path redirects to Wagtail's document view, which runs the `before_serve_document`
check (and counts the download). Anything else under MEDIA_ROOT is served as it is.

Files are read through the default storage (the file system here, memory in the tests, any storage in
production). With `GUILD_MEDIA_ACCEL_REDIRECT` set (e.g. `/protected-media/`), Django only decides and nginx
sends the file (`X-Accel-Redirect`), so a production server keeps its file serving fast and the check holds;
docs/security.md shows the nginx lines.
"""

import mimetypes
import posixpath

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse, HttpResponseNotModified, HttpResponseRedirect
from django.utils.http import http_date
from django.views.static import was_modified_since

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from .confinement import is_private_member_file, may_see_private_file

IMAGE_PREFIXES = ("original_images/", "images/")


def image_for(path):
    """The Wagtail image a media path belongs to (its original or one of its renditions), or None."""
    Image = get_image_model()
    if path.startswith("original_images/"):
        return Image.objects.filter(file=path).first()
    rendition = Image.get_rendition_model().objects.filter(file=path).select_related("image").first()
    return rendition.image if rendition is not None else None


def serve_media(request, path):
    """One uploaded file, unless it is a member's private image and the visitor may not see it (404, as for a
    file that does not exist, so a private file's existence is not confirmed)."""
    path = posixpath.normpath(path).lstrip("/")
    if path.startswith("..") or path in ("", "."):
        raise SuspiciousFileOperation(f"{path!r} is outside the media folder")
    if path.startswith("documents/"):
        document = get_document_model().objects.filter(file=path).first()
        if document is None:
            raise Http404
        return HttpResponseRedirect(document.url)
    image = image_for(path) if path.startswith(IMAGE_PREFIXES) else None
    private = image is not None and is_private_member_file(image)
    if private and not may_see_private_file(request.user, image):
        raise Http404
    if not default_storage.exists(path):
        raise Http404
    try:
        modified = default_storage.get_modified_time(path)
    except (NotImplementedError, OSError):  # a storage that keeps no times (or a file gone since): no 304s
        modified = None
    response = file_response(request, path, modified)
    # A private file must never sit in a shared cache (a CDN, a proxy) for the next visitor.
    response["Cache-Control"] = "private, no-store" if private else "public, max-age=3600"
    return response


def file_response(request, path, modified):
    if modified is not None and not was_modified_since(
        request.headers.get("If-Modified-Since"), int(modified.timestamp())
    ):
        return HttpResponseNotModified()
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    accel = getattr(settings, "GUILD_MEDIA_ACCEL_REDIRECT", "")
    if accel:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = accel.rstrip("/") + "/" + path
    else:
        response = FileResponse(default_storage.open(path, "rb"), content_type=content_type)
    if modified is not None:
        response["Last-Modified"] = http_date(modified.timestamp())
    return response
