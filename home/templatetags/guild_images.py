"""`{% responsive_image image "card" %}`: every picture on the site, through one tag.

A role names where a picture appears (hero, card, logo, body image) and fixes, once for the whole site, the
crops and widths it is rendered at (Wagtail renditions), the `sizes` the browser chooses among them with, and
the formats offered (AVIF, then WebP, then JPEG or PNG for browsers that take neither, see `GUILD_IMAGE_FORMATS`;
Willow and Pillow encode all of them here). The result is Wagtail's `<picture>`: one `<source>` per modern
format and an `<img>` with `srcset`, `sizes`, `width` and `height` (so the layout never shifts) and `alt`.

`fill-...-c100` crops keep the image's focal point (set in the admin) inside the crop. Without an image the
tag renders nothing, or, with `placeholder=True`, a drawn placeholder of the same shape (a card without a
picture looks designed rather than broken).
"""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.utils.html import format_html

from wagtail.images.models import Picture

from home.site_address import absolute_url

register = template.Library()


@dataclass(frozen=True)
class ImageRole:
    """Where a picture appears: its rendition operations (smallest first), `sizes` and fallback format.

    The modern formats offered before the fallback come from `GUILD_IMAGE_FORMATS` (AVIF and WebP by
    default: AVIF is the smallest but slow to encode, so a site on a small machine may keep WebP only).
    Logos fall back to PNG to keep their transparency, pictures to JPEG.
    """

    resizes: tuple
    sizes: str
    fallback: str = "jpeg"

    def filter_specs(self):
        formats = [fmt for fmt in settings.GUILD_IMAGE_FORMATS if fmt != self.fallback] + [self.fallback]
        return [f"{resize}|format-{fmt}" for fmt in formats for resize in self.resizes]


IMAGE_ROLES = {
    # Full-width band at the top of the home, index and detail pages (8:3).
    "hero": ImageRole(("fill-800x300-c100", "fill-1200x450-c100", "fill-1600x600-c100"), "100vw"),
    # Card in a listing grid (16:9): one column on phones, two from 40em, three from 64em.
    "card": ImageRole(
        ("fill-400x225-c100", "fill-640x360-c100", "fill-800x450-c100"),
        "(min-width: 64em) 22rem, (min-width: 40em) 45vw, 100vw",
    ),
    # A member's logo on its card and in lists; larger in the member page's header.
    "logo": ImageRole(("max-96x96", "max-192x192"), "96px", "png"),
    "logo_large": ImageRole(("max-240x120", "max-480x240"), "240px", "png"),
    # An image block in a page's body, never wider than the text column.
    "body": ImageRole(("width-480", "width-800", "width-1200"), "(min-width: 52em) 48rem, 100vw"),
}

# A drawn box of the role's shape where a page has no picture (decorative: hidden from screen readers).
PLACEHOLDER_HTML = '<span class="image-placeholder image-placeholder--{}" aria-hidden="true"></span>'

# The link-preview image (og:image): one JPEG at the 1.91:1 ratio the platforms crop to.
SOCIAL_IMAGE_SPEC = "fill-1200x630-c100|format-jpeg"


def prerender(image, *roles, social=False):
    """Create the renditions `roles` (and the link preview) need now, so no visitor waits for an AVIF encode."""
    specs = [spec for role in roles for spec in IMAGE_ROLES[role].filter_specs()]
    image.get_renditions(*specs, *([SOCIAL_IMAGE_SPEC] if social else []))


def responsive_picture(image, role, *, alt=None, css_class="", loading="lazy", fetchpriority=""):
    """The `<picture>` of `image` in `role` (see IMAGE_ROLES); `alt` defaults to the image's description."""
    role = IMAGE_ROLES[role]
    renditions = image.get_renditions(*role.filter_specs())
    attrs = {
        "alt": image.default_alt_text if alt is None else alt,
        "sizes": role.sizes,
        "loading": loading,
        "decoding": "async",
    }
    if css_class:
        attrs["class"] = css_class
    if fetchpriority:
        attrs["fetchpriority"] = fetchpriority
    return Picture(renditions, attrs)


@register.simple_tag
def responsive_image(image, role, alt=None, css_class="", loading="lazy", fetchpriority="", placeholder=False):
    """Render `image` for `role`; nothing (or a placeholder) without an image. See the module docstring."""
    if not image:  # None, or "" when a template names a field the item lacks
        if placeholder:
            return format_html(
                '<span class="image-placeholder image-placeholder--{}" aria-hidden="true"></span>', role
            )
        return ""
    return responsive_picture(image, role, alt=alt, css_class=css_class, loading=loading, fetchpriority=fetchpriority)


def social_image(image):
    """`{"url", "width", "height", "alt"}` of the link-preview rendition of `image`, with an absolute URL."""
    rendition = image.get_rendition(SOCIAL_IMAGE_SPEC)
    return {
        "url": absolute_url(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": image.default_alt_text,
    }
