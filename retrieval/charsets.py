"""Which charset a page or feed is really in.

Arabic sites often contradict themselves: Windows-1256 pages served as `charset=utf-8` or
under the server's default ISO-8859-1, UTF-8 pages whose <meta> still says windows-1256,
feeds declared UTF-8 and written in Windows-1256. Read by the server's word alone, such a
page ingests as mojibake (`ÇáãÌáÓ`) that no question ever finds.
"""

from __future__ import annotations

import codecs
import re

_DECLARED = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([\w:.-]+)|<\?xml[^>]*encoding\s*=\s*["']([\w:.-]+)""",
    re.IGNORECASE)
_SERVER_DEFAULTS = {"iso8859-1", "ascii", "cp1252"}  # what a server says when nobody told it
XML_DECLARATION = re.compile(r"^\ufeff?\s*<\?xml[^>]*\?>")


def _codec(name: bytes | str | None) -> str | None:
    if isinstance(name, bytes):
        name = name.decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name if name else None
    except LookupError:
        return None


_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")


def _mostly_arabic(text: str) -> bool:
    """True when most characters beyond ASCII are Arabic letters: Windows-1256 bytes read
    right. French in Latin-1 read as Windows-1256 keeps its lower-case accents (é, à, ç)
    and gives few Arabic letters."""
    beyond = sum(1 for char in text if ord(char) > 127)
    return beyond > 0 and len(_ARABIC_LETTER.findall(text)) > beyond / 2


MAX_BROKEN_SHARE = 0.02  # of a page's characters beyond ASCII: a few broken bytes, not a codec


def _mostly_utf8(body: bytes) -> str | None:
    """A UTF-8 page with a few broken bytes (a character a CMS cut in half, a stray byte
    from a pasted text), its broken bytes replaced; None for a page in another charset,
    whose Arabic bytes break UTF-8 at nearly every letter."""
    text = body.decode("utf-8-sig", errors="replace")
    broken = text.count("\ufffd")
    beyond = sum(1 for char in text if ord(char) > 127)
    return text if broken <= MAX_BROKEN_SHARE * beyond else None


def decode_page(body: bytes, server_charset: str | None = None) -> str:
    """A page's (or feed's) text. A BOM decides; bytes that are valid UTF-8 are UTF-8, and
    so are bytes that are but for a few broken ones (replaced); else the first that decodes
    them without error of: the page's own <meta> / XML declaration, the server's charset (a
    bare server default last), Windows-1256. A
    declared Latin default (ISO-8859-1, Windows-1252, ASCII: what templates and servers
    say when nobody told them) loses to Windows-1256 when that reads mostly Arabic."""
    for bom, codec in ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                       (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if body.startswith(bom):
            return body.decode(codec, errors="replace")
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    mended = _mostly_utf8(body)
    if mended is not None:
        return mended
    found = _DECLARED.search(body[:8192])
    declared = _codec(found and (found[1] or found[2]))
    server = _codec(server_charset)
    if declared in _SERVER_DEFAULTS and _mostly_arabic(body.decode("cp1256", "replace")):
        declared = None  # a template's default (`charset=iso-8859-1`) over Arabic bytes
    candidates = [declared, server if server not in _SERVER_DEFAULTS else None, "cp1256",
                  server]
    for codec in filter(None, candidates):
        try:
            return body.decode(codec)
        except UnicodeDecodeError:
            continue
    return body.decode("cp1256", errors="replace")
