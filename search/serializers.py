"""JSON for the Elasticsearch and OpenSearch clients that also writes django-countries' Country values (as codes).

Wagtail's Elasticsearch mapping puts field values as they are into the document; a CountryField FilterField
yields a `Country` object, which the stock serializers reject ("Unable to serialize Country(code='BE')").
Every backend gets one: the elasticsearch client (elastic_transport) and opensearch-py have their own
serializer classes. Imported by settings: no Django imports here.
"""

from elastic_transport import JsonSerializer


def country_code(data):
    """The ISO code of a django-countries Country, or None for anything else."""
    code = getattr(data, "code", None)
    if isinstance(code, str) and type(data).__name__ == "Country":
        return code
    return None


class GuildJsonSerializer(JsonSerializer):
    def default(self, data):
        code = country_code(data)
        return code if code is not None else super().default(data)


def opensearch_serializer():
    """The same for opensearch-py, an optional dependency (requirements-opensearch*.txt): imported only when used."""
    from opensearchpy.serializer import JSONSerializer

    class GuildOpenSearchJsonSerializer(JSONSerializer):
        def default(self, data):
            code = country_code(data)
            return code if code is not None else super().default(data)

    return GuildOpenSearchJsonSerializer()
