"""HTML is built through a type that escapes by construction (``markupsafe.Markup``): a
``str`` from the data given to ``html`` comes out escaped, and no renderer writes HTML
in an f-string, where a ``str`` would go in as it is."""

from __future__ import annotations

import ast
from pathlib import Path

from markupsafe import Markup

from generator.render.inline import html, join, text

RENDER = Path(__file__).resolve().parent.parent / "generator" / "render"


def _html_f_strings(path: Path) -> list[int]:
    """The lines of ``path``'s f-strings whose literal parts hold a tag."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.JoinedStr):
            literal = "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
            if "<" in literal:
                found.append(node.lineno)
    return found


def test_no_html_in_f_strings() -> None:
    offending = {path.name: lines for path in sorted(RENDER.glob("*.py")) if (lines := _html_f_strings(path))}
    assert offending == {}, f"HTML built in f-strings (use inline.html): {offending}"


def test_the_check_finds_an_f_string_with_a_tag(tmp_path: Path) -> None:
    module = tmp_path / "page.py"
    module.write_text('def cell(value):\n    return f"<td>{value}</td>"\n', encoding="utf-8")
    assert _html_f_strings(module) == [2]


# Where a value made elsewhere is declared safe (``Markup(value)``): the escaping functions
# themselves, Markdown and JSON made safe where they are made, and the page outline read back.
TRUSTED = {
    ("inline.py", "html"),
    ("inline.py", "join"),  # its separator: literal markup
    ("inline.py", "text"),
    ("inline.py", "attr"),
    ("inline.py", "_link"),
    ("inline.py", "date_text"),
    ("markup.py", "code_block"),
    ("markup.py", "outline"),
    ("prose.py", "_convert"),
    ("structured_data.py", "script"),
}


def _markup_of_values(path: Path) -> set[tuple[str, str]]:
    """The functions of ``path`` that call ``Markup`` on anything but a literal."""
    found = set()
    for function in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(function, ast.FunctionDef):
            continue
        for node in ast.walk(function):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "Markup"
                and not all(isinstance(arg, ast.Constant) for arg in node.args)
            ):
                found.add((path.name, function.name))
    return found


def test_only_the_escaping_functions_declare_a_value_safe() -> None:
    found = set().union(*(_markup_of_values(path) for path in RENDER.glob("*.py")))
    assert found - TRUSTED == set(), "build HTML with inline.html instead of Markup(value)"


HOSTILE = "<script>alert('x')</script> & \"quoted\""


def test_a_str_is_escaped_markup_passes_through() -> None:
    made = html('<p class="{}">{}{}</p>', HOSTILE, Markup("<em>ours</em>"), 3)
    assert isinstance(made, Markup)
    assert made == (
        '<p class="&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &#34;quoted&#34;"><em>ours</em>3</p>'
    )


def test_joining_and_adding_escape_a_str() -> None:
    assert join("<br>", [Markup("<b>a</b>"), HOSTILE]) == (  # type: ignore[list-item]
        "<b>a</b><br>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &#34;quoted&#34;"
    )
    assert Markup("<p>") + "</p>" == "<p>&lt;/p&gt;"


def test_text_is_markup_and_escapes_as_before() -> None:
    shown = text("a < b & 'c'\nd")
    assert isinstance(shown, Markup)
    assert shown == "a &lt; b &amp; 'c' d"  # quotes kept as they were: pages stay byte for byte
    assert html("<p>{}</p>", shown) == "<p>a &lt; b &amp; 'c' d</p>"  # escaped once, not twice
