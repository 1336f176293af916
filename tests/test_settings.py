"""Tests for assistant.settings: typed defaults, TOML round trip, validation.

A bad value in the settings file must cost the user only that value: the
problem is reported with the file, line and key, the default is used for that
key, and every other key in the file is kept.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from assistant.errors import InputError
from assistant.settings import SPECS, Settings, check, load_settings, save_settings

GOOD: dict[str, Any] = {
    "model_source": "server",
    "model": 'D:\\模型\\qwen "instruct".gguf',
    "n_ctx": 2048,
    "n_threads": 3,
    "n_gpu_layers": -1,
    "kv_cache": "q8_0",
    "prefix_cache_mb": 128,
    "prefix_disk_mb": 0,
    "server_url": "http://192.0.2.7:11434/v1",
    "server_model": "qwen2.5:7b-instruct",
    "server_timeout": 300,
    "server_n_ctx": 32768,
    "temperature": 0.2,
    "max_tokens": 99,
    "hotkey": "Ctrl+Alt+K",
    "ui_language": "en",
    "history": False,
}
"""A valid value for every key, each different from the default."""

TOML_GOOD = {
    "model_source": '"server"',
    "model": "'D:\\模型\\qwen \"instruct\".gguf'",
    "n_ctx": "2048",
    "n_threads": "3",
    "n_gpu_layers": "-1",
    "kv_cache": '"q8_0"',
    "prefix_cache_mb": "128",
    "prefix_disk_mb": "0",
    "server_url": '"http://192.0.2.7:11434/v1"',
    "server_model": '"qwen2.5:7b-instruct"',
    "server_timeout": "300",
    "server_n_ctx": "32768",
    "temperature": "0.2",
    "max_tokens": "99",
    "hotkey": '"Ctrl+Alt+K"',
    "ui_language": '"en"',
    "history": "false",
}
"""The same values as they appear in a hand-written settings file."""


def _load(path: Path) -> tuple[Settings, list[str]]:
    """load_settings with its problems as the English text the CLI prints."""
    settings, problems = load_settings(path)
    return settings, [str(problem) for problem in problems]


@pytest.fixture
def config(tmp_path: Path) -> Path:
    """Where the settings file goes; never the real profile."""
    return tmp_path / "配置 dir" / "settings.toml"


def write_file(path: Path, bad_key: str, bad_line: str) -> None:
    """Two good keys, the bad line (line 3), then the remaining good keys."""
    good = [f"{key} = {TOML_GOOD[key]}" for key in SPECS if key != bad_key]
    lines = good[:2] + [bad_line] + good[2:]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_specs_and_fields_agree() -> None:
    assert list(SPECS) == [f.name for f in dataclasses.fields(Settings)]


def test_defaults() -> None:
    settings = Settings()
    assert settings.model == ""
    assert settings.n_ctx == 4096
    assert settings.n_threads == 0
    assert settings.temperature == 0.7
    assert settings.max_tokens == 800
    assert settings.hotkey == "Ctrl+Alt+J"
    assert settings.ui_language == "system"


@pytest.mark.parametrize("key", list(SPECS))
def test_every_default_is_valid(key: str) -> None:
    default = getattr(Settings(), key)
    assert check(key, default) == default


def test_good_values_are_valid_and_not_defaults() -> None:
    """Guard for the tables below: GOOD must differ from the defaults."""
    for key, value in GOOD.items():
        assert check(key, value) == value
        assert value != getattr(Settings(), key)


def test_missing_file_gives_defaults_silently(config: Path) -> None:
    assert load_settings(config) == (Settings(), [])


def test_save_then_load_round_trip(config: Path) -> None:
    settings = Settings(**GOOD)
    save_settings(config, settings)
    assert load_settings(config) == (settings, [])


def test_round_trip_windows_path_and_chinese_model(config: Path) -> None:
    settings = Settings().replace(
        model=r"C:\Users\张三\Documents\模型\Qwen2.5-3B-Instruct 中文版.gguf",
        hotkey="Ctrl+Shift+'",
        ui_language="zh_CN",
    )
    save_settings(config, settings)
    loaded, problems = _load(config)
    assert problems == []
    assert loaded.model == r"C:\Users\张三\Documents\模型\Qwen2.5-3B-Instruct 中文版.gguf"
    assert loaded == settings


def test_saved_file_is_commented_and_leaves_no_temporary(config: Path) -> None:
    save_settings(config, Settings())
    text = config.read_text(encoding="utf-8")
    for spec in SPECS.values():
        assert f"# {spec.description}\n" in text
    assert list(config.parent.iterdir()) == [config]


def test_save_overwrites(config: Path) -> None:
    save_settings(config, Settings(n_ctx=8192))
    save_settings(config, Settings(n_ctx=1024))
    assert load_settings(config)[0].n_ctx == 1024


def test_file_written_with_bom_is_read(config: Path) -> None:
    config.parent.mkdir(parents=True)
    config.write_bytes(b"\xef\xbb\xbfn_ctx = 2048\r\nui_language = \"zh_CN\"\r\n")
    assert load_settings(config) == (Settings(n_ctx=2048, ui_language="zh_CN"), [])


def test_int_is_accepted_for_a_float_setting(config: Path) -> None:
    config.parent.mkdir(parents=True)
    config.write_text("temperature = 1\n", encoding="utf-8")
    settings, problems = _load(config)
    assert problems == []
    assert settings.temperature == 1.0 and isinstance(settings.temperature, float)


@pytest.mark.parametrize(
    ("key", "toml_value", "fragment"),
    [
        ("n_ctx", '"big"', "n_ctx must be a whole number, not 'big'"),
        ("n_ctx", "4096.0", "n_ctx must be a whole number"),
        ("n_ctx", "100", "n_ctx = 100 is out of range: use 256 to 131072"),
        ("n_ctx", "200000", "out of range"),
        ("n_threads", "-1", "n_threads = -1 is out of range: use 0 to 256"),
        ("n_threads", "true", "n_threads must be a whole number, not True"),
        ("temperature", '"hot"', "temperature must be a number"),
        ("temperature", "false", "temperature must be a number"),
        ("temperature", "2.5", "temperature = 2.5 is out of range: use 0 to 2"),
        ("temperature", "-0.1", "out of range"),
        ("temperature", "nan", "temperature must be a finite number, not nan"),
        ("temperature", "inf", "temperature must be a finite number, not inf"),
        ("temperature", "-inf", "temperature must be a finite number, not -inf"),
        ("max_tokens", "0", "max_tokens = 0 is out of range: use 1 to 32768"),
        ("max_tokens", "[1, 2]", "max_tokens must be a whole number"),
        ("model", "42", "model must be text in quotes, not 42"),
        ("hotkey", "{ key = 'J' }", "hotkey must be text in quotes"),
        ("ui_language", '"fr"', "ui_language = 'fr': choose one of system, zh_CN, en"),
        ("ui_language", '"zh-CN"', "choose one of"),
        ("ui_language", "1", "ui_language must be text in quotes"),
        ("history", '"no"', "history must be true or false, not 'no'"),
        ("history", "0", "history must be true or false, not 0"),
    ],
)
def test_bad_value_uses_default_for_that_key_only(
    config: Path, key: str, toml_value: str, fragment: str
) -> None:
    write_file(config, key, f"{key} = {toml_value}")
    settings, problems = _load(config)
    assert len(problems) == 1
    message = problems[0]
    assert message.startswith(f"{config}, line 3: ")
    assert fragment in message
    default = getattr(Settings(), key)
    assert message.endswith(f"Using the default ({default!r}).")
    assert getattr(settings, key) == default
    assert settings == Settings(**{k: v for k, v in GOOD.items() if k != key})


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ("temprature = 0.5", "unknown setting 'temprature'. Did you mean 'temperature'?"),
        ("n_tokens = 5", "unknown setting 'n_tokens'."),
        ("hot_key = 'Ctrl+K'", "Did you mean 'hotkey'?"),
        ("colour = 'red'", "unknown setting 'colour'."),
    ],
)
def test_unknown_key_is_ignored_with_a_hint(config: Path, line: str, fragment: str) -> None:
    write_file(config, "", line)
    settings, problems = _load(config)
    assert settings == Settings(**GOOD)
    assert len(problems) == 1
    assert problems[0].startswith(f"{config}, line 3: ")
    assert fragment in problems[0]
    assert problems[0].endswith("Ignored.")


def test_unknown_key_without_close_match_has_no_hint(config: Path) -> None:
    write_file(config, "", "colour = 'red'")
    assert "Did you mean" not in _load(config)[1][0]


def test_several_problems_each_get_their_line(config: Path) -> None:
    config.parent.mkdir(parents=True)
    config.write_text(
        "# my settings\n"
        "n_ctx = 1\n"
        "\n"
        '  "max_tokens" = 0\n'
        "hotkey = 'Ctrl+Alt+H'\n"
        'ui_language = "klingon"\n',
        encoding="utf-8",
    )
    settings, problems = _load(config)
    assert [p.split(": ", 1)[0] for p in problems] == [
        f"{config}, line 2", f"{config}, line 4", f"{config}, line 6"]
    assert ["n_ctx" in problems[0], "max_tokens" in problems[1],
            "ui_language" in problems[2]] == [True, True, True]
    assert settings == Settings(hotkey="Ctrl+Alt+H")


def test_line_is_found_for_a_literal_quoted_key(config: Path) -> None:
    config.parent.mkdir(parents=True)
    config.write_text("# x\n'n_ctx' = 100\n", encoding="utf-8")
    assert _load(config)[1][0].startswith(f"{config}, line 2: ")


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("n_ctx = \n", 2),
        ("n_ctx = 1\nn_ctx = 2\n", 3),
        ("[[[\n", 2),
        ('model = "C:\\Users\\x"\n', 2),  # backslashes need '...' or doubling
    ],
)
def test_invalid_toml_gives_defaults_and_a_message(config: Path, text: str, line: int) -> None:
    config.parent.mkdir(parents=True)
    config.write_text("hotkey = 'Ctrl+K'\n" + text, encoding="utf-8")
    settings, problems = _load(config)
    assert settings == Settings()
    assert len(problems) == 1
    assert problems[0].startswith(f"{config}: not valid TOML")
    assert f"line {line}" in problems[0]
    assert "Fix or delete the file" in problems[0]


def test_unreadable_encoding_gives_defaults_and_a_message(config: Path) -> None:
    config.parent.mkdir(parents=True)
    config.write_bytes('model = "D:\\\\模型.gguf"\n'.encode("gbk"))
    settings, problems = _load(config)
    assert settings == Settings()
    assert len(problems) == 1
    assert problems[0].startswith(f"{config}: cannot read settings")


def test_replace_returns_a_validated_copy() -> None:
    original = Settings()
    changed = original.replace(n_ctx=8192, ui_language="zh_CN")
    assert (changed.n_ctx, changed.ui_language) == (8192, "zh_CN")
    assert original == Settings()


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"n_ctx": 10}, "n_ctx = 10 is out of range"),
        ({"n_ctx": "4096"}, "n_ctx must be a whole number"),
        ({"max_tokens": True}, "max_tokens must be a whole number"),
        ({"temperature": 3.0}, "temperature = 3.0 is out of range"),
        ({"temperature": None}, "temperature must be a number"),
        ({"temperature": float("nan")}, "temperature must be a finite number, not nan"),
        ({"ui_language": "de"}, "choose one of system, zh_CN, en"),
        ({"model": Path("/x.gguf")}, "model must be text"),
        ({"max_token": 5}, "unknown setting 'max_token'. Did you mean 'max_tokens'?"),
        ({"hotkey": "Ctrl+K", "n_threads": 999}, "n_threads = 999 is out of range"),
    ],
)
def test_replace_rejects_bad_values(changes: dict[str, Any], fragment: str) -> None:
    with pytest.raises(InputError) as info:
        Settings().replace(**changes)
    assert fragment in str(info.value)


def test_replace_stores_the_normalised_value() -> None:
    assert isinstance(Settings().replace(temperature=1).temperature, float)


HAND_WRITTEN = """\
# My settings -- keep these comments!

n_ctx = 2048   # bigger for long reports
temperature = 0.70
model = 'C:\\Models\\qwen.gguf'
colour = "red"  # a key this version does not know

[plugins]
spell = true
"""
"""A file a user wrote: comments, odd spellings, an unknown key and a table."""


def test_save_changes_only_the_values_that_changed(config: Path) -> None:
    config.parent.mkdir(parents=True)
    config.write_text(HAND_WRITTEN, encoding="utf-8")
    settings, _problems = load_settings(config)
    save_settings(config, settings.replace(n_ctx=8192))
    assert config.read_text(encoding="utf-8") == HAND_WRITTEN.replace(
        "n_ctx = 2048   #", "n_ctx = 8192   #")


def test_save_without_changes_leaves_the_file_as_it_was(config: Path) -> None:
    config.parent.mkdir(parents=True)
    config.write_text(HAND_WRITTEN, encoding="utf-8")
    save_settings(config, load_settings(config)[0])
    assert config.read_text(encoding="utf-8") == HAND_WRITTEN


def test_a_setting_missing_from_the_file_is_added_only_if_not_the_default(config: Path) -> None:
    config.parent.mkdir(parents=True)
    config.write_text("# mine\nn_ctx = 2048\n", encoding="utf-8")
    save_settings(config, Settings(n_ctx=2048, max_tokens=99))
    text = config.read_text(encoding="utf-8")
    assert text.startswith("# mine\nn_ctx = 2048\n")
    assert f"# {SPECS['max_tokens'].description}\nmax_tokens = 99\n" in text
    assert "hotkey" not in text  # still the default: a missing key means just that
    assert load_settings(config) == (Settings(n_ctx=2048, max_tokens=99), [])


def test_a_key_added_to_a_file_with_a_table_stays_outside_the_table(config: Path) -> None:
    config.parent.mkdir(parents=True)
    config.write_text(HAND_WRITTEN, encoding="utf-8")
    settings = load_settings(config)[0].replace(hotkey="Ctrl+Alt+K")
    save_settings(config, settings)
    loaded, problems = _load(config)
    assert loaded == settings
    assert [p for p in problems if "plugins" not in p and "colour" not in p] == []
    text = config.read_text(encoding="utf-8")
    assert text.index("hotkey") < text.index("[plugins]")
    assert text.endswith("[plugins]\nspell = true\n")


def test_a_bad_value_in_the_file_is_replaced_by_the_one_in_use(config: Path) -> None:
    config.parent.mkdir(parents=True)
    config.write_text('# x\nn_ctx = "big"  # oops\nmax_tokens = 5\n', encoding="utf-8")
    settings, _problems = load_settings(config)
    save_settings(config, settings)
    assert config.read_text(encoding="utf-8") == "# x\nn_ctx = 4096  # oops\nmax_tokens = 5\n"


def test_saving_through_a_symlink_keeps_the_link_and_the_comments(
        config: Path, tmp_path: Path) -> None:
    target = tmp_path / "dotfiles" / "assistant.toml"
    target.parent.mkdir()
    target.write_text(HAND_WRITTEN, encoding="utf-8")
    config.parent.mkdir(parents=True)
    config.symlink_to(target)
    save_settings(config, load_settings(config)[0].replace(max_tokens=99))
    assert config.is_symlink()
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# My settings -- keep these comments!\n")
    assert "max_tokens = 99" in text
    assert sorted(p.name for p in target.parent.iterdir()) == ["assistant.toml"]


def test_a_folder_named_settings_toml_is_a_clear_error_and_leaves_nothing(config: Path) -> None:
    config.mkdir(parents=True)
    with pytest.raises(InputError) as info:
        save_settings(config, Settings(n_ctx=8192))
    assert str(info.value) == (f"{config}: cannot save the settings: this is a folder, not a "
                               "file. Move the folder away or delete it, then save again.")
    assert list(config.parent.iterdir()) == [config]
    assert list(config.iterdir()) == []


def test_a_read_only_folder_is_a_clear_error_and_keeps_the_old_file(
        config: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    save_settings(config, Settings(n_ctx=2048))
    before = config.read_bytes()

    def read_only(*_args: object, **_kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied", str(config.parent))

    monkeypatch.setattr("tempfile.mkstemp", read_only)  # what a read-only folder does
    with pytest.raises(InputError) as info:
        save_settings(config, Settings(n_ctx=8192))
    assert str(info.value) == (f"{config}: cannot save the settings (Permission denied). Check "
                               "that you may write to this file and its folder.")
    assert config.read_bytes() == before
    assert list(config.parent.iterdir()) == [config]


def test_an_unreadable_file_is_not_overwritten(
        config: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    save_settings(config, Settings(n_ctx=2048))
    before = config.read_bytes()

    def unreadable(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", unreadable)
    with pytest.raises(InputError, match="cannot read the settings file to update it"):
        save_settings(config, Settings(n_ctx=8192))
    monkeypatch.undo()
    assert config.read_bytes() == before


def test_an_invalid_file_is_kept_as_a_backup(config: Path) -> None:
    config.parent.mkdir(parents=True)
    config.write_text("# precious notes\nn_ctx = = 1\n", encoding="utf-8")
    save_settings(config, Settings(n_ctx=8192))
    backup = config.with_name("settings.toml.bak")
    assert backup.read_text(encoding="utf-8") == "# precious notes\nn_ctx = = 1\n"
    assert load_settings(config) == (Settings(n_ctx=8192), [])


@pytest.mark.parametrize("number", [float("nan"), float("inf"), float("-inf")])
def test_saving_a_non_finite_number_never_raises_and_loads_as_the_default(
        config: Path, number: float) -> None:
    save_settings(config, Settings(temperature=number))  # bypassing replace()'s check
    settings, problems = _load(config)
    assert settings == Settings()
    assert len(problems) == 1
    assert "temperature must be a finite number" in problems[0]
    assert problems[0].endswith("Using the default (0.7).")


@pytest.mark.parametrize("text", [
    "", "'", '"', "'''", "\\", "C:\\Users\\张三\\模型 \"q\".gguf", "tab\there", "del\x7f",
    "bell\x07", "emoji 😀", "\u2028 line separator", "trailing \\",
])
def test_tricky_strings_round_trip(config: Path, text: str) -> None:
    settings = Settings(model=text, server_model=text)
    save_settings(config, settings)
    assert load_settings(config) == (settings, [])
    save_settings(config, Settings(model=text))  # and when they change again
    assert load_settings(config) == (Settings(model=text), [])
