"""The shared form-field components: every hint and error a screen reader
should hear is named, the same way, by the control it belongs to."""

import re

import pytest
from django import forms
from django.template.loader import render_to_string

from home.form_fields import DescribedForm

CHOICES = [("a", "Apples"), ("b", "Bananas"), ("na", "Not applicable")]


class ExampleForm(DescribedForm, forms.Form):
    name = forms.CharField(label="Your name", help_text="As you like to be called.")
    email = forms.EmailField(label="Email", required=False)
    story = forms.CharField(label="Your story", widget=forms.Textarea, help_text="A few lines.")
    fruit = forms.ChoiceField(
        label="Which fruit?", choices=CHOICES, widget=forms.RadioSelect, help_text="Pick one."
    )
    extras = forms.MultipleChoiceField(
        label="Anything else?",
        choices=CHOICES[:2],
        widget=forms.CheckboxSelectMultiple,
        help_text="Tick all that apply.",
    )
    agree = forms.BooleanField(label="I agree", help_text="You can change your mind.")

    def clean(self):
        if self.data.get("name") == "robot":
            raise forms.ValidationError("We could not send your form.")
        return super().clean()


def render(component, field, **extra):
    return render_to_string(f"components/forms/{component}.html", {"field": field, **extra})


def described_by(html, tag):
    found = re.search(rf"<{tag}\b[^>]*\baria-describedby=\"([^\"]*)\"", html)
    return found.group(1) if found else None


def test_a_hint_alone_is_named_by_its_input():
    form = ExampleForm()
    html = render("field", form["name"])
    assert '<label for="id_name">Your name</label>' in html
    assert '<span class="hint" id="id_name-hint">As you like to be called.</span>' in html
    assert described_by(html, "input") == "id_name-hint"
    assert "aria-invalid" not in html and "error-message" not in html
    assert described_by(render("field", form["email"]), "input") is None


@pytest.mark.parametrize(("name", "tag"), [("name", "input"), ("story", "textarea")])
def test_hint_and_error_are_both_named_and_the_input_is_invalid(name, tag):
    form = ExampleForm({})
    html = render("field", form[name])
    assert described_by(html, tag) == f"id_{name}-hint id_{name}-error"
    assert f'id="id_{name}-error"><span class="visually-hidden">Error:</span> ' in html
    assert 'aria-invalid="true"' in html
    assert 'class="form-group form-group--error"' in html


@pytest.mark.parametrize(("name", "component"), [("fruit", "radios"), ("extras", "checkboxes")])
def test_a_group_is_described_on_its_fieldset_not_on_each_option(name, component):
    html = render(component, ExampleForm({"extras": ["zz"]})[name])
    assert described_by(html, "fieldset") == f"id_{name}-hint id_{name}-error"
    assert described_by(html, "input") is None
    assert re.search(r"<legend[^>]*>[^<]+</legend>", html)
    assert f'<span class="hint" id="id_{name}-hint">' in html
    assert f'id="id_{name}-error"' in html
    assert html.count('type="radio"' if component == "radios" else 'type="checkbox"') == len(
        ExampleForm.base_fields[name].choices
    )


def test_radios_can_set_one_option_apart():
    html = render("radios", ExampleForm()["fruit"], separate="na")
    assert html.count("radios__item--separate") == 1
    assert re.search(r'radios__item--separate"><input[^>]*value="na"', html)
    assert "radios__item--separate" not in render("radios", ExampleForm()["fruit"])


def test_a_single_checkbox_names_its_hint_and_error():
    html = render("checkbox", ExampleForm({})["agree"])
    assert described_by(html, "input") == "id_agree-hint id_agree-error"
    assert '<span class="hint checkbox__hint" id="id_agree-hint">' in html
    assert 'id="id_agree-error"' in html


def test_error_summary_links_each_error_to_its_field_form_errors_first():
    form = ExampleForm({"name": "robot", "email": "not an email"})
    assert not form.is_valid()
    items = form.error_summary()
    assert items[0] == ("", "We could not send your form.")
    assert [href for href, _ in items[1:]] == [
        "#id_email",
        "#id_story",
        "#id_fruit_0",
        "#id_extras_0",
        "#id_agree",
    ]
    html = render_to_string("components/forms/error_summary.html", {"items": items})
    assert '<h2 id="error-summary-title">There is a problem</h2>' in html
    assert "<li>We could not send your form.</li>" in html
    assert '<li><a href="#id_fruit_0">This field is required.</a></li>' in html


def test_error_summary_with_a_title_and_a_sentence_only():
    html = render_to_string(
        "components/forms/error_summary.html",
        {"title": "Some answers are missing", "description": "Answer every question."},
    )
    assert '<h2 id="error-summary-title">Some answers are missing</h2>' in html
    assert "<p>Answer every question.</p>" in html
    assert "<ul>" not in html
