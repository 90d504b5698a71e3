"""The Korean edition (notebooks/ko/, README.ko.md, TEACHING.ko.md, solutions/ko/, GLOSSARY.md) kept in step.

A Korean notebook must have the English notebook's cells, ids, code and stored outputs (declared
differences: code comments in Korean, ``tools.korean.KOREAN_LINE`` in the set-up cell, and stored exercise
answers in Korean), and
every Korean markdown cell must have been translated from the English text that is there now: each stores
the SHA-256 of the English it translates, and a failure names the cell and shows what changed in the
English since."""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

import pytest

from aelib.exercises.feedback import MARKS
from tools import korean, korean_comments, setup_cell

ROOT = Path(__file__).resolve().parents[1]
ENGLISH = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
HANGUL = re.compile("[\uac00-\ud7a3]")


def cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def test_every_english_notebook_has_its_korean_twin_and_back():
    english = {p.name for p in ENGLISH}
    twins = {p.name for p in (ROOT / "notebooks" / "ko").glob("*.ipynb")}
    assert english == twins, f"no Korean twin: {sorted(english - twins)}; no English one: {sorted(twins - english)}"


@pytest.mark.parametrize("path", ENGLISH, ids=lambda p: p.stem)
def test_code_and_outputs_are_the_english_ones(path: Path):
    english, twin = cells(path), cells(ROOT / "notebooks" / "ko" / path.name)
    assert [(c["id"], c["cell_type"]) for c in twin] == [(c["id"], c["cell_type"]) for c in english], (
        f"{path.name}: the Korean notebook's cells differ from the English ones: run python -m tools.korean")
    exceptions = 0
    for en, ko in zip(english, twin, strict=True):
        if en["cell_type"] != "code":
            continue
        en_source, ko_source = korean.source(en), korean.source(ko)
        if en_source.startswith(korean.INSTALLER_MARK):  # the set-up cell, written in Korean by tools.setup_cell
            assert ko_source == setup_cell.cell_source(setup_cell.package_source(), "ko"), (
                f"{path.name}: stale Korean set-up cell: run python -m tools.korean")
            continue
        if ko_source.endswith(f"\n{korean.KOREAN_LINE}"):
            ko_source = ko_source.removesuffix(f"\n{korean.KOREAN_LINE}")
            exceptions += 1
        en_code, ko_code = korean_comments.without_comments(en_source), korean_comments.without_comments(ko_source)
        assert ko_code == en_code, (
            f"{path.name}, cell {en['id']}: code differs beyond its comments and the declared exception:\n"
            + "\n".join(difflib.unified_diff(en_code, ko_code, lineterm="")))
        assert without_feedback(ko["outputs"]) == without_feedback(en["outputs"]), (
            f"{path.name}, cell {en['id']}: stored outputs differ")
        for en_text, ko_text in zip(feedback_texts(en["outputs"]), feedback_texts(ko["outputs"]), strict=True):
            status = next(k for k, mark in MARKS["en"].items() if en_text.startswith(mark))
            assert ko_text.startswith(MARKS["ko"][status]) and HANGUL.search(ko_text.split(":", 1)[1]), (
                f"{path.name}, cell {en['id']}: the stored answer is not in Korean: {ko_text!r}")
        assert ko["execution_count"] == en["execution_count"]
    assert exceptions == 1, f"{path.name}: expected the one declared difference (feedback language), not {exceptions}"


def untranslated_comments(english: list[dict], twin: list[dict], table: dict[str, str]) -> list[str]:
    """Where a Korean code cell's comments are not the table's Korean for the English ones, cell by cell."""
    wrong = []
    for en, ko in zip(english, twin, strict=True):
        source = korean.source(en)
        if en["cell_type"] != "code" or source.startswith(korean.INSTALLER_MARK):
            continue
        english_comments = korean_comments.comments(source)
        missing = [c for c in english_comments if c not in table]
        ko_source = korean.source(ko).removesuffix(f"\n{korean.KOREAN_LINE}")  # the declared line has its own comment
        shown, wanted = korean_comments.comments(ko_source), [table.get(c, c) for c in english_comments]
        if missing or shown != wanted:
            wrong.append(f"cell {en['id']}: " + (f"no Korean in {korean_comments.TABLE.name} for {missing}" if missing
                                                  else f"shows {shown}, not {wanted}: run python -m tools.korean"))
    return wrong


@pytest.mark.parametrize("path", ENGLISH, ids=lambda p: p.stem)
def test_code_comments_are_in_korean(path: Path):
    wrong = untranslated_comments(cells(path), cells(ROOT / "notebooks" / "ko" / path.name), korean_comments.table())
    assert not wrong, f"{path.name}:\n" + "\n".join(wrong)


def test_an_untranslated_comment_is_named_and_the_table_holds_no_stale_entry():
    table = korean_comments.table()
    english = [c for p in ENGLISH for c in cells(p) if c["cell_type"] == "code"]
    used = {c for cell in english for c in korean_comments.comments(korean.source(cell))}
    assert not set(table) - used, f"entries no English notebook uses any more: {sorted(set(table) - used)}"
    english_left = [k for k, v in table.items()  # notation (symbols, "log", "ELBO") may stay as it is; words may not
                    if not HANGUL.search(v) and re.search("[A-Za-z]{4}", v.replace("ELBO", ""))]
    assert not english_left, f"entries whose 'Korean' has no Hangul: {english_left}"
    en, ko = cells(ENGLISH[0]), cells(ROOT / "notebooks" / "ko" / ENGLISH[0].name)
    assert untranslated_comments(en, ko, table) == []
    cell = next(c for c in en if c["cell_type"] == "code" and korean_comments.comments(korean.source(c))
                and not korean.source(c).startswith(korean.INSTALLER_MARK))
    cell["source"] = korean.source(cell) + "\nx = 1  # a new comment"
    (report,) = untranslated_comments(en, ko, table)
    assert report.startswith(f"cell {cell['id']}: no Korean") and "# a new comment" in report


def feedback_texts(outputs: list[dict]) -> list[str]:
    """The stored exercise answers among a cell's outputs (their text, in whichever language)."""
    marks = tuple(MARKS["en"].values()) + tuple(MARKS["ko"].values())
    texts = ["".join(o.get("data", {}).get("text/plain", "")) for o in outputs if o["output_type"] == "execute_result"]
    return [t for t in texts if t.startswith(marks)]


def without_feedback(outputs: list[dict]) -> list[dict]:
    """The outputs with each stored exercise answer's text blanked, for comparing the two editions."""
    blanked = json.loads(json.dumps(outputs))
    for o in blanked:
        if o["output_type"] == "execute_result" and feedback_texts([o]):
            o["data"]["text/plain"] = "(exercise feedback)"
    return blanked


def test_a_stored_answer_is_shown_in_korean_and_a_stale_one_is_refused():
    code = "answer = ...\naelib.exercises.vae.check_gaussian_weight(answer)"
    stored = "✏️ Your turn: replace the `...` with a number, then run the cell again."
    assert korean.korean_feedback(code, stored) == (
        "✏️ 직접 풀어 보세요: `...` 대신 답을 쓰고 셀을 다시 실행하세요(답의 형태: 수).")
    with pytest.raises(ValueError, match="re-execute the English notebook"):
        korean.korean_feedback(code, stored.replace("a number", "a whole number"))


def stale_translations(english: list[dict], twin: list[dict]) -> list[str]:
    """The Korean cells whose recorded English source is not the English cell's text now, each with its diff."""
    stale = []
    for en, ko in zip(english, twin, strict=True):
        if en["cell_type"] != "markdown":
            continue
        now = korean.source(en)
        record = ko.get("metadata", {}).get("translation", {})
        if record.get("en_sha256") != korean.sha256(now):
            diff = "\n".join(difflib.unified_diff(record.get("en", "").splitlines(), now.splitlines(),
                                                  "English when translated", "English now", lineterm=""))
            stale.append(f"cell {en['id']}:\n{diff or '(never translated)'}")
        elif not HANGUL.search(korean.source(ko)):
            stale.append(f"cell {en['id']}: no Korean text")
    return stale


@pytest.mark.parametrize("path", ENGLISH, ids=lambda p: p.stem)
def test_every_korean_cell_translates_the_current_english(path: Path):
    stale = stale_translations(cells(path), cells(ROOT / "notebooks" / "ko" / path.name))
    assert not stale, (f"{path.name}: Korean cells to revise (then: python -m tools.korean --revised "
                       f"{path.stem}:CELL_ID):\n\n" + "\n\n".join(stale))


def test_a_changed_english_cell_is_caught_and_shown():
    """The check above can fail: change one English sentence and exactly that cell is named, with the change."""
    english, twin = cells(ENGLISH[0]), cells(ROOT / "notebooks" / "ko" / ENGLISH[0].name)
    assert stale_translations(english, twin) == []
    cell = next(c for c in english if c["cell_type"] == "markdown")
    cell["source"] = korean.source(cell) + " One more sentence."
    (report,) = stale_translations(english, twin)
    assert report.startswith(f"cell {cell['id']}:") and "+" in report and "One more sentence." in report


def test_the_korean_edition_chooses_korean_feedback_and_back():
    from aelib.exercises import feedback, manifold

    namespace: dict = {}
    try:
        exec(korean.KOREAN_LINE, {"aelib": __import__("aelib")}, namespace)
        assert feedback.language() == "ko"
        assert HANGUL.search(repr(manifold.check_rotated_digit_dimension(1)))
    finally:
        feedback.set_language("en")
    assert not HANGUL.search(repr(manifold.check_rotated_digit_dimension(1)))


def glossary() -> list[tuple[str, str]]:
    """(English, 한국어) of every term in GLOSSARY.md's table."""
    rows = re.findall(r"^\| ([^|]+?) \| ([^|]+?) \|", (ROOT / "GLOSSARY.md").read_text(encoding="utf-8"), re.MULTILINE)
    return [(en, ko) for en, ko in rows if en not in ("English", "---")]


def test_the_glossary_is_one_table_for_both_editions():
    terms = glossary()
    assert len(terms) >= 25
    assert all(HANGUL.search(ko) for _, ko in terms)
    for readme in ("README.md", "README.ko.md"):
        assert "GLOSSARY.md" in (ROOT / readme).read_text(encoding="utf-8")


@pytest.mark.parametrize("path", ENGLISH, ids=lambda p: p.stem)
def test_the_korean_notebooks_use_the_glossarys_terms(path: Path):
    """Where the English notebook uses a glossary term, its twin uses that term's Korean form."""
    prose = {lang: "\n".join(korean.source(c) for c in cells(p) if c["cell_type"] == "markdown")
             for lang, p in (("en", path), ("ko", ROOT / "notebooks" / "ko" / path.name))}
    missing = []
    for en, ko in glossary():
        english_term = en.split(" (")[0].lower()
        if re.search(rf"\b{re.escape(english_term)}\b", prose["en"].lower()):
            forms = [form.strip() for form in ko.split(",")]
            if not any(form.replace(" ", "") in prose["ko"].replace(" ", "") for form in forms):
                missing.append(f"{en} → {ko}")
    assert not missing, f"{path.name}: the Korean notebook lacks these glossary terms: {missing}"


def test_each_readme_links_to_the_other():
    assert "README.ko.md" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(README.md)" in (ROOT / "README.ko.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("page", sorted((ROOT / "solutions").glob("[0-9][0-9]_*.md")), ids=lambda p: p.stem)
def test_korean_solutions_run_the_same_code(page: Path):
    code = re.compile(r"^```python\n(.*?)^```$", re.MULTILINE | re.DOTALL)
    twin = ROOT / "solutions" / "ko" / page.name
    assert code.findall(twin.read_text(encoding="utf-8")) == code.findall(page.read_text(encoding="utf-8"))
    assert twin.read_text(encoding="utf-8").count("<details>") == page.read_text(encoding="utf-8").count("<details>")


@pytest.mark.parametrize("path", ENGLISH, ids=lambda p: p.stem)
def test_bold_marks_open_and_close_in_both_editions(path: Path):
    """A CommonMark renderer leaves no '**' in the text: '**'답'**입니다' (a quote mark before the closing marks and a
    Hangul letter after them) does not close, and the learner would see the asterisks."""
    markdown_it = pytest.importorskip("markdown_it", reason="markdown-it-py is missing: see requirements.txt")
    renderer = markdown_it.MarkdownIt("commonmark")
    stray = []
    for notebook in (path, ROOT / "notebooks" / "ko" / path.name):
        for cell in cells(notebook):
            if cell["cell_type"] != "markdown":
                continue
            html = renderer.render(re.sub(r"\$[^$\n]*\$", "x", korean.source(cell)))  # math: a placeholder letter
            text = re.sub(r"<pre>.*?</pre>|<code>.*?</code>", "", html, flags=re.S)
            if "**" in text:
                stray.append(f"{notebook.parent.name}/{notebook.name} {cell['id']}")
    assert not stray, f"bold marks that do not close as markdown renders them: {stray}"
    assert "**" in renderer.render("답은 **'대개'**입니다"), "the renderer no longer shows the case this test guards"
