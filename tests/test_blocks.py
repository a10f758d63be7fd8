"""The shared blocks' own rules: what a call to action may link to, and how partner sites receive it."""

from django.core.exceptions import ValidationError

import pytest

from home.blocks import CallToActionBlock


@pytest.mark.parametrize("url", ["/join/apply/", "/contact/", "https://eafa.example/pledge", "http://a.example"])
def test_a_call_to_action_links_to_a_site_path_or_a_web_address(url):
    block = CallToActionBlock()
    value = block.clean(block.to_python({"title": "Join", "button_label": "Apply", "url": url}))
    assert value["url"] == url


@pytest.mark.parametrize("url", ["javascript:alert(1)", "//evil.example/", "join/apply", "ftp://files.example"])
def test_a_call_to_action_refuses_other_links(url):
    block = CallToActionBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"title": "Join", "button_label": "Apply", "url": url}))


def test_partner_sites_receive_absolute_links(settings):
    settings.GUILD_PUBLIC_URL = "https://guild.example"
    block = CallToActionBlock()
    value = block.to_python({"title": "Join", "button_label": "Apply", "url": "/join/apply/"})
    assert block.get_api_representation(value)["url"] == "https://guild.example/join/apply/"
