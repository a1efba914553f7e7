"""The two validation layers: the fast OpenAPI-schema check that ``generate``
runs, and openapi-spec-validator, which ``validate`` (and
``generate --full-validation``) runs."""

from __future__ import annotations

from pathlib import Path

from generator.loader import load_file
from generator.validate import check_structure, check_version, validate_document
from tests.conftest import ROOT, run_generator

FLAWS = ROOT / "tests/fixtures/corpus/flaws/openapi.yaml"

#: What the OpenAPI 3.1 JSON Schema itself finds in the flaws fixture.
STRUCTURAL = [
    ("/info/version", 6, "1.0 is not of type"),
    ("/paths/~1widgets", 33, "Unevaluated properties are not allowed ('GET' was unexpected)"),
    (
        "/paths/~1widgets~1{widget_id}~1parts~1{part_id}/get/parameters/1",
        None,
        "is not valid under any of the schemas listed in the 'oneOf' keyword",
    ),
    (
        "/paths/~1widgets~1{widget_id}~1parts~1{part_id}/get/parameters/3/in",
        None,
        '"body" is not one of',
    ),
]


def _findings(found: list) -> list[tuple[str, int | None, str]]:
    return sorted((d.pointer, d.line, d.message) for d in found)


def test_schema_check_finds_what_the_openapi_schema_rules_out_with_locations():
    doc = load_file(FLAWS)
    found = check_structure(doc, check_version(doc))
    assert len(found) == len(STRUCTURAL)
    for pointer, line, text in STRUCTURAL:
        (match,) = [d for d in found if d.pointer == pointer]
        assert text in match.message
        assert match.line == (line if line is not None else doc.line_of(pointer))
        assert match.line is not None and match.file == str(FLAWS)


def test_openapi_spec_validator_finds_the_same_and_its_semantic_rules_too():
    doc = load_file(FLAWS)
    fast = _findings(check_structure(doc, check_version(doc)))
    full = _findings(validate_document(doc, check_version(doc)))
    # Same structural findings, word for word; the extra ones are the
    # validator's semantic rules (unique operationIds, declared path
    # parameters, 3.1 schema dialect), which the model builder warns about
    # in its own words when generating.
    assert set(fast) <= set(full)
    extra = sorted(set(full) - set(fast))
    assert len(extra) == 3
    assert any("is not unique" in m for _, _, m in extra)
    assert any("was not resolved" in m for _, _, m in extra)
    # (which of the schema's flaws it names first varies from run to run)
    (schema_finding,) = [p for p, _, _ in extra if p]
    assert schema_finding.startswith(
        "/paths/~1widgets~1{widget_id}~1parts~1{part_id}/get/responses/200/content/"
        "application~1json/schema/properties/"
    )


def test_valid_documents_pass_both_layers():
    for spec in (ROOT / "spec/openapi.yaml", ROOT / "tests/fixtures/petstore/openapi.yaml"):
        doc = load_file(spec)
        assert check_structure(doc, check_version(doc)) == []
        assert validate_document(doc, check_version(doc)) == []


def test_generate_reports_schema_findings_and_full_validation_adds_the_rest(tmp_path: Path):
    fast = run_generator("generate", "--spec", str(FLAWS), "--out", str(tmp_path / "a"))
    full = run_generator(
        "generate", "--spec", str(FLAWS), "--out", str(tmp_path / "b"), "--full-validation"
    )
    skipped = run_generator(
        "generate", "--spec", str(FLAWS), "--out", str(tmp_path / "c"), "--no-validate"
    )
    assert fast.returncode == full.returncode == skipped.returncode == 0
    assert "('GET' was unexpected)" in fast.stderr and "is not unique" not in fast.stderr
    assert "Operation ID 'getPart' for 'get' in '/widgets' is not unique" in full.stderr
    assert "('GET' was unexpected)" not in skipped.stderr

    def count(stdout: str) -> int:
        return int(stdout.rstrip().rsplit("; ", 1)[1].split()[0])

    assert count(full.stdout) == count(fast.stdout) + 3 == count(skipped.stdout) + 7


def test_an_alias_bomb_is_not_expanded_for_either_layer():
    text = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n" + "x-a0: &a0 [1, 2]\n"
    text += "".join(
        f"x-a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n" for i in range(1, 11)
    )
    from generator.loader import load_text

    doc = load_text(text, path=Path("/tmp/bomb.yaml"), display="bomb.yaml")
    for layer in (check_structure, validate_document):
        (finding,) = layer(doc, "3.1")
        assert "YAML aliases expand this document" in finding.message
