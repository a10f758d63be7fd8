"""Content-Security-Policy and Permissions-Policy on every response (our own middleware: two headers need no
dependency).

The public site runs no inline script (JSON-LD and `json_script` blocks are data, which CSP does not block),
so `script-src 'self'`. Inline `style` attributes remain in a few templates (progress bars, the map height,
the off-screen honeypot), hence `style-src 'unsafe-inline'`. Wagtail's admin ships inline scripts and styles of
its own, and its preview shows pages with their embeds, so /admin/ gets a looser policy (still no plugins, no
framing by other sites). Override either with `GUILD_CSP` / `GUILD_ADMIN_CSP`.
"""

from django.conf import settings

PUBLIC_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; "
    "font-src 'self' data:; connect-src 'self'; frame-src 'self' https:; media-src 'self' https:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
)
ADMIN_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob: https:; font-src 'self' data:; connect-src 'self'; frame-src 'self' https:; "
    "media-src 'self' https:; object-src 'none'; base-uri 'self'; frame-ancestors 'self'"
)
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()"
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.public_csp = getattr(settings, "GUILD_CSP", "") or PUBLIC_CSP
        self.admin_csp = getattr(settings, "GUILD_ADMIN_CSP", "") or ADMIN_CSP

    def __call__(self, request):
        response = self.get_response(request)
        admin = request.path.startswith(("/admin/", "/django-admin/"))
        policy = self.admin_csp if admin else self.public_csp
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
