"""Open data: every listing and the search results as CSV and JSON, and the catalogue of those datasets.

What a row holds is declared on each page class (`open_data_fields`, next to `api_listing_fields`): public
fields only. Never a contact address, a contact person or a supporter's address: the declarations leave them
out, and tests/test_open_data.py checks the downloads against the personal data the test content holds.

Downloads stream (`StreamingHttpResponse`): the rows are read in chunks of `CHUNK_SIZE` with the page type's
joins (`page_types.optimise_queryset`), so a listing of any length costs a fixed number of queries per chunk
and never sits whole in memory. See docs/open-data.md.
"""

import csv
import datetime
import decimal
import json

from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .localization import one_per_translation
from .page_types import optimise_queryset, page_types
from .site_address import absolute_url

#: Rows read (and prefetched) per database round trip.
CHUNK_SIZE = 500
#: The licence every dataset is published under (the catalogue says so too).
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
LICENCE_NAME = "CC BY 4.0"
FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json; charset=utf-8",
}
#: Columns every row starts with.
COMMON_FIELDS = ("id", "title", "url", "language", "summary")
#: Columns every tagged page ends with.
TAG_FIELDS = ("skills", "topics")


def open_data_columns(model):
    """The columns of a page type's dataset: the common ones, its own declaration, then skills and topics."""
    own = tuple(getattr(model, "open_data_fields", ()))
    return COMMON_FIELDS + own + TAG_FIELDS


def plain(value):
    """A cell's value as JSON-ready data: codes for countries, ISO dates, titles for pages."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if type(value).__name__ == "Country":
        return value.code or None
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if hasattr(value, "display_name"):  # a member page
        return value.display_name
    if hasattr(value, "title"):  # any other page
        return value.title
    return str(value)


def page_row(page, columns, request=None):
    """One page as {column: value}: model methods `open_data_<column>` win over attributes of that name."""
    row = {}
    for column in columns:
        if column == "url":
            value = page.get_full_url(request)
        elif column == "language":
            value = page.locale.language_code
        elif column in TAG_FIELDS:
            value = [tag.name for tag in getattr(page, column).all()]
        elif hasattr(page, f"open_data_{column}"):
            value = getattr(page, f"open_data_{column}")()
        else:
            value = getattr(page, column, None)
            if callable(value):
                value = value()
        row[column] = plain(value)
    return row


def listing_rows(queryset, request=None):
    """(columns, rows) of a page listing, in the listing's order, read in chunks with the type's joins."""
    columns = open_data_columns(queryset.model)
    queryset = optimise_queryset(queryset.select_related("locale"))
    rows = (page_row(page, columns, request) for page in queryset.iterator(chunk_size=CHUNK_SIZE))
    return columns, rows


def csv_cell(value):
    """A list as "a; b", and formula-looking text kept text (the same rule as the admin exports)."""
    if isinstance(value, list):
        value = "; ".join(str(item) for item in value)
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(("=", "+", "-", "@", "\t", "\r")) else text


class _Echo:
    def write(self, value):
        return value


def csv_lines(columns, rows):
    writer = csv.writer(_Echo())
    yield writer.writerow(columns)
    for row in rows:
        yield writer.writerow([csv_cell(row[column]) for column in columns])


def json_chunks(metadata, rows):
    """`{...metadata, "items": [...]}` written item by item."""
    head = json.dumps(metadata, ensure_ascii=False)
    yield head[:-1] + (', "items": [' if metadata else '"items": [')
    for number, row in enumerate(rows):
        yield ("," if number else "") + "\n" + json.dumps(row, ensure_ascii=False)
    yield "\n]}\n"


def download_response(fmt, name, columns, rows, metadata=None):
    """A streamed download of `rows` as `fmt` ("csv" or "json"), named after the dataset."""
    if fmt == "csv":
        content = csv_lines(columns, rows)
    else:
        content = json_chunks({**(metadata or {}), "columns": list(columns), "licence": LICENCE_URL}, rows)
    response = StreamingHttpResponse(content, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{slugify(name) or "data"}.{fmt}"'
    response["Access-Control-Allow-Origin"] = "*"  # open data: any site may read it
    return response


#: EU Publications Office file-type authority (what DCAT-AP expects in `dct:format`).
FILE_TYPES = {
    "csv": "http://publications.europa.eu/resource/authority/file-type/CSV",
    "json": "http://publications.europa.eu/resource/authority/file-type/JSON",
}


def listing_index_pages():
    """One live index page per listing type (in the visitor's language where translated), in registry order."""
    pages = []
    for model in page_types():
        if getattr(model, "listing_model", None):  # a ListingIndexMixin page
            page = one_per_translation(model.objects.live().public()).order_by("path").first()
            if page is not None:
                pages.append(page)
    return pages


def datasets(request=None):
    """The datasets the site publishes: each listing, then the search results."""
    found = []
    for page in listing_index_pages():
        url = page.get_full_url(request)
        found.append(
            {
                "id": f"{url}#dataset",
                "title": page.title,
                "description": page.intro
                or _("Every %(things)s the network publishes, with the filters of the listing page.")
                % {"things": page.get_listing_model()._meta.verbose_name_plural},
                "landing_page": url,
                "columns": list(open_data_columns(page.get_listing_model())),
                "downloads": {fmt: f"{url}download.{fmt}" for fmt in FORMATS},
                "modified": plain(page.last_published_at),
            }
        )
    search_url = absolute_url(reverse("search"))
    found.append(
        {
            "id": f"{search_url}#dataset",
            "title": _("Search results"),
            "description": _("The results of any search on the site, with its words and filters."),
            "landing_page": search_url,
            "columns": list(SEARCH_COLUMNS),
            "downloads": {fmt: f"{search_url}download.{fmt}" for fmt in FORMATS},
            "modified": None,
        }
    )
    return found


def catalogue_jsonld(name, catalogue_url, language, request=None):
    """The DCAT-AP catalogue of `datasets()` as JSON-LD."""
    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
        },
        "@id": catalogue_url,
        "@type": "dcat:Catalog",
        "dct:title": name,
        "dct:language": {"@id": f"http://publications.europa.eu/resource/authority/language/{LANGUAGES[language]}"},
        "dct:publisher": {"@type": "foaf:Agent", "foaf:name": name},
        "dct:license": {"@id": LICENCE_URL},
        "dcat:dataset": [
            {
                "@id": dataset["id"],
                "@type": "dcat:Dataset",
                "dct:title": dataset["title"],
                "dct:description": dataset["description"],
                "dcat:landingPage": {"@id": dataset["landing_page"]},
                "dct:license": {"@id": LICENCE_URL},
                **({"dct:modified": dataset["modified"]} if dataset["modified"] else {}),
                "dcat:distribution": [
                    {
                        "@type": "dcat:Distribution",
                        "dcat:accessURL": {"@id": dataset["landing_page"]},
                        "dcat:downloadURL": {"@id": url},
                        "dct:format": {"@id": FILE_TYPES[fmt]},
                        "dcat:mediaType": FORMATS[fmt].split(";")[0],
                        "dct:license": {"@id": LICENCE_URL},
                    }
                    for fmt, url in dataset["downloads"].items()
                ],
            }
            for dataset in datasets(request)
        ],
    }


#: ISO 639-1 to the EU language authority's codes, for the six interface languages.
LANGUAGES = {"en": "ENG", "fr": "FRA", "de": "DEU", "es": "SPA", "it": "ITA", "pl": "POL", "nl": "NLD"}
#: Columns of the search results download.
SEARCH_COLUMNS = ("id", "type", "title", "url", "language", "summary", "date")
