"""Post Wagtail's page editor forms the way a browser without JavaScript would.

The helper reads the form controls from the editor's HTML (so fields added later by anyone are carried
along with their defaults) and fills in what only JavaScript would: an empty StreamField's `-count`.
"""

from html.parser import HTMLParser

from wagtail.fields import StreamField


class _FormControls(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"method": (attrs.get("method") or "").lower(), "data": {}})
            return
        if not self.forms:
            return
        data = self.forms[-1]["data"]
        name = attrs.get("name")
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "file"):
                return
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    data.setdefault(name, []).append(attrs.get("value", "on"))
                return
            data[name] = attrs.get("value") or ""
        elif tag == "select" and name:
            self._select = {"name": name, "first": None, "selected": [], "multiple": "multiple" in attrs}
        elif tag == "option" and self._select is not None:
            value = attrs.get("value", "")
            if self._select["first"] is None:
                self._select["first"] = value
            if "selected" in attrs:
                self._select["selected"].append(value)
        elif tag == "textarea" and name:
            self._textarea = name
            data[name] = ""

    def handle_endtag(self, tag):
        if tag == "select" and self._select is not None:
            select = self._select
            values = select["selected"] or ([] if select["multiple"] else [select["first"] or ""])
            self.forms[-1]["data"][select["name"]] = values if select["multiple"] else values[0]
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea and self.forms:
            self.forms[-1]["data"][self._textarea] += data


def editor_form_data(html, page_model, **overrides):
    """The data of the biggest POST form in `html`, with empty StreamFields counted and `overrides` applied."""
    parser = _FormControls()
    parser.feed(html)
    forms = [form["data"] for form in parser.forms if form["method"] == "post"]
    data = max(forms, key=len)
    for field in page_model._meta.get_fields():
        if isinstance(field, StreamField):
            data.setdefault(f"{field.name}-count", "0")
    data.update(overrides)
    return data
