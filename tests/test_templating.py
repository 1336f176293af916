"""Template files: parsing, validation messages, rendering in the sandbox."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.errors import InputError
from assistant.templating import FieldKind, RenderContext, parse_template
from assistant.templating.errors import TemplateError
from assistant.templating.render import render

DAY = RenderContext(dt.date(2026, 11, 24), language="zh")  # a Tuesday

GOOD = '''+++
title = "周报"
description = "整理周报"
category = "报告"
language = "zh"
input = "notes"

[fields.notes]
label = "本周记录"
required = true

[fields.tone]
label = "语气"
kind = "choice"
options = ["正式", "简洁"]

[fields.day]
kind = "date"

[generation]
temperature = 0.3
max_tokens = 600

[[examples]]
notes = "修复登录 bug"
output = "## 本周完成\\n- 修复登录 bug"
+++
{% block system %}你是写作助手。今天是{{ today }}（{{ weekday }}）。{% endblock %}
{% block prompt %}
请写一份{{ tone }}的周报（{{ day }}）：

{{ notes }}
{% if extra %}补充：{{ extra }}{% endif %}
{% endblock %}
'''


def parse(text: str, name: str = "t") -> object:
    return parse_template(text, name, f"{name}.md")


def test_good_template_fields_and_defaults() -> None:
    template = parse_template(GOOD, "weekly", "weekly.md")
    assert template.title == "周报" and template.language == "zh"
    assert template.input_field == "notes"
    assert [f.name for f in template.fields] == ["notes", "tone", "day", "extra"]
    tone = template.field("tone")
    assert tone is not None and tone.kind is FieldKind.CHOICE and tone.default == "正式"
    extra = template.field("extra")
    assert extra is not None and not extra.declared and extra.kind is FieldKind.TEXT
    assert template.generation == (("max_tokens", 600), ("temperature", 0.3))
    assert len(template.examples) == 1 and template.examples[0].origin == "weekly.md, line 24"


def test_render_blocks_builtins_and_defaults() -> None:
    template = parse_template(GOOD, "weekly", "weekly.md")
    result = render(template, {"notes": "写文档"}, DAY)
    assert result.system == "你是写作助手。今天是2026-11-24（星期二）。"
    assert result.prompt == "请写一份正式的周报（2026-11-24）：\n\n写文档"


@pytest.mark.parametrize("user_text", [
    "{{ 7*7 }}", "{% raw %}", "{% endblock %}", "{{ ''.__class__.__mro__ }}", "{#", "}}{{",
])
def test_user_text_reaches_the_prompt_literally(user_text: str) -> None:
    template = parse_template(GOOD, "weekly", "weekly.md")
    result = render(template, {"notes": user_text}, DAY)
    assert result.prompt.endswith(user_text)


def test_no_blocks_means_whole_body_is_the_user_message() -> None:
    template = parse_template("Fix this: {{ text }}", "fix", "fix.md")
    result = render(template, {"text": "teh"}, DAY)
    assert result.system is None and result.prompt == "Fix this: teh"
    assert template.title == "fix"


def test_crlf_and_bom_free_text_parses_same() -> None:
    template = parse_template(GOOD.replace("\n", "\n"), "weekly", "weekly.md")
    assert template.title == "周报"


@pytest.mark.parametrize(("text", "expected"), [
    ('+++\ntitle = "x"\n', "weekly.md, line 1: the front matter opened with '+++' is never closed"),
    ('+++\ntitle = "x"\ntitle = "y"\n+++\nhi', "weekly.md, line 3: invalid front matter"),
    ('+++\ntitel = "x"\n+++\nhi', "weekly.md, line 2: unknown setting 'titel'. Did you mean 'title'?"),
    ('+++\ntitle = 3\n+++\nhi', "weekly.md, line 2: 'title' must be text in quotes"),
    ('+++\n[fields.a]\nkind = "choise"\n+++\n{{ a }}',
     ("weekly.md, line 2: field 'a': kind 'choise' is not one of text, line, choice, date. "
      "Did you mean 'choice'?")),
    ('+++\n[fields.a]\nlable = "A"\n+++\n{{ a }}', "unknown key of field 'a' 'lable'. Did you mean 'label'?"),
    ('+++\n[fields.a]\nkind = "choice"\n+++\n{{ a }}', "field 'a' is a choice but has no options"),
    ('+++\n[fields.a]\nkind = "choice"\noptions = ["x"]\ndefault = "y"\n+++\n{{ a }}',
     "field 'a': default 'y' is not one of its options"),
    ('+++\n[fields.a]\nrequired = "yes"\n+++\n{{ a }}', "field 'a': required must be true or false"),
    ('+++\n[fields."a b"]\n+++\n{{ x }}', "field name 'a b' must be letters, digits and '_'"),
    ('+++\ninput = "txt"\n[fields.text]\n+++\n{{ text }}',
     "weekly.md, line 2: input = 'txt' names no field. Did you mean 'text'?"),
    ('+++\ntitle = "x"\nrewrites = "txt"\n[fields.text]\n+++\n{{ text }}',
     "weekly.md, line 3: rewrites = 'txt' names no field. Did you mean 'text'?"),
    ('+++\nresult = "  "\n+++\n{{ text }}', "weekly.md, line 2: result = \"\" names no section"),
    ('+++\nresult = 2\n+++\n{{ text }}', "weekly.md, line 2: 'result' must be text in quotes"),
    ('+++\n[generation]\ntemperature = 5\n+++\nhi',
     "weekly.md, line 3: generation.temperature = 5: must be a number from 0 to 2"),
    ('+++\n[generation]\nmax_tokens = 1.5\n+++\nhi', "generation.max_tokens = 1.5: must be a whole number"),
    ('+++\n[generation]\ntemprature = 0.5\n+++\nhi', "Did you mean 'temperature'?"),
    ('+++\n[[examples]]\nnote = "x"\noutput = "y"\n+++\n{{ notes }}',
     "weekly.md, line 2: example 1 sets 'note', which is not a field. Did you mean 'notes'?"),
    ('+++\n[[examples]]\nnotes = "x"\n+++\n{{ notes }}', "example 1 has no 'output'"),
    ('+++\n[fields.n]\nrequired = true\n[[examples]]\noutput = "y"\n+++\n{{ n }}',
     "example 1 leaves the required field 'n' empty"),
    ('+++\ntitle = "x"\n+++\nline one\n{% if x %}\nno end', "weekly.md, line 6: template syntax error"),
    ('+++\n+++\n{% block intro %}x{% endblock %}{% block prompt %}y{% endblock %}',
     "unknown block 'intro'"),
    ('{% block system %}x{% endblock %}', "has a 'system' block but no 'prompt' block"),
])
def test_bad_template_messages(text: str, expected: str) -> None:
    with pytest.raises(TemplateError) as caught:
        parse_template(text, "weekly", "weekly.md")
    assert expected in str(caught.value)
    assert "weekly.md" in str(caught.value)


def test_bad_id_is_reported() -> None:
    with pytest.raises(TemplateError, match="not a usable template id"):
        parse_template("hi", "bad id!", "bad id!.md")


def test_runtime_error_names_file_line() -> None:
    template = parse_template('+++\ntitle = "x"\n+++\nline\n\n{{ text.missing }}', "t", "t.md")
    with pytest.raises(TemplateError, match=r"t\.md, line 6: .*has no attribute 'missing'"):
        render(template, {"text": "a"}, DAY)


def test_sandbox_blocks_python_internals() -> None:
    template = parse_template("{{ text.__class__.__mro__[1].__subclasses__() }}", "t", "t.md")
    with pytest.raises(TemplateError, match="t.md, line 1"):
        render(template, {"text": "a"}, DAY)


@pytest.mark.parametrize(("values", "expected"), [
    ({}, "Field 'notes' (本周记录) of template 'weekly' is required"),
    ({"notes": "   \n"}, "Field 'notes' (本周记录) of template 'weekly' is required"),
    ({"notes": "x", "tone": "随意"}, "Field 'tone' (语气) must be one of: 正式, 简洁; got '随意'"),
    ({"notes": "x", "tonne": "正式"}, "has no field 'tonne'. Did you mean 'tone'?"),
])
def test_bad_values_name_the_field(values: dict[str, str], expected: str) -> None:
    template = parse_template(GOOD, "weekly", "weekly.md")
    with pytest.raises(InputError) as caught:
        render(template, values, DAY)
    assert expected in str(caught.value)


def test_weekday_follows_template_language() -> None:
    template = parse_template("{{ weekday }} {{ language }}", "t", "t.md")
    assert render(template, {}, DAY).prompt == "Tuesday zh"
