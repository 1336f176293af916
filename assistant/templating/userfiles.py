"""Create files in the user template folder: customise a built-in, start a new one.

Both only ever write into the user folder, so an upgrade that replaces the
built-ins never touches the user's work, and neither overwrites an existing
file: the user's edits are never lost.
"""

from __future__ import annotations

import re
from pathlib import Path

from assistant.atomic import write_atomic
from assistant.errors import InputError
from assistant.templating.library import SUFFIX, builtin_dir
from assistant.templating.parse import ID_PATTERN

STARTER = '''+++
title = "{title}"
description = "What this template is for, in one sentence."
category = "{category}"
language = "{language}"
input = "text"              # the field that receives selected text in the quick prompt

[fields.text]
label = "{label}"
kind = "text"               # text (multi-line) | line | choice | date
required = true

[generation]
temperature = 0.5
max_tokens = 600

# Add two or three examples of a perfect answer: they teach the model the format.
# [[examples]]
# text = """..."""
# output = """..."""
+++
{{% block system %}}{system}{{% endblock %}}
{{% block prompt %}}{prompt}

{{{{ text }}}}{{% endblock %}}
'''

_STARTER_TEXT = {
    "zh": {"category": "我的模板", "label": "内容",
           "system": "你是一名严谨的职场写作助手。只根据用户提供的内容回答，不编造事实。",
           "prompt": "请处理以下内容："},
    "en": {"category": "My templates", "label": "Text",
           "system": "You are a careful workplace writing assistant. Use only the facts "
                     "the user gives; never invent any.",
           "prompt": "Please work on the following text:"},
}


def customize(template_id: str, user_dir: Path) -> Path:
    """Copy built-in ``template_id`` into ``user_dir``; return the user file.

    If the user already has a file with that id, it is returned unchanged.
    """
    target = user_dir / f"{template_id}{SUFFIX}"
    if target.exists():
        return target
    source = builtin_dir() / f"{template_id}{SUFFIX}"
    if not source.is_file():
        raise InputError("There is no built-in template {template_id!r} to customize.",
                         template_id=template_id)
    _write(target, source.read_bytes())
    return target


def new_template(user_dir: Path, title: str, language: str = "en") -> Path:
    """Write a starter template named after ``title``; return its path.

    The file name is derived from the title (ASCII letters and digits), with
    a number appended when that name is taken.
    """
    if not title.strip():
        raise InputError("Give the new template a name.")
    if '"' in title or "\\" in title or "\n" in title:
        raise InputError("A template name cannot contain quotes, backslashes or line breaks.")
    stem = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "my-template"
    if not ID_PATTERN.match(stem):
        stem = "my-template"
    target = user_dir / f"{stem}{SUFFIX}"
    number = 2
    while target.exists():
        target = user_dir / f"{stem}-{number}{SUFFIX}"
        number += 1
    words = _STARTER_TEXT["zh" if language.startswith("zh") else "en"]
    _write(target, STARTER.format(title=title.strip(), language=language[:2], **words))
    return target


def _write(target: Path, data: bytes | str) -> None:
    """Write a new user file atomically; InputError names it when that fails."""
    try:
        write_atomic(target, data)
    except OSError as exc:
        raise InputError("{path}: cannot write the template ({reason}); check that the "
                         "template folder can be written.", path=target,
                         reason=exc.strerror or exc) from None
