"""Reading Wagtail's <picture> output in tests."""

import re


def pictures(html):
    return re.findall(r"<picture>.*?</picture>", html, flags=re.S)


def widths(srcset):
    return sorted(int(width) for width in re.findall(r" (\d+)w", srcset))


def only(found):
    assert len(found) == 1, found
    return found[0]
