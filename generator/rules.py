"""Every rule the validator applies: its id, what it checks, a wrong and a right
example, and the fix. The checks report problems under these ids (reporting an
id that is not here fails at once), and the site's rules page is written from
this table, so the documentation cannot drift from the checks.

Every rule is an error: a run with any problem publishes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    id: str
    group: str
    checks: str  # what the rule checks, one sentence
    wrong: str  # YAML (or a file listing) that breaks the rule
    right: str  # the same, fixed
    fix: str

    def as_text(self) -> str:
        """The rule for a terminal."""

        def block(example: str) -> str:
            return "".join(f"\n      {line}" for line in example.split("\n"))

        return (
            f"{self.id} ({self.group})\n  {self.checks}\n  wrong:{block(self.wrong)}\n  right:{block(self.right)}"
            f"\n  fix: {self.fix}"
        )


FILES, YAML, FIELDS, REFERENCES, QUOTES, SOURCES, PLACES, NAMES, DRAFTS = (
    "Files",
    "YAML",
    "Fields and values",
    "References between files",
    "Quotes and texts",
    "Source chains and graphs",
    "Places",
    "Names and aliases",
    "Unfinished work",
)

_RULES = [
    # -- files ------------------------------------------------------------------
    Rule(
        "missing-file",
        FILES,
        "Each registry file (parties.yaml, locations.yaml, outlets.yaml) exists.",
        "seeds/\n  parties.yaml\n  locations.yaml",
        "seeds/\n  parties.yaml\n  locations.yaml\n  outlets.yaml",
        "Create the file with its top-level list, for example `outlets:` followed by `- id: ...` items.",
    ),
    Rule(
        "unexpected-file",
        FILES,
        "Every file in the seed folder is one the generator reads.",
        "seeds/parties.yml.bak",
        "seeds/parties.yaml",
        "Rename the file to what it should be, or move it out of the seed folder.",
    ),
    Rule(
        "orphan-text",
        FILES,
        "Each `.txt` file in `documents/` is named by a document's `text:` field.",
        "documents/report.txt   # no metadata names it",
        "documents/report.txt\ndocuments/report.yaml   # text: report.txt",
        "Run `python -m generator new documents/report.txt` to write its metadata, or name it in `text:`.",
    ),
    Rule(
        "missing-text",
        FILES,
        "The text a document names in `text:` exists next to its metadata.",
        "text: reprot.txt",
        "text: report.txt",
        "Fix the file name, or put the verbatim text there.",
    ),
    Rule(
        "empty-text",
        FILES,
        "A document's text file holds text.",
        "documents/report.txt   # 0 bytes",
        "documents/report.txt   # the verbatim text",
        "Paste the verbatim text of the document into the file.",
    ),
    Rule(
        "case-collision",
        FILES,
        "No two files differ only in upper and lower case.",
        "documents/Report.yaml\ndocuments/report.yaml",
        "documents/report.yaml",
        "Rename one of them: on Windows and macOS they are the same file.",
    ),
    Rule(
        "unsafe-path",
        FILES,
        "No file or folder of the seed is a symbolic link.",
        "documents/report.txt -> /etc/passwd",
        "documents/report.txt   # the file itself",
        "Replace the link by the file itself.",
    ),
    Rule(
        "file-too-large",
        FILES,
        "No metadata or text file is over the size limit (10 MB).",
        "documents/archive.txt   # 50 MB",
        "documents/archive-part-1.txt   # one document per file",
        "Split the file into the documents it holds.",
    ),
    Rule(
        "encoding",
        FILES,
        "Every file is UTF-8.",
        "name: Wire \\xe9 One   # saved as Latin-1",
        "name: Wire é One   # saved as UTF-8",
        "Save the file as UTF-8 in your editor.",
    ),
    # -- YAML ---------------------------------------------------------------------
    Rule(
        "yaml-syntax",
        YAML,
        "The file is plain YAML: quoted where needed, indented with spaces, brackets and "
        "quotes closed, no aliases or tags.",
        "title: Galwan: a clash",
        "title: 'Galwan: a clash'",
        "Follow the hint: it names the mistake (an unquoted colon, a tab, an unclosed bracket or quote, a list "
        "item or key at the wrong depth) where it was made.",
    ),
    Rule(
        "yaml-key",
        YAML,
        "Every key is a plain name.",
        "1: first\ntrue: yes",
        "first: 1",
        "Write keys as simple names such as `name:`.",
    ),
    Rule(
        "duplicate-key",
        YAML,
        "No key is given twice in one mapping.",
        "- id: alpha\n  name: Alpha\n  name: Alphaland",
        "- id: alpha\n  name: Alpha\n  aliases: [Alphaland]",
        "Merge the two entries into one: YAML would keep only the last value.",
    ),
    # -- fields -------------------------------------------------------------------
    Rule(
        "schema",
        FIELDS,
        "A registry file holds a mapping with its one top-level list.",
        "- id: alpha\n  name: Alpha",
        "parties:\n  - id: alpha\n    name: Alpha",
        "Start the file with its list's name, for example `parties:`, and indent the items under it.",
    ),
    Rule(
        "missing-field",
        FIELDS,
        "Every required field is present.",
        "- id: alpha\n  kind: state",
        "- id: alpha\n  name: Alpha\n  kind: state",
        "Add the field; the input model page lists what each needs.",
    ),
    Rule(
        "unknown-field",
        FIELDS,
        "Every field is one the input model defines.",
        "- id: alpha\n  knd: state",
        "- id: alpha\n  kind: state",
        "Fix the spelling (the hint suggests the closest field) or remove the field.",
    ),
    Rule(
        "invalid-value",
        FIELDS,
        "Every value has the type and form its field takes: ids, dates, URLs, "
        "kinds from their list, numbers, coordinates.",
        "kind: goverment\nevent_date: 2024-02-30",
        "kind: government\nevent_date: 2024-02-29",
        "Follow the hint; the input model page lists each field's form.",
    ),
    Rule(
        "duplicate-id",
        FIELDS,
        "Each id is used once: parties, places and outlets share one set of ids; topics, "
        "documents, claims, questions and events each have their own.",
        "parties:\n  - id: reuters   # already an outlet's id",
        "parties:\n  - id: reuters-foundation",
        "Give the entry reported its own id. The entry reported is the one just written (changed in the git "
        "work tree), or else the later one; the other keeps the id.",
    ),
    Rule(
        "unfinished",
        DRAFTS,
        "No value still holds the `TODO` placeholder that `new` writes.",
        "claimant: TODO  # who makes the claim",
        "claimant: armenia-mod",
        "Replace the TODO with the real value.",
    ),
    Rule(
        "draft-claim",
        DRAFTS,
        "No claim is still marked as a draft found by `new`.",
        "- id: azerbaijan-soldier-killed\n  draft: true",
        "- id: azerbaijan-soldier-killed",
        "Check the claim against the text, then delete `draft: true` (or the whole claim if it is not one).",
    ),
    # -- references -----------------------------------------------------------------
    Rule(
        "unknown-reference",
        REFERENCES,
        "Every id a field names exists (a party, place, outlet, topic, question, document, claim or hop).",
        "claimant: armenia-mdo",
        "claimant: armenia-mod",
        "Fix the id (the hint suggests the closest ones) or define the entry first.",
    ),
    Rule(
        "wrong-reference",
        REFERENCES,
        "An id names the kind of entry its field expects.",
        "subjects: [reuters]   # an outlet",
        "subjects: [armenia-mod]   # a party",
        "Use the id of the kind the field expects.",
    ),
    Rule(
        "self-reference",
        REFERENCES,
        "A claim does not dispute or support itself.",
        "- id: a-says-x\n  disputes: [a-says-x]",
        "- id: a-says-x\n  disputes: [b-denies-x]",
        "Name another claim's id.",
    ),
    Rule(
        "cycle",
        REFERENCES,
        "Affiliations and parent places do not lead back to where they start.",
        "- id: alpha\n  affiliation: alpha-government\n- id: alpha-government\n  affiliation: alpha",
        "- id: alpha\n- id: alpha-government\n  affiliation: alpha",
        "Remove one link of the loop.",
    ),
    Rule(
        "date-order",
        REFERENCES,
        "A claim is not dated after the copy it is quoted from was published.",
        "published: 2024-03-02\nclaims:\n  - date: 2024-03-20",
        "published: 2024-03-02\nclaims:\n  - date: 2024-03-01",
        "Check the year, month and day.",
    ),
    # -- quotes ---------------------------------------------------------------------------
    Rule(
        "quote-not-found",
        QUOTES,
        "Each quote (of a claim, a hop's evidence, a boilerplate passage) occurs in "
        "the document's text, word for word.",
        "quote: Beta's troops fired first   # the text says 'opened fire'",
        "quote: Beta's troops opened fire first",
        "Copy the passage from the text file; the hint shows the closest passage.",
    ),
    Rule(
        "quote-ambiguous",
        QUOTES,
        "Each quote occurs once in its text, so that it marks one place.",
        "quote: said   # occurs 12 times",
        "quote: said Beta's troops fired first",
        "Lengthen the passage until it occurs once.",
    ),
    # -- sources ---------------------------------------------------------------------------
    Rule(
        "chain-end",
        SOURCES,
        "A document's chain ends with the outlet whose copy is held (its `outlet`).",
        "outlet: site-two\nchain:\n  - outlet: wire-one",
        "outlet: site-two\nchain:\n  - outlet: wire-one\n  - outlet: site-two",
        "Add the outlet of the copy held as the last hop.",
    ),
    Rule(
        "hop-without-source",
        SOURCES,
        "Every hop that is not an original draws on another hop.",
        "- outlet: site-two\n  role: republisher\n  drew_on: []",
        "- outlet: site-two\n  role: republisher\n  drew_on: [wire-one]",
        "Name the hops it drew on, or give it the role `original-reporting` if it reported the story itself.",
    ),
    Rule(
        "original-draws-on",
        SOURCES,
        "An original hop (`original-reporting`, `wire`) draws on no other hop.",
        "- outlet: site-two\n  role: original-reporting\n  drew_on: [wire-one]",
        "- outlet: site-two\n  role: own-reporting\n  drew_on: [wire-one]",
        "Use the role `own-reporting` for a story built on others' reporting.",
    ),
    Rule(
        "source-cycle",
        SOURCES,
        "Hops do not draw on themselves or on each other in a loop.",
        "- outlet: a\n  drew_on: [b]\n- outlet: b\n  drew_on: [a]",
        "- outlet: a\n- outlet: b\n  drew_on: [a]",
        "Remove one `drew_on` link of the loop.",
    ),
    Rule(
        "unreachable-hop",
        SOURCES,
        "Every hop leads to the copy held: a later hop draws on it.",
        "- outlet: wire-one\n- outlet: blog\n- outlet: site-two\n  drew_on: [wire-one]",
        "- outlet: wire-one\n- outlet: blog\n  drew_on: [wire-one]\n- outlet: site-two\n  drew_on: [blog]",
        "Add the hop to the `drew_on` list of the hop that used it, or remove it.",
    ),
    Rule(
        "duplicate-hop",
        SOURCES,
        "An outlet is one hop of a document's graph.",
        "- outlet: wire-one\n- outlet: wire-one",
        "- outlet: wire-one",
        "Keep one hop and name all its sources in its `drew_on`.",
    ),
    Rule(
        "via-required",
        SOURCES,
        "In a document drawing on several originals, each claim says which hops carried it.",
        "- id: a-says-x\n  claimant: alpha",
        "- id: a-says-x\n  claimant: alpha\n  via: [wire-one]",
        "Add `via: [...]` naming the hop or hops the claim can be traced to.",
    ),
    # -- places -------------------------------------------------------------------------------
    Rule(
        "geometry-far",
        PLACES,
        "A place's line or area lies near its coordinates.",
        "coordinates: {lat: 41.0, lon: 45.5}\ngeometry: {type: LineString, coordinates: [[41.0, 45.5], [41.1, 45.6]]}",
        "coordinates: {lat: 41.0, lon: 45.5}\ngeometry: {type: LineString, coordinates: [[45.5, 41.0], [45.6, 41.1]]}",
        "GeoJSON writes each position longitude first; check the order and the coordinates.",
    ),
    # -- names ---------------------------------------------------------------------------------
    Rule(
        "ambiguous-alias",
        NAMES,
        "A name or alias stands for one entity, so that a mention links to one page.",
        "- id: alpha\n  aliases: [Government]\n- id: alpha-government\n  name: Government",
        "- id: alpha\n  aliases: [Alphaland]\n- id: alpha-government\n  name: Government of Alpha",
        "Remove the alias from one of them, or make it longer.",
    ),
    Rule(
        "alias-too-common",
        NAMES,
        "An alias is not too short or too common a word to stand for one entity.",
        "aliases: [the]",
        "aliases: [the Alphan government]",
        "Use a longer form that only this entity goes by.",
    ),
]

RULES: dict[str, Rule] = {rule.id: rule for rule in _RULES}
GROUPS: tuple[str, ...] = tuple(dict.fromkeys(rule.group for rule in _RULES))
