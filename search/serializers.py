"""JSON for the Elasticsearch client that also writes django-countries' Country values (as their ISO code).

Wagtail's Elasticsearch mapping puts field values as they are into the document; a CountryField FilterField
yields a `Country` object, which the stock serializer rejects. Imported by settings: no Django imports here.
"""

from elastic_transport import JsonSerializer


class GuildJsonSerializer(JsonSerializer):
    def default(self, data):
        code = getattr(data, "code", None)
        if isinstance(code, str) and type(data).__name__ == "Country":
            return code
        return super().default(data)
