"""The one StreamField block set every page body uses.

Each block has an icon, a template and a preview value; blocks that hold an
image or a document answer the API with URLs instead of bare ids.
"""

from django.conf import settings
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from .site_address import absolute_links, absolute_url

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "link", "document-link", "ol", "ul", "hr"]


#: The widths every image comes in through the API, for a partner's `<img srcset>` (docs/api.md, "Images").
#: Widths, not crops: the original aspect ratio is kept; Wagtail never enlarges, so a small original stays small.
API_RENDITIONS = {"small": "width-400", "medium": "width-800", "large": "width-1600"}


RENDITION_SCHEMA = {
    "type": "object",
    "required": ["url", "width", "height"],
    "properties": {
        "url": {"type": "string", "format": "uri"},
        "width": {"type": "integer"},
        "height": {"type": "integer"},
    },
}
#: The JSON Schema of `image_representation()` (the OpenAPI document and the serializer fields use it).
IMAGE_SCHEMA = {
    "type": "object",
    "required": ["id", "title", "alt", "url", "width", "height", "renditions"],
    "properties": {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "alt": {"type": "string"},
        "url": {"type": "string", "format": "uri"},
        "width": {"type": "integer"},
        "height": {"type": "integer"},
        "renditions": {
            "type": "object",
            "required": list(API_RENDITIONS),
            "properties": dict.fromkeys(API_RENDITIONS, RENDITION_SCHEMA),
        },
    },
}
NULLABLE_STRING = {"type": ["string", "null"]}


def rendition_representation(rendition):
    return {"url": absolute_url(rendition.url), "width": rendition.width, "height": rendition.height}


def image_representation(image, spec="fill-1200x675"):
    """A JSON-friendly summary of an image: rendition URLs at the public address, sizes and alt text.

    `url`/`width`/`height` are the `spec` rendition (a card crop); `renditions` holds the uncropped widths of
    `API_RENDITIONS`, fetched in one query (none when the renditions were prefetched).
    """
    if image is None:
        return None
    renditions = image.get_renditions(spec, *API_RENDITIONS.values())
    rendition = renditions[spec]
    return {
        "id": image.pk,
        "title": image.title,
        "alt": getattr(image, "default_alt_text", "") or image.title,
        "url": absolute_url(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "renditions": {
            name: rendition_representation(renditions[filter_spec]) for name, filter_spec in API_RENDITIONS.items()
        },
    }


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3")), ("h4", _("Heading 4"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "home/blocks/heading_block.html"
        preview_value = {"text": "Why cities invest in apprenticeships", "level": "h2"}
        description = "A section heading"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "home/blocks/paragraph_block.html"
        preview_value = "<p>Cities, VET schools and companies work together on quality apprenticeships.</p>"

    def get_api_representation(self, value, context=None):
        # As HTML (WAGTAILAPI_RICH_TEXT_FORMAT), links to our pages and documents are site paths: a partner
        # shows them on its own domain, so they are made absolute at the public address.
        representation = super().get_api_representation(value, context)
        request = context and context.get("request")
        rich_text_format = request.GET.get("rich_text_format") if request else None
        if (rich_text_format or settings.WAGTAILAPI_RICH_TEXT_FORMAT) == "html":
            return absolute_links(representation)
        return representation


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        required=False,
        max_length=250,
        help_text=_("Describe the image for people who cannot see it; leave empty if purely decorative."),
    )
    caption = blocks.CharBlock(required=False, max_length=250)
    attribution = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "home/blocks/image_block.html"

    # The JSON Schema of get_api_representation (blocks that change their representation declare it).
    api_schema = {
        "type": "object",
        "required": ["image", "caption", "attribution"],
        "properties": {
            "image": {"oneOf": [IMAGE_SCHEMA, {"type": "null"}]},
            "caption": {"type": "string"},
            "attribution": {"type": "string"},
        },
    }

    def get_api_representation(self, value, context=None):
        image = image_representation(value.get("image"))
        if image and value.get("alt_text"):
            image["alt"] = value["alt_text"]
        return {
            "image": image,
            "caption": value.get("caption", ""),
            "attribution": value.get("attribution", ""),
        }


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "home/blocks/quote_block.html"
        preview_value = {
            "quote": "No fee is required to join the Network of Cities for Apprenticeship.",
            "attribution": "Cities4Apprenticeship",
        }


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(help_text=_("A YouTube, Vimeo or other oEmbed URL"))
    title = blocks.CharBlock(required=False, max_length=200)
    transcript = blocks.TextBlock(required=False, help_text=_("A transcript or summary for accessibility"))

    class Meta:
        icon = "media"
        template = "home/blocks/video_block.html"

    api_schema = {
        "type": "object",
        "required": ["url", "title", "transcript"],
        "properties": {
            "url": {"type": ["string", "null"], "format": "uri"},
            "title": {"type": "string"},
            "transcript": {"type": "string"},
        },
    }

    def get_api_representation(self, value, context=None):
        embed = value.get("video")
        return {
            "url": getattr(embed, "url", None),
            "title": value.get("title", ""),
            "transcript": value.get("transcript", ""),
        }


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    title = blocks.CharBlock(required=False, max_length=200, help_text=_("Defaults to the document's title"))
    description = blocks.TextBlock(required=False)

    class Meta:
        icon = "doc-full"
        template = "home/blocks/document_link_block.html"

    api_schema = {
        "type": "object",
        "required": ["id", "title", "url", "file_extension", "description"],
        "properties": {
            "id": {"type": ["integer", "null"]},
            "title": {"type": "string"},
            "url": {"type": ["string", "null"], "format": "uri"},
            "file_extension": NULLABLE_STRING,
            "description": {"type": "string"},
        },
    }

    def get_api_representation(self, value, context=None):
        document = value.get("document")
        return {
            "id": document.pk if document else None,
            "title": value.get("title") or (document.title if document else ""),
            "url": absolute_url(document.url) if document else None,
            "file_extension": document.file_extension if document else None,
            "description": value.get("description", ""),
        }


def validate_link(value):
    """An absolute http(s) URL, or a path on this site such as "/join/apply/" (not "//host", which leaves it)."""
    if value.startswith("/") and not value.startswith("//"):
        return
    URLValidator(schemes=["http", "https"])(value)


class LinkBlock(blocks.CharBlock):
    """A link target editors type: "https://..." or a path on this site ("/contact/")."""

    def __init__(self, **kwargs):
        super().__init__(max_length=500, validators=[validate_link], **kwargs)


def absolute_link(url):
    """Site paths made absolute for partner sites, which show our links on their own domains."""
    if url and url.startswith("/"):
        return absolute_url(url)
    return url


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200)
    text = blocks.TextBlock(required=False)
    button_label = blocks.CharBlock(max_length=60)
    page = blocks.PageChooserBlock(required=False)
    url = LinkBlock(required=False, help_text=_('Used when no page is chosen: "https://..." or "/contact/"'))

    class Meta:
        icon = "pick"
        template = "home/blocks/call_to_action_block.html"
        preview_value = {
            "title": "Join the network",
            "text": "No fee is required to join.",
            "button_label": "Apply now",
            "url": "https://example.org/join",
        }

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"url": blocks.ValidationError(_("Choose a page or enter a URL."))}
            )
        return value

    api_schema = {
        "type": "object",
        "required": ["title", "text", "button_label", "url"],
        "properties": {
            "title": {"type": "string"},
            "text": {"type": "string"},
            "button_label": {"type": "string"},
            "url": {"type": ["string", "null"], "format": "uri", "description": "Absolute, at the public address"},
        },
    }

    def get_api_representation(self, value, context=None):
        page = value.get("page")
        return {
            "title": value.get("title"),
            "text": value.get("text", ""),
            "button_label": value.get("button_label"),
            "url": page.full_url if page else absolute_link(value.get("url")),
        }


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(max_length=30, help_text=_('The number as shown, e.g. "300+" or "75%"'))
    label = blocks.CharBlock(max_length=120, help_text=_('What it counts, e.g. "students reached"'))


class KeyFiguresBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, max_length=200)
    figures = blocks.ListBlock(KeyFigureBlock(), min_num=1)

    class Meta:
        icon = "table"
        template = "home/blocks/key_figures_block.html"
        preview_value = {
            "title": "Reach",
            "figures": [
                {"value": "300+", "label": "students"},
                {"value": "150+", "label": "work-life representatives"},
            ],
        }


class BodyBlock(blocks.StreamBlock):
    """The body of every page: the one block set editors learn once."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    video = VideoBlock()
    document = DocumentLinkBlock()
    call_to_action = CallToActionBlock()
    key_figures = KeyFiguresBlock()


class LearningOutcomeUnitBlock(blocks.StructBlock):
    """A unit of learning outcomes as EQF describes them."""

    title = blocks.CharBlock(max_length=200)
    knowledge = blocks.TextBlock(required=False)
    skills = blocks.TextBlock(required=False)
    responsibility_and_autonomy = blocks.TextBlock(required=False)
    credits = blocks.DecimalBlock(required=False, min_value=0, max_digits=5, decimal_places=1)

    class Meta:
        icon = "list-ul"
        template = "home/blocks/learning_outcome_unit_block.html"
        preview_value = {
            "title": "Unit 1: Sustainable workplace practices",
            "knowledge": "Principles of energy efficiency",
            "skills": "Apply waste-reduction procedures",
            "responsibility_and_autonomy": "Takes responsibility for resource use in a team",
            "credits": "5",
        }


class ResourceBlock(blocks.StreamBlock):
    """Documents, videos and links that come with a good practice."""

    document = DocumentLinkBlock()
    video = VideoBlock()
    link = blocks.StructBlock(
        [
            ("title", blocks.CharBlock(max_length=200)),
            ("url", blocks.URLBlock()),
        ],
        icon="link",
        template="home/blocks/link_block.html",
    )
