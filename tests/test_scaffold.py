"""``python -m generator new`` on a fresh text, against the fixture registries (the command line's
main function in this process; the first test starts the real command)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from generator.build.pipeline import check
from tests.conftest import MINI, Ran, copy_corpus, run_cli, run_command

TEXT = (
    "Beta accused Alpha of shelling North Ridge on Monday, Wire One reported.\n"
    "The government in Alphaville said three soldiers were wounded; Gamma Province officials were not reached.\n"
    "Talks in Omegatown are planned for June.\n"
)


def run_new(workdir: Path, *args: str) -> Ran:
    return run_cli("new", *args, cwd=workdir)


def test_new_writes_a_scaffold_that_fails_only_on_what_a_person_must_fill(tmp_path: Path) -> None:
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    source = tmp_path / "incoming report.txt"
    source.write_text(TEXT, encoding="utf-8")

    result = run_command("new", str(source), "--topic", "ridge", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    text_copy = corpus / "documents" / "incoming-report.txt"
    assert text_copy.read_bytes() == source.read_bytes()
    metadata = corpus / "documents" / "incoming-report.yaml"
    content = metadata.read_text(encoding="utf-8")
    assert content.startswith("# yaml-language-server: $schema=../../.briefing/schemas/document.schema.json\n")
    assert "#   beta (Beta): line 1" in content
    assert "#   alpha-government (Government of Alpha): line 2" in content
    assert "#   north-ridge (North Ridge): line 1" in content
    assert "  - outlet: wire-one  # cited as reporting it, line 1" in content
    assert "#   Gamma Province (id: gamma-province): line 2" in content
    assert "#   Omegatown (id: omegatown): line 3" in content
    assert content.index("Omegatown") < content.index("\nid: ")  # the names to register come first
    assert "First, 2 name(s) no registry knows" in result.stdout

    data = yaml.safe_load(content)
    claims = {c["claimant"]: c for c in data["claims"]}
    assert claims["beta"]["quote"] == "accused Alpha of shelling North Ridge on Monday"
    assert claims["beta"]["kind"] == "accusation" and claims["beta"]["draft"] is True
    assert claims["alpha-government"]["quote"] == "three soldiers were wounded"
    assert claims["alpha-government"]["kind"] == "casualty-report"

    problems = check(corpus, corpus).problems
    assert problems, "a fresh scaffold must not validate"
    assert {p.rule for p in problems} == {"unfinished", "draft-claim"}
    assert all(p.path == "documents/incoming-report.yaml" for p in problems)


def test_filled_scaffold_validates(tmp_path: Path) -> None:
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    source = corpus / "documents" / "report.txt"
    source.write_text(TEXT, encoding="utf-8")
    assert run_new(tmp_path, str(source), "--topic", "ridge").returncode == 0
    metadata = corpus / "documents" / "report.yaml"
    data = yaml.safe_load(metadata.read_text(encoding="utf-8"))
    data.update(
        title="Beta accuses Alpha",
        summary="Beta accused Alpha of shelling.",
        event_date="2024-03-04",
        kind="news-article",
        outlet="site-two",
    )
    data["chain"][-1]["outlet"] = "site-two"
    for claim in data["claims"]:
        claim.pop("draft")
        claim["paraphrase"] = "A paraphrase."
    metadata.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert check(corpus, corpus).problems == []


def test_new_overwrites_nothing(tmp_path: Path) -> None:
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    existing = corpus / "documents" / "ridge-clash.yaml"
    before = existing.read_bytes()
    result = run_new(tmp_path, str(corpus / "documents" / "ridge-clash.txt"))
    assert result.returncode == 2
    assert "already exists; nothing was overwritten" in result.stderr
    assert existing.read_bytes() == before

    other = tmp_path / "ridge-clash.txt"
    other.write_text("Different text.\n", encoding="utf-8")
    result = run_new(tmp_path, str(other))
    assert result.returncode == 2
    assert "already exists with other content" in result.stderr


def test_names_broken_across_lines_stay_inside_their_comments(tmp_path: Path) -> None:
    copy_corpus(MINI, tmp_path / "seeds")
    source = tmp_path / "broken.txt"
    source.write_text(
        "The government in\nAlphaville Town Hall said Beta fired first.\nThe North\nRidge Fort was hit.\n",
        encoding="utf-8",
    )
    assert run_new(tmp_path, str(source), "--topic", "ridge").returncode == 0
    content = (tmp_path / "seeds" / "documents" / "broken.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(content)
    assert set(data) >= {"id", "title", "chain", "claims"}
    assert all(line.startswith(("#", " ", "-")) or ":" in line or not line for line in content.splitlines())


def test_new_with_an_id_names_both_files_after_it(tmp_path: Path) -> None:
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    source = tmp_path / "download (3).txt"
    source.write_text(TEXT, encoding="utf-8")
    result = run_new(tmp_path, str(source), "--topic", "ridge", "--id", "2024-03-04-beta-accuses-alpha")
    assert result.returncode == 0, result.stderr
    text = corpus / "documents" / "2024-03-04-beta-accuses-alpha.txt"
    metadata = corpus / "documents" / "2024-03-04-beta-accuses-alpha.yaml"
    assert text.read_bytes() == source.read_bytes()
    data = yaml.safe_load(metadata.read_text(encoding="utf-8"))
    assert data["id"] == "2024-03-04-beta-accuses-alpha" and data["text"] == text.name
    # A text already in documents/ is renamed after the id, its bytes unchanged.
    inside = corpus / "documents" / "scan.txt"
    inside.write_text(TEXT, encoding="utf-8")
    assert run_new(tmp_path, str(inside), "--id", "2024-03-05-scan").returncode == 0
    assert not inside.exists() and (corpus / "documents" / "2024-03-05-scan.txt").read_text(encoding="utf-8") == TEXT
    assert (corpus / "documents" / "2024-03-05-scan.yaml").is_file()


def test_new_says_what_is_wrong_with_the_topic_the_id_or_the_folder(tmp_path: Path) -> None:
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    source = tmp_path / "report.txt"
    source.write_text(TEXT, encoding="utf-8")
    unknown = run_new(tmp_path, str(source), "--topic", "rigde")
    assert unknown.returncode == 2 and "no topic has the id 'rigde' (the topics are: ridge)" in unknown.stderr
    bad_id = run_new(tmp_path, str(source), "--id", "Report 3")
    assert bad_id.returncode == 2 and "for example 'report-3'" in bad_id.stderr
    no_folder = run_new(tmp_path, str(source), "--seeds", "nowhere")
    assert no_folder.returncode == 2 and "the seed folder 'nowhere' does not exist" in no_folder.stderr
    assert sorted(p.name for p in (corpus / "documents").iterdir()) == ["ridge-clash.txt", "ridge-clash.yaml"]
    # A seed with problems: a registry's are listed (the scaffold cannot use the entry), other
    # documents' counted (each new text does not reprint them), and the scaffold is still written.
    (corpus / "outlets.yaml").write_text(
        "outlets:\n  - id: wire-one\n    name: Wire One\n    knd: wire\n", encoding="utf-8"
    )
    ridge = corpus / "documents" / "ridge-clash.yaml"
    ridge.write_text(ridge.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    noted = run_new(tmp_path, str(source), "--topic", "ridge")
    assert noted.returncode == 0 and "outlets.yaml:4:5: error: unknown field 'knd'" in noted.stderr
    assert "ridge-clash.yaml:" not in noted.stderr
    assert re.search(r"note: \d+ problem\(s\) in 1 other document or topic file\(s\)", noted.stderr)
    assert "report.txt" not in noted.stderr.split("listed below")[1]  # not its own text as an orphan


def test_new_refuses_what_validation_would_before_copying_anything(tmp_path: Path) -> None:
    """A text over the validator's size cap, and an id validation refuses (reserved, too long,
    given or made from the file name), stop 'new' before anything is read, copied or written."""
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    before = sorted(p.name for p in (corpus / "documents").iterdir())
    big = tmp_path / "big.txt"
    with big.open("wb") as out:
        out.truncate(50 * 1024 * 1024)  # 50 MB, sparse
    too_big = run_new(tmp_path, str(big))
    assert too_big.returncode == 2 and "is 50.0 MB; a text may be at most 10 MB" in too_big.stderr
    source = tmp_path / "report.txt"
    source.write_text(TEXT, encoding="utf-8")
    reserved = run_new(tmp_path, str(source), "--id", "index")
    assert reserved.returncode == 2 and "'index' is a reserved name" in reserved.stderr
    assert "give another with --id" in reserved.stderr
    long_id = run_new(tmp_path, str(source), "--id", "a" * 300)
    assert long_id.returncode == 2 and "at most 80 lowercase letters" in long_id.stderr
    named = tmp_path / "con.txt"
    named.write_text(TEXT, encoding="utf-8")
    from_name = run_new(tmp_path, str(named))
    assert from_name.returncode == 2 and "'con' is a reserved name" in from_name.stderr
    assert "(made from the file name); give one with --id" in from_name.stderr
    assert sorted(p.name for p in (corpus / "documents").iterdir()) == before
    assert "Traceback" not in too_big.stderr + reserved.stderr + long_id.stderr + from_name.stderr


WIRE_COPY = (
    "ALPHAVILLE, March 2 (Wire One) - Beta's government said on Monday that its troops had acted in\n"
    'self-defence, Site Two reported, citing Wire One. "We did not fire first," a Beta official said.\n'
    "Reports from Site Two and Wire One differ on the time of the clash.\n"
    "Alpha and Beta\nGamma Province officials and Delta City police did not comment.\n"
)


def test_new_suggests_the_graph_names_the_unnamed_and_splits_unknown_names(tmp_path: Path) -> None:
    """Datelines are not quoted; a source the text does not name is written as one; an outlet cited
    as carrying another draws on it; names on two lines or joined by "and" are two names."""
    from generator.scaffold.drafts import analyse

    corpus = check(MINI, MINI).corpus
    scaffold = analyse(WIRE_COPY, "copy.txt", corpus)
    hops = {hop.outlet: hop for hop in scaffold.hops}
    assert hops["site-two"].drew_on == ["wire-one"] and hops["wire-one"].drew_on == []
    assert [hop.outlet for hop in scaffold.hops].index("wire-one") < [h.outlet for h in scaffold.hops].index("site-two")
    quotes = {c.quote: c for c in scaffold.candidates}
    assert not any("ALPHAVILLE" in quote or "Wire One)" in quote for quote in quotes)
    unnamed = quotes["We did not fire first"]
    assert unnamed.unnamed == "a Beta official" and unnamed.claimant == "beta"
    names = {u.name for u in scaffold.unknown_names}
    assert {"Gamma Province", "Delta City"} <= names
    assert not any("\n" in name or " and " in name for name in names)


def test_new_reads_pathological_texts_in_linear_time() -> None:
    """A run-on sentence of thousands of reporting verbs, thousands of sentences on one line,
    a long line of spaces around a colon: each is read (this test would not finish were the
    reading quadratic; its time is measured nowhere else)."""
    from generator.scaffold.drafts import analyse

    corpus = check(MINI, MINI).corpus
    assert len(analyse("Beta said " * 40_000, "x.txt", corpus).candidates) <= 12
    many = analyse("Beta said it rained. " * 20_000, "x.txt", corpus).candidates
    assert len(many) == 20_000 and {c.claimant for c in many} == {"beta"}
    assert analyse("Alpha: " + " " * 200_000 + "x", "x.txt", corpus) is not None
    # a run-on sentence of thousands of clauses, each with its speaker (it went a call deeper per clause)
    clauses = "; ".join(f"Beta said on Monday that troops fired at post {i}" for i in range(3_000))
    assert 0 < len(analyse(clauses + ".", "x.txt", corpus).candidates) <= 3_000


def test_scaffolds_of_several_texts_never_share_a_claim_id(tmp_path: Path) -> None:
    """Placeholder claim ids name the document: scaffolds written before anything is
    registered (every claimant a TODO) do not collide with each other or the corpus."""
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    for name in ("first.txt", "second.txt", "third.txt"):
        source = tmp_path / name
        source.write_text(
            "Zeta Command said on Monday that its forces had fired first.\n"
            "Omega officials said the talks had failed.\n",
            encoding="utf-8",
        )
        assert run_new(tmp_path, str(source), "--topic", "ridge").returncode == 0
    ids = [
        claim["id"]
        for path in sorted((corpus / "documents").glob("*.yaml"))
        for claim in yaml.safe_load(path.read_text(encoding="utf-8"))["claims"] or []
    ]
    assert len(ids) == len(set(ids)) and len(ids) > 6, ids
    assert not [p for p in check(corpus, tmp_path).problems if p.rule == "duplicate-id"]


NEW_CONFLICT = (
    "BISHKEK, Sept 16 (Wire One) - Kyrgyzstan said on Friday that Tajik forces had attacked its border posts.\n"
    "Kyrgyzstan's border service said fighting continued near Batken, in the south.\n"
    "Kyrgyz President Sadyr Japarov called for calm. Officials said the clash began at 8:00 pm (1400 GMT).\n"
    "Tajikistan denied the accusation, and Japarov's office said talks would follow.\n"
)


def test_new_lists_every_name_to_register_once_even_at_a_sentence_start(tmp_path: Path) -> None:
    """Before anything of a new conflict is registered: a country that only ever opens
    sentences is listed, its adjective folded into it, a title left off a person's name and
    the surname folded into it, a body that speaks in lower case listed too; times and
    openers are not names."""
    copy_corpus(MINI, tmp_path / "seeds")
    source = tmp_path / "kyrgyz.txt"
    source.write_text(NEW_CONFLICT, encoding="utf-8")
    result = run_new(tmp_path, str(source), "--topic", "ridge")
    assert result.returncode == 0, result.stderr
    listed = re.findall(r"^  (.+?) \(id: ([a-z0-9-]+)\)", result.stdout, re.MULTILINE)
    assert {name for name, _ in listed} == {
        "BISHKEK",
        "Kyrgyzstan",
        "Tajikistan",
        "Sadyr Japarov",
        "Batken",
        "Kyrgyzstan border service",
    }  # a body that speaks, in lower case
    assert ("Sadyr Japarov", "sadyr-japarov") in listed
    # a name folded into one that is itself folded into a longer one: no name is lost or doubled
    source.write_text(
        "The Republic of Tajikistan said Tajik forces held. Tajikistan later denied it.\n"
        "Tajikistan and its allies met on Monday.\n",
        encoding="utf-8",
    )
    (tmp_path / "seeds" / "documents" / "kyrgyz.yaml").unlink()
    (tmp_path / "seeds" / "documents" / "kyrgyz.txt").unlink()
    result = run_new(tmp_path, str(source), "--topic", "ridge")
    assert result.returncode == 0, result.stderr
    assert re.findall(r"^  (.+?) \(id: ", result.stdout, re.MULTILINE) == ["Republic of Tajikistan"], result.stdout


def test_a_registered_id_under_another_name_is_offered_as_an_alias(tmp_path: Path) -> None:
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    source = tmp_path / "alias.txt"
    source.write_text(
        "The Beta Land Government said on Monday that its troops had held their positions.\n", encoding="utf-8"
    )
    parties = corpus / "parties.yaml"
    parties.write_text(
        parties.read_text(encoding="utf-8") + "  - id: beta-land-government\n"
        "    name: Government of Beta Land\n    kind: government\n"
        "    description: The government of Beta Land.\n",
        encoding="utf-8",
    )
    result = run_new(tmp_path, str(source), "--topic", "ridge")
    assert "Beta Land Government (an alias of beta-land-government?)" in result.stdout, result.stdout


def test_adjectives_of_countries_resolve_to_their_country() -> None:
    from generator.scaffold.speakers import demonym_of

    for adjective, country in [
        ("Kyrgyz", "Kyrgyzstan"),
        ("Tajik", "Tajikistan"),
        ("Thai", "Thailand"),
        ("French", "France"),
        ("Chinese", "China"),
        ("Afghan", "Afghanistan"),
        ("Pakistani", "Pakistan"),
        ("Armenian", "Armenia"),
        ("Iraqi", "Iraq"),
    ]:
        assert demonym_of(adjective, country), adjective
    for word, country in [("Niger", "Nigeria"), ("India", "India"), ("Thaw", "Thailand"), ("Fr", "France")]:
        assert not demonym_of(word, country), word


def test_a_text_of_thousands_of_claims_gets_a_scaffold_validation_can_read(tmp_path: Path) -> None:
    """A long text on one line: the scaffold lists the first claim candidates and says how many
    more there are, and a name's lines are cut short, so that the file stays far under the
    validator's size cap and reads as YAML."""
    from generator.scaffold.scaffold_yaml import MAX_CANDIDATES

    copy_corpus(MINI, tmp_path / "seeds")
    source = tmp_path / "long.txt"
    sentence = "Alpha's spokesman said that two soldiers of Beta were wounded near North Ridge. "
    source.write_text(sentence * (MAX_CANDIDATES + 100), encoding="utf-8")
    result = run_new(tmp_path, str(source))
    assert result.returncode == 0, result.stderr
    written = tmp_path / "seeds" / "documents" / "long.yaml"
    data = yaml.safe_load(written.read_text(encoding="utf-8"))
    assert len(data["claims"]) == MAX_CANDIDATES
    assert "marked draft (100 more not listed: see the file)" in result.stdout
    assert "# 100 more claim candidates, from line 1 on, are not listed" in written.read_text(encoding="utf-8")
    assert written.stat().st_size < 1_000_000
    assert max(map(len, written.read_text(encoding="utf-8").splitlines())) < 400


def test_new_with_a_translation_reads_claims_in_it_and_maps_them_back_to_the_original(tmp_path: Path) -> None:
    languages = Path(__file__).resolve().parent / "fixtures" / "languages"
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    original, translation = tmp_path / "แถลงการณ์.txt", tmp_path / "statement in English.txt"
    original.write_bytes((languages / "documents" / "alpha-statement.txt").read_bytes())
    translation.write_bytes((languages / "documents" / "alpha-statement.en.txt").read_bytes())

    result = run_new(tmp_path, str(original), "--topic", "ridge", "--language", "th", "--translation", str(translation))

    assert result.returncode == 0, result.stderr
    documents = corpus / "documents"
    # the id and file name are transliterated from the Thai file name
    (metadata,) = [path for path in documents.glob("*.yaml") if not (MINI / "documents" / path.name).exists()]
    assert re.fullmatch(r"[a-z0-9-]+\.yaml", metadata.name), metadata.name
    stem = metadata.stem
    assert (documents / f"{stem}.txt").read_bytes() == original.read_bytes()
    assert (documents / f"{stem}.en.txt").read_bytes() == translation.read_bytes()
    content = metadata.read_text(encoding="utf-8")
    data = yaml.safe_load(content)
    assert data["language"] == "th"
    assert data["translations"] == [{"text": f"{stem}.en.txt", "language": "en", "translator": {"outlet": "TODO"}}]
    claims = {c["quote_translated"]: c for c in data["claims"]}
    # the claim is read in the English, and the Thai paragraph at the same place is proposed
    assert claims["calls on Beta to cease fire at once"]["claimant"] == "alpha-government"
    assert claims["calls on Beta to cease fire at once"]["quote"] == "มีทหารได้รับบาดเจ็บสองนาย รัฐบาลอัลฟาขอให้เบตาหยุดยิงทันที"
    assert "paragraph 3 of the original" in content

    # where the paragraphs do not line up, it says so instead of guessing
    for path in documents.glob(f"{stem}.*"):
        path.unlink()
    original.write_text("แถลงการณ์รัฐบาลอัลฟา มีทหารได้รับบาดเจ็บสองนาย\n", encoding="utf-8")
    assert run_new(tmp_path, str(original), "--language", "th", "--translation", str(translation)).returncode == 0
    content = (documents / f"{stem}.yaml").read_text(encoding="utf-8")
    assert "quote: TODO  # not mapped back: the original has 1 paragraphs and the translation 3" in content


def test_new_refuses_a_language_code_it_does_not_know(tmp_path: Path) -> None:
    copy_corpus(MINI, tmp_path / "seeds")
    source = tmp_path / "report.txt"
    source.write_text(TEXT, encoding="utf-8")
    result = run_new(tmp_path, str(source), "--language", "thai")
    assert result.returncode == 2
    assert "--language 'thai' is not a language code" in result.stderr
    assert not (tmp_path / "seeds" / "documents" / "report.txt").exists()
