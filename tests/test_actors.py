"""The actor registry: bundled data validates, names and descriptors find the right actor."""

from __future__ import annotations

import pytest

from trucewatch.actors import RegistryError, load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def test_bundled_registry_has_the_sides_other_stages_group_by(registry):
    for actor_id, side in [("ilham-aliyev", "AZ"), ("vladimir-putin", "RU"), ("nikol-pashinyan", "AM"),
                           ("sergey-lavrov", "RU"), ("dmitry-peskov", "RU"), ("russia-mfa", "RU"),
                           ("kremlin", "RU"), ("azerbaijan-mfa", "AZ"), ("armenia-mfa", "AM"),
                           ("russia-mod", "RU"), ("turkey-mod", "TR"), ("recep-tayyip-erdogan", "TR")]:
        assert registry.get(actor_id).side == side


@pytest.mark.parametrize("written, actor_id", [
    ("Aliyev", "ilham-aliyev"), ("Aliev", "ilham-aliyev"), ("Əliyev", "ilham-aliyev"),
    ("Pashinian", "nikol-pashinyan"), ("Nikol Pashinyan", "nikol-pashinyan"),
    ("Vladimir Vladimirovich", "vladimir-putin"), ("Sergei Lavrov", "sergey-lavrov"),
    ("the Kremlin spokesman", "dmitry-peskov"), ("Russian Foreign Ministry", "russia-mfa"),
    ("press service of the Russian president", "kremlin"),
])
def test_names_transliterations_and_fixed_descriptors(registry, written, actor_id):
    mentions = registry.mentions(f"Yesterday {written} spoke.")
    assert [m.actor_id for m in mentions] == [actor_id]
    assert mentions[0].text.lower() == written.lower().removeprefix("the ")


def test_longest_name_wins_and_possessives_match(registry):
    text = "Vladimir Vladimirovich Putin's statement and Putin's call"
    assert [(m.text, m.actor_id) for m in registry.mentions(text)] == [
        ("Vladimir Vladimirovich Putin", "vladimir-putin"), ("Putin", "vladimir-putin")]


def test_generic_descriptors_depend_on_side_and_date(registry):
    assert registry.descriptor_candidates("the Azerbaijani leader", "2020-12-18") == ["ilham-aliyev"]
    assert registry.descriptor_candidates("Armenia's prime minister", "2021-01-01") == ["nikol-pashinyan"]
    assert registry.descriptor_candidates("the Armenian foreign minister", "2020-10-01") == ["zohrab-mnatsakanyan"]
    assert registry.descriptor_candidates("the Armenian foreign minister", "2021-01-01") == ["ara-aivazian"]
    assert registry.descriptor_candidates("the foreign minister of Armenia", "2021-09-01") == ["ararat-mirzoyan"]
    assert set(registry.descriptor_candidates("the president", "2020-12-18")) >= {"ilham-aliyev", "vladimir-putin"}
    assert registry.descriptor_candidates("infrastructure", "2020-12-18") is None


@pytest.mark.parametrize("phrase, on, actor_id", [
    ("the deputy prime minister of Armenia", "2022-05-01", "mher-grigoryan"),
    ("the Armenian Security Council secretary", "2022-05-01", "armen-grigoryan"),
    ("the Israeli prime minister", "2021-08-01", "naftali-bennett"),
    ("the Israeli prime minister", "2024-01-15", "benjamin-netanyahu"),
    ("the US president", "2016-05-01", "barack-obama"),
    ("the US president", "2022-05-01", "joe-biden"),
    ("the UN secretary-general", "2023-01-01", "antonio-guterres"),
    ("the EU foreign policy chief", "2025-02-01", "kaja-kallas"),
    ("the Ukrainian president", "2016-01-01", "petro-poroshenko"),
    ("the Hezbollah leader", "2024-11-01", "naim-qassem"),
    ("the commander of the peacekeeping contingent", "2023-09-20", "kirill-kulakov"),
    ("the Armenian foreign ministry spokesperson", "2023-06-01", "ani-badalyan"),
    ("the Azerbaijani foreign ministry spokesman", "2023-01-01", "aykhan-hajizada"),
])
def test_descriptors_of_other_ceasefires_resolve_to_the_holder_on_the_date(registry, phrase, on, actor_id):
    assert registry.descriptor_candidates(phrase, on) == [actor_id]


def test_longer_names_win_over_a_shared_word(registry):
    text = "Abbas Araghchi met Mahmoud Abbas; Osama Hamdan spoke of Mohamed Hamdan Dagalo."
    assert [m.actor_id for m in registry.mentions(text)] == [
        "abbas-araghchi", "mahmoud-abbas", "osama-hamdan", "mohamed-hamdan-dagalo"]


def test_user_files_extend_and_bad_files_fail_clearly(tmp_path):
    extra = tmp_path / "extra.yaml"
    extra.write_text("actors:\n  - {id: jane-roe, name: Jane Roe, type: person, side: AZ, gender: female,"
                     " aliases: [Roe]}\n", encoding="utf-8")
    registry = load_registry([extra])
    assert registry.get("jane-roe").name == "Jane Roe"
    assert registry.mentions("Roe said")[0].actor_id == "jane-roe"
    assert registry.get("ilham-aliyev") is not None

    bad = tmp_path / "bad.yaml"
    bad.write_text("actors:\n  - {id: Bad Id, name: X, type: person, side: AZ}\n", encoding="utf-8")
    with pytest.raises(RegistryError, match=r"bad\.yaml"):
        load_registry([bad])
    unknown_side = tmp_path / "side.yaml"
    unknown_side.write_text("actors:\n  - {id: x-y, name: X Y, type: person, side: ZZ}\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="ZZ"):
        load_registry([unknown_side])
    broken = tmp_path / "broken.yaml"
    broken.write_text("actors: [\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="not valid YAML"):
        load_registry([broken])


def test_first_character_lookahead_keeps_every_mention(registry):
    """The name pattern's lookahead only skips positions where no name or descriptor can start."""
    import re

    guarded = registry._pattern
    start, end = guarded.pattern.index("(?="), guarded.pattern.index("(?:(?P<")
    assert start < 20 < end
    plain = re.compile(guarded.pattern[:start] + guarded.pattern[end:], guarded.flags)
    names = [a.name for a in registry.actors.values()][:40]
    texts = [" ".join(names), " ".join(n.upper() for n in names), " ".join(n.lower() for n in names),
             "The Russian Defence Ministry and the Armenian Foreign Ministry said; the ARMENIAN PRIME MINISTER, "
             "president of Azerbaijan, Kremlin spokesman", "x" + "y".join(names)]
    for text in texts:
        assert [(m.span(), m.lastgroup) for m in guarded.finditer(text)] == \
               [(m.span(), m.lastgroup) for m in plain.finditer(text)]
