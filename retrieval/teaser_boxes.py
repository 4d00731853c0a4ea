"""Boxes of other stories inside an article's HTML (a page's or a feed item's): read-also
boxes, unmarked lists of linked headlines, social embeds. Removed before the text is read:
the text alone cannot tell a read-also box in mid-article from a marker that starts other
stories; the links can."""

from __future__ import annotations

from typing import Any

from lxml import etree

from retrieval.articles import is_read_also_marker

# Social embeds: a tweet's text and its `— name (@handle) date` line are not the outlet's.
_EMBEDS = ("//blockquote[contains(@class, 'twitter-tweet') or contains(@class, 'instagram-media')"
           " or contains(@class, 'tiktok-embed') or contains(@class, 'facebook')]")


def _text_outside_links(element: Any) -> str:
    """The text of `element` that is in no link (`.//text()[not(ancestor::a)]`, in time
    linear in the element's size: XPath on an element of a huge page, 2 MB of comments,
    costs time in the page's size for each element asked)."""
    if next(element.iterancestors("a"), None) is not None:
        return ""
    parts: list[str] = []
    links = 0  # how many <a> the walk is inside
    for event, node in etree.iterwalk(element, events=("start", "end", "comment", "pi")):
        if event == "start":
            links += node.tag == "a"
            if not links and node.text:
                parts.append(node.text)
            continue
        if event == "end":
            links -= node.tag == "a"
        if not links and node is not element and node.tail:
            parts.append(node.tail)
    return "".join(parts)


def _only_links(element: Any) -> bool:
    """True when every word of `element` is in a link (a list of teased headlines)."""
    return element.find(".//a") is not None and not _text_outside_links(element).strip(
        " \n\t-•·|،,")


TEASER_MIN_WORDS = 4  # a linked headline; a shorter link is a tag or a menu item


def drop_teaser_boxes(tree: Any) -> None:
    """Removes read-also boxes: an element whose only text besides its links is a read-also
    marker (`<div><h4>اقرأ أيضاً</h4><ul><li><a>…`, `<p><b>اقرأ أيضاً</b><br><a>…</a></p>`).
    trafilatura keeps them, and the text alone cannot tell such a box in mid-article from
    a marker that starts other stories; the links can. A marker in a block of its own
    followed by a list of nothing but links is such a box too. Social embeds go too."""
    boxes = [element for element in tree.iter("p", "div", "aside", "section", "blockquote",
                                               "ul", "ol", "li", "figure", "span", "strong")
             if element.find(".//a") is not None
             and is_read_also_marker(_text_outside_links(element))]
    # the marker in a block of its own, the links in the list after it:
    # `<p>اقرأ أيضا:</p><ul><li><a>…</a></li></ul>`
    for marker in tree.iter("p", "h2", "h3", "h4", "h5", "div", "span", "strong"):
        links = marker.getnext()
        if (links is not None and links.tag in ("ul", "ol", "div", "p")
                and marker.find(".//a") is None and _only_links(links)
                and is_read_also_marker(marker.text_content())):
            boxes += [marker, links]
    # a list of other stories' headlines, unmarked: every item only a link of a headline's
    # length (`<ul><li><a>الأمطار تغرق شوارع العاصمة…</a></li>…`)
    for listing in tree.iter("ul", "ol"):
        items = listing.findall("li")
        if len(items) >= 2 and all(
                _only_links(item) and len(item.text_content().split()) >= TEASER_MIN_WORDS
                for item in items):
            boxes.append(listing)
    # or a block of nothing but such links (`<div><a>…</a><br><a>…</a></div>`)
    for block in tree.iter("div", "p", "section"):
        links = block.findall(".//a")
        if len(links) >= 2 and _only_links(block) and all(
                len(link.text_content().split()) >= TEASER_MIN_WORDS for link in links):
            boxes.append(block)
    for element in [*boxes, *tree.xpath(_EMBEDS)]:
        if element.getparent() is not None and not any(
                ancestor in boxes for ancestor in element.iterancestors()):
            element.drop_tree()
