"""The site's public address: the one setting every absolute URL is built from."""

import re
from urllib.parse import urljoin, urlsplit

from django.conf import settings


def public_base_url():
    """The public address, without a trailing slash, e.g. ``https://guild.example.org``."""
    return settings.GUILD_PUBLIC_URL.rstrip("/")


def absolute_url(path_or_url):
    """``path_or_url`` made absolute against the public address; absolute URLs pass unchanged."""
    if not path_or_url:
        return public_base_url() + "/"
    if urlsplit(path_or_url).scheme:
        return path_or_url
    return urljoin(public_base_url() + "/", path_or_url)


def public_hostname():
    """The host name of the public address (``guild.example.org``), e.g. for iCalendar UIDs."""
    return urlsplit(public_base_url()).hostname or "guild"


def page_full_url(page, request=None):
    """A page's absolute URL at the public address, whether ``page`` is specific or a plain ``Page``.

    Guild's page types build their full URLs from the public address themselves
    (``home.models.mixins.PublicAddressMixin``); a plain ``Page`` (a translation looked up generically, a
    menu entry) would still use the Site record's hostname and port, so its relative URL is made absolute here.
    """
    return absolute_url(page.get_url(request))


# `href="/..."` and `src="/..."` (not `//host/...`, which already names its host).
SITE_PATH_ATTRIBUTE = re.compile(r'(\s(?:href|src)=")(/(?!/)[^"]*)"')


def absolute_links(html):
    """HTML whose site-relative links and sources (`href="/members/..."`) point at the public address."""
    if not html:
        return html
    return SITE_PATH_ATTRIBUTE.sub(lambda match: f'{match.group(1)}{absolute_url(match.group(2))}"', html)
