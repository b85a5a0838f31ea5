"""Filter profiles: the shipped ones load and say what the post's provider does; bad files give
file/key errors, never exceptions."""

from __future__ import annotations

from pathlib import Path

import pytest

from wizard.core.profiles import (
    ProfileError,
    get_profile,
    list_profiles,
    load_big_providers,
    load_catalog,
    load_profile_file,
)

GOOD = """
format = 1
name = "{name}"
title = "T"
engine = "spamassassin"
[blocklist]
effect = "score"
points = 100.0
matches = "both"
[actions]
available = ["deliver", "folder"]
default = "deliver"
[folder]
name = "Spam"
visible_in = "webmail"
[sensitivity]
adjustable = true
default = "a"
[[sensitivity.levels]]
name = "a"
threshold = 5.0
[[sensitivity.levels]]
name = "b"
threshold = 3.0
"""


def test_shipped_profiles_all_valid() -> None:
    catalog = load_catalog()
    assert catalog.issues == ()
    names = set(catalog.names())
    assert {"hosting_provider", "cpanel", "plesk", "spamassassin", "rspamd", "postfix_access"} <= names
    assert catalog.names()[0] == "hosting_provider"
    assert list_profiles()[0] == "hosting_provider"


def test_hosting_provider_is_the_posts_provider() -> None:
    p = get_profile("hosting_provider")
    assert p.blocklist.effect == "score" and p.blocklist.points == 100.0
    assert p.score_based
    assert set(p.actions) == {"deliver", "tag", "delete", "folder"}
    assert p.default_action == "deliver"
    assert p.folder_visible_in == "webmail"
    assert p.sensitivity_adjustable and len(p.levels) >= 2
    assert p.level(None) is not None and p.level(None).threshold == 5.0  # type: ignore[union-attr]


def test_postfix_rejects_and_compares_envelope_only() -> None:
    p = get_profile("postfix_access")
    assert p.blocklist.effect == "reject" and p.blocklist.matches == "envelope"
    assert not p.score_based


def test_cpanel_blocklist_adds_100() -> None:
    p = get_profile("cpanel")
    assert p.blocklist.points == 100.0 and "delete" in p.actions and "folder" in p.actions


def test_valid_custom_profile(tmp_path: Path) -> None:
    (tmp_path / "mine.toml").write_text(GOOD.format(name="mine"), encoding="utf-8")
    profile, issues = load_profile_file(tmp_path / "mine.toml")
    assert issues == () and profile is not None and profile.name == "mine"


@pytest.mark.parametrize(("change", "key", "words"), [
    (('effect = "score"', 'effect = "bounce"'), "blocklist.effect", "not one of"),
    (('points = 100.0', 'points = "lots"'), "blocklist.points", "must be a number"),
    (('available = ["deliver", "folder"]', 'available = ["deliver", "teleport"]'), "actions.available",
     "teleport"),
    (('default = "deliver"', 'default = "tag"'), "actions.default", "not in actions.available"),
    (('visible_in = "webmail"', 'visible_in = "phone"'), "folder.visible_in", "not one of"),
    (('threshold = 5.0', 'treshold = 5.0'), "sensitivity.levels[0].treshold", "unknown key"),
    (('default = "a"', 'default = "zzz"'), "sensitivity.default", "not a level name"),
    (('format = 1', 'format = 9'), "format", "must be 1"),
    (('matches = "both"', 'matches = 3'), "blocklist.matches", "must be a string"),
])
def test_invalid_profiles_name_file_and_key(tmp_path: Path, change: tuple[str, str], key: str,
                                            words: str) -> None:
    text = GOOD.format(name="bad").replace(*change, 1)
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    profile, issues = load_profile_file(path)
    assert profile is None
    assert any(i.key == key and words in i.message and i.source == str(path) for i in issues), issues
    assert str(path) in str(issues[0])


def test_syntax_error_and_binary_and_name_mismatch(tmp_path: Path) -> None:
    (tmp_path / "broken.toml").write_text("format = = 1\n", encoding="utf-8")
    (tmp_path / "binary.toml").write_bytes(b"\xff\xfe\x00garbage")
    (tmp_path / "other.toml").write_text(GOOD.format(name="different"), encoding="utf-8")
    catalog = load_catalog(tmp_path)
    assert catalog.profiles == ()
    messages = {Path(i.source).name: i.message for i in catalog.issues}
    assert "TOML syntax error" in messages["broken.toml"]
    assert "UTF-8" in messages["binary.toml"]
    assert "file name" in messages["other.toml"]


def test_get_profile_errors(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="no such profile"):
        get_profile("nope")
    with pytest.raises(ProfileError, match="not a profile name"):
        get_profile("../etc/passwd")
    (tmp_path / "bad.toml").write_text("format = 1\n", encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        get_profile("bad", tmp_path)
    assert any(i.key == "name" for i in info.value.issues)


def test_big_providers_list() -> None:
    big = load_big_providers()
    for domain in ("gmail.com", "yahoo.co.jp", "outlook.jp", "icloud.com", "docomo.ne.jp", "hotmail.*"):
        assert domain in big
