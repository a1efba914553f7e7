"""The Jinja2 environment every target renders with.

StrictUndefined makes a missing variable an error rather than empty text;
autoescape is off because each target escapes for its own context through
:mod:`generator.escape`, registered here as filters.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2

from . import escape
from .pycode import MARK, layout_marked

#: The templates ship inside the package (package data), so an installed
#: ``openapi-forge`` finds them from any folder, not only from its checkout.
_PACKAGE = __name__.rpartition(".")[0]
TEMPLATES = resources.files(_PACKAGE) / "templates"

#: First line of every generated source file.
HEADER = "File generated from an OpenAPI document by openapi-forge. Do not edit by hand."


@cache
def environment(target: str) -> jinja2.Environment:
    """The (cached) environment for one target's templates, e.g. ``"sdk"``."""
    env = jinja2.Environment(
        loader=_loader(target),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        # Templates do not change during a run: no stat() of the file on every render.
        auto_reload=False,
    )
    env.filters.update(
        docstring=escape.py_docstring,
        docline=escape.py_docline,
        # Lines holding spec strings or view-built code are laid out in black's
        # style once rendered (see generator.pycode).
        pystr=lambda text: MARK + escape.py_string(text),
        code=lambda text: MARK + text,
        pynum=escape.py_number,
        comment=escape.py_comment,
        md=escape.md_inline,
        mdcode=escape.md_code,
        mdtext=escape.md_text,
        mdblock=escape.md_block,
        mdcell=escape.md_cell,
        mdfence=escape.md_fence,
        htmlmd=escape.html_markdown,
        urlpath=escape.url_path,
        html=escape.html_text,
        htmlcode=escape.html_code,
        shell=escape.shell_arg,
        toml=escape.toml_string,
        tojson_pretty=lambda v: json.dumps(v, indent=2, ensure_ascii=False),
        pyrepr=repr,
    )
    env.globals["HEADER"] = HEADER
    return env


def _loader(target: str) -> jinja2.BaseLoader:
    """A loader for ``templates/<target>`` inside the installed package.

    A package on disk (the usual install, and the checkout) is read with the
    plain file-system loader, the fastest; a package that is not a folder of
    files (a zip) goes through importlib's resource reader instead.
    """
    folder = TEMPLATES / target
    if isinstance(folder, Path):
        return jinja2.FileSystemLoader(str(folder))
    return jinja2.PackageLoader(_PACKAGE, f"templates/{target}")


def render(target: str, template: str, **context: Any) -> str:
    """Render one template of ``target`` with ``context``.

    In Python templates every line marked by the ``pystr`` or ``code`` filter
    is laid out as black would lay it out (:func:`generator.pycode.layout_marked`).
    """
    text = environment(target).get_template(template).render(**context)
    if template.endswith(".py.j2"):
        return layout_marked(text)
    return text.replace(MARK, "")
