"""Language and Vary under /api/: a response depends on its address only, never on the browser's settings.

`APILanguageMiddleware` (after Django's LocaleMiddleware) makes the language of labels, country names and
vocabulary names the `locale` parameter's (`?locale=fr`), else the site's default; so nothing varies by
`Accept-Language`. `APIVaryMiddleware` (before SessionMiddleware and LocaleMiddleware, so it sees their
headers) then drops `Accept-Language` and `Cookie` from `Vary`: API answers are public and the same for
every visitor (previews are `private, no-store` anyway), and a shared cache keyed on them would only miss.
"""

from django.conf import settings
from django.utils import translation
from django.utils.cache import cc_delim_re

API_PREFIX = "/api/"
NOT_VARYING = {"accept-language", "cookie"}


def api_language(request):
    code = request.GET.get("locale", "")
    codes = {language for language, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    return code if code in codes else settings.LANGUAGE_CODE


class APILanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        with translation.override(api_language(request)):
            return self.get_response(request)


class APIVaryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(API_PREFIX) and response.has_header("Vary"):
            kept = [name for name in cc_delim_re.split(response["Vary"]) if name and name.lower() not in NOT_VARYING]
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
        return response
