"""One outlet, one name: «Hespress» (a page's site name) and «هسبريس» (a .txt masthead) are
the same outlet, and the coverage must not list, compare or credit them as two.

Two names are one outlet when they share a key: the name spelled the same way (hamza seats,
ta marbuta, case, dots and spaces aside: «الجزيرة.نت» / «الجزيرة نت»; the web suffix «نت» /
«.net» after it: «الجزيرة نت» / «الجزيرة»), a row of `outlet_names.SAME_OUTLET` (an
outlet's Latin and Arabic mastheads), the agency it is («Reuters» / «رويترز»), or the site
its articles come from (their URLs' domain: «Al Jazeera» with aljazeera.net is «الجزيرة»
with aljazeera.net; a Latin name is its domain's: «Sky News Arabia», skynewsarabia.com).
Names that only share a word are different outlets: «العربي» / «العربية» / «العربي
الجديد», «الشرق» / «الشرق الأوسط», «الشروق» / «الشروق أونلاين»; so are a name and the same
with a kind word before it: «صحيفة الوطن» (Saudi Arabia) is not «الوطن» (Egypt) unless
their articles share a site. Two names whose articles come from two sites are two outlets.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from .agencies import agency_named
from .outlet_names import SAME_OUTLET

__all__ = ["one_name_per_outlet", "outlet_keys"]

_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي",
                       "\u0640": None})
_WEB_SUFFIX = re.compile(r"\s+(?:نت|net|com)$")
# Hosts many outlets share, and addresses that name no site: never an outlet's identity
_SHARED_HOSTS = frozenset((
    "t.me", "telegram.me", "facebook.com", "fb.com", "x.com", "twitter.com", "youtube.com",
    "youtu.be", "instagram.com", "tiktok.com", "news.google.com", "google.com", "msn.com",
    "yahoo.com", "localhost", "medium.com", "substack.com", "blogspot.com", "wordpress.com",
    "feedburner.com", "feeds.feedburner.com", "archive.org", "web.archive.org"))
_HOST_LABELS_SKIPPED = frozenset(("www", "m", "amp", "ar", "arabic", "mobile", "gate"))
_PUBLIC_SUFFIX_LABELS = frozenset((
    "com", "net", "org", "info", "news", "co", "gov", "edu", "ac", "tv", "me", "io", "uk",
    "eg", "ma", "sa", "ae", "qa", "kw", "bh", "om", "jo", "lb", "sy", "iq", "ps", "ye", "sd",
    "ly", "tn", "dz", "mr", "tr", "ru", "fr", "de", "ir", "example", "test", "invalid",
    "local"))


def _name_key(name: str) -> str:
    """A name as its spellings share it: «الجزيرة.نت» and «الجزيرة نت» → «الجزيره»."""
    key = re.sub(r"[\u064B-\u0652]", "", name).translate(_FOLD).casefold()
    key = " ".join(re.sub(r"[.\-_–—|/]+", " ", key).split())
    key = _WEB_SUFFIX.sub("", key)
    return re.sub(r"\s+", "", key)


def _site(url: str | None) -> str | None:
    """The name of the site `url` is on («hespress» for https://www.hespress.com/…), or
    None for no URL, an address, or a host many outlets share (t.me, news.google.com)."""
    if not url:
        return None
    try:
        host = (urlsplit(url).hostname or "").casefold().rstrip(".")
    except ValueError:
        return None
    try:
        ipaddress.ip_address(host)
        return None
    except ValueError:
        pass
    labels = host.split(".")
    if not host or "." not in host or any(
            ".".join(labels[i:]) in _SHARED_HOSTS for i in range(len(labels))):
        return None
    labels = [label for label in labels if label not in _HOST_LABELS_SKIPPED]
    while len(labels) > 1 and labels[-1] in _PUBLIC_SUFFIX_LABELS:
        labels.pop()
    return labels[-1] if labels and labels[-1] else None


_ARABIC = re.compile(r"[\u0600-\u06FF]")
_TABLE = {_name_key(name): f"same:{row[0]}" for row in SAME_OUTLET for name in row}


def outlet_keys(name: str | None, url: str | None = None) -> frozenset[str]:
    """The keys naming the outlet `name` (with an article's `url`) is: two names sharing
    one are the same outlet. Empty for no name."""
    if not name or not name.strip():
        return frozenset()
    key = _name_key(name)
    keys = {f"name:{key}"}
    if key in _TABLE:
        keys.add(_TABLE[key])
    if (agency := agency_named(name)) is not None:
        keys.add(f"agency:{agency}")
    if re.fullmatch(r"[a-z0-9]+", key):  # a Latin name is its site's: «Sky News Arabia»
        keys.add(f"site:{key}")
    if (site := _site(url)) is not None:
        keys.add(f"site:{site}")
    return frozenset(keys)


SITE_OUTLETS = 2  # a site more named outlets' articles come from is shared (an aggregator)


def one_name_per_outlet(stored: Sequence[tuple[str, str | None, int]],
                        new: Sequence[tuple[str | None, str | None]]
                        ) -> tuple[dict[str, str], list[str | None]]:
    """The name each outlet is stored under. `stored`: (name, one of its articles' URLs,
    its articles) for each name the store holds, oldest first; `new`: (name, URL) of the
    articles being added. Returns (old name -> the name its articles take instead, for
    stored names that turn out to be one outlet with another) and the name each new article
    is stored under: the outlet's name with the most articles (on a tie, the Arabic one,
    then the oldest), so a coverage that calls it «هسبريس» keeps doing so when a page says
    «Hespress»."""
    names: list[str] = []
    weight: dict[str, int] = {}
    keys: dict[str, set[str]] = {}
    on: dict[str, set[str]] = {}  # name -> the sites its articles' URLs are on
    for name, url, count in [*stored, *((n, u, 1) for n, u in new if n and n.strip())]:
        if name not in keys:
            names.append(name)
            keys[name], on[name] = set(), set()
        weight[name] = weight.get(name, 0) + count
        keys[name] |= outlet_keys(name, url)
        on[name] |= {site} if (site := _site(url)) else set()
    # union-find over names sharing a key; a root holds its names' sites
    parent = {name: name for name in names}

    def root(name: str) -> str:
        while parent[name] != name:
            parent[name] = parent[parent[name]]
            name = parent[name]
        return name

    def join(a: str, b: str) -> None:
        a, b = root(a), root(b)
        if a != b and not (on[a] and on[b] and on[a].isdisjoint(on[b])):  # two sites
            parent[a] = b
            on[b] |= on[a]

    holder: dict[str, str] = {}
    for name in names:  # first by what the names say
        for key in keys[name]:
            if not key.startswith("site:") or key == f"site:{_name_key(name)}":
                if key in holder:
                    join(name, holder[key])
                else:
                    holder[key] = name
    sites: dict[str, set[str]] = {}
    for name in names:  # then by the site their articles come from
        for key in keys[name]:
            if key.startswith("site:"):
                sites.setdefault(key, set()).add(root(name))
    for outlets in sites.values():
        # a site three outlets' articles come from is an aggregator's, no outlet's own
        if 1 < len(outlets) <= SITE_OUTLETS:
            first, *rest = outlets
            for other in rest:
                join(other, first)
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(root(name), []).append(name)
    chosen = {}
    for members in groups.values():
        best = max(members, key=lambda n: (weight[n], bool(_ARABIC.search(n)),
                                           -names.index(n)))
        chosen.update((member, best) for member in members)
    renamed = {name: chosen[name] for name, _, _ in stored if chosen[name] != name}
    return renamed, [chosen[name] if name and name.strip() else name for name, _ in new]
