"""The parser on the project's own copies of real saved pages (tests/cases/).

Title, date and authors must match exactly; the body must reach the case's F1 floor. A field
the parser still gets wrong is listed in tests/cases/known.json with the reason, and its test
is a strict xfail: fixing it makes the test fail until the entry is removed
(`python eval/cases.py --update` rewrites the file from the current parser).
"""
from __future__ import annotations

import pytest

from .cases_runner import FIELDS, case_names, known, run_case

KNOWN = known()


def field_params():
    for name in case_names():
        failures = KNOWN.get(name, {}).get("known_failures", {})
        for field in FIELDS:
            marks = [pytest.mark.xfail(strict=True, reason=failures[field])] \
                if field in failures else []
            yield pytest.param(name, field, marks=marks, id=f"{name}-{field}")


@pytest.fixture(scope="module")
def outcomes():
    cache: dict = {}

    def get(name):
        if name not in cache:
            cache[name] = run_case(name)
        return cache[name]
    return get


@pytest.mark.parametrize("name, field", list(field_params()))
def test_case_field(outcomes, name, field):
    expected, got = outcomes(name).field(field)
    assert got == expected


@pytest.mark.parametrize("name", case_names())
def test_case_body_reaches_its_floor(outcomes, name):
    floor = KNOWN.get(name, {}).get("body_f1_floor", 0.9)
    assert outcomes(name).body_f1 >= floor


def test_every_renderer_and_language_is_represented():
    outcomes_ = [run_case(name) for name in case_names()]
    renderers = {o.want["renderer"] for o in outcomes_}
    assert renderers >= {"w3m-wide", "w3m-80", "lynx-80", "inscriptis", "chromium-innertext",
                         "saved-by-hand"}
    languages = {(o.want.get("lang") or "")[:2] for o in outcomes_}
    assert languages >= {"en", "fr", "es", "pt", "de", "cs", "zh", "ja"}
    assert len(outcomes_) >= 30
