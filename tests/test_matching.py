from hypothesis import given
from hypothesis import strategies as st

from commune_cli.matching import closest, fold, words_match


def test_fold_ignores_case_accents_and_punctuation():
    assert fold("Saint-Étienne") == fold("saint etienne") == "saint etienne"
    assert fold("BESANÇON") == "besancon"
    assert fold("Jarosław Dąbrowski") == "jaroslaw dabrowski"
    assert fold("Œuvre") == "oeuvre"


def test_words_match_prefixes_of_words():
    assert words_match("cremieux", "Gaston Crémieux")
    assert words_match("louise mich", "Louise Michel")
    assert not words_match("mich", "Élisabeth Dmitrieff")
    assert not words_match("", "Anyone")


def test_closest_suggests_each_record_once():
    labels = {"Marseille": "Marseille", "Marseilles": "Marseille", "Lyon": "Lyon", "Lyons": "Lyon"}
    assert closest("Marsielle", labels) == ["Marseille"]
    assert closest("zzzzzz", labels) == []


names = st.text(alphabet=st.characters(categories=("L", "N", "Zs", "Pd", "Mn")), min_size=1, max_size=40)


@given(names)
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@given(names)
def test_a_name_matches_itself_whatever_its_case(name):
    if fold(name):
        assert words_match(name, name)
        assert words_match(name.upper(), name)
        assert words_match(fold(name), name)


@given(names, names)
def test_words_match_never_raises(query, text):
    assert words_match(query, text) in (True, False)
