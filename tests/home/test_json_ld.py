"""The one JSON-LD writer: what editors type can never end the <script> early."""

import json
from html.parser import HTMLParser

from home.json_ld import json_ld

TRICKY = {
    "@type": "Organization",
    "name": "</script><script>alert(1)</script>",
    "description": "<!-- a comment --> & Sons' <b>café</b> ]]>",
    "areaServed": [{"@type": "Place", "name": "Salford & Trafford"}],
}


class ScriptContents(HTMLParser):
    """What a browser's HTML parser hands to each <script> element."""

    def __init__(self):
        super().__init__()
        self.scripts = []
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "script":
            self.scripts.append("")

    def handle_data(self, data):
        if self.tags and self.tags[-1] == "script":
            self.scripts[-1] += data


def test_markup_characters_are_escaped_and_the_data_is_unchanged():
    text = json_ld(TRICKY)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == TRICKY


def test_the_script_element_holds_exactly_the_data():
    parser = ScriptContents()
    parser.feed(f'<script type="application/ld+json">{json_ld(TRICKY)}</script><p>after</p>')
    assert parser.tags == ["script", "p"]
    assert [json.loads(script) for script in parser.scripts] == [TRICKY]


def test_text_stays_readable_and_is_marked_safe_for_templates():
    text = json_ld({"name": "Café Brontë"})
    assert text == '{"name": "Café Brontë"}'
    assert hasattr(text, "__html__")
