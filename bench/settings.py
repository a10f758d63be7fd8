"""Settings of the speed benchmark only (bench/speed.py): production settings, a bench URLconf, no API limit.

Never used by the site itself. The bench URLconf adds one constant 20 KB response next to the site's URLs;
a cache key prefix per server start keeps two bench runs (on different databases) from sharing entries.
"""

import os

from config.settings.base import env_bool
from config.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
API_RATE_LIMIT = ""  # the load tool sends thousands of requests a second from one address
for _alias, _cache in CACHES.items():  # noqa: F405
    _cache["KEY_PREFIX"] = os.environ.get("BENCH_CACHE_PREFIX", "bench")
# The page cache is measured whether or not a Redis URL is given (production turns it on only with Redis):
# without one each worker keeps its own copies, which changes nothing while nobody publishes.
GUILD_PAGE_CACHE = env_bool("GUILD_PAGE_CACHE", True)
