"""Write a synthetic, briefing-like seed folder of N documents (deterministic for a seed).

Documents spread over several topics, with realistic text lengths; parties and
places are reused across documents and found through their aliases; each
document has claims pinned to verbatim quotes, answering topic questions and
sometimes disputing earlier claims; source chains of 1 to 4 hops; timeline
events. The result passes validation and has the layout of ``seeds/``.

    python scripts/synthetic_corpus.py OUT --documents 1000 [--seed 1]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from pathlib import Path

import yaml

SYLLABLES = [
    "ar",
    "bel",
    "cor",
    "dan",
    "el",
    "fen",
    "gor",
    "hal",
    "is",
    "jor",
    "kel",
    "lun",
    "mar",
    "nor",
    "os",
    "pel",
    "quin",
    "ros",
    "sar",
    "tal",
    "ur",
    "vel",
    "wen",
    "xan",
    "yor",
    "zel",
]
VERBS = ["said", "reported", "stated", "announced", "claimed"]
FILLER = [
    "Officials gave few details about the situation on the ground.",
    "Observers said the situation remained tense through the evening.",
    "The statement could not be independently verified.",
    "Talks between the two sides have stalled in recent months.",
    "Local residents described hearing heavy fire overnight.",
    "Diplomats urged both sides to show restraint and resume negotiations.",
    "The area has seen repeated incidents since the ceasefire.",
    "Neither side provided evidence for its account of events.",
]
DUMP = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class Names:
    """Unique, pronounceable names."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def new(self, parts: int = 3) -> str:
        while True:
            name = "".join(self.rng.choice(SYLLABLES) for _ in range(parts)).capitalize()
            if name not in self.used:
                self.used.add(name)
                return name


def build(out: Path, documents: int, seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    names = Names(rng)
    topics = max(2, min(8, documents // 1500 + 2))
    states = [names.new() for _ in range(8 + documents // 400)]
    parties, aliases_of = [], {}
    for state in states:
        sid = state.lower()
        capital = names.new()
        parties += [
            {
                "id": sid,
                "name": state,
                "kind": "state",
                "description": f"A state in the synthetic corpus, capital {capital}.",
            },
            {
                "id": f"{sid}-government",
                "name": f"Government of {state}",
                "kind": "government",
                "aliases": [f"government in {capital}"],
                "affiliation": sid,
                "description": f"The government of {state}.",
            },
            {
                "id": f"{sid}-mod",
                "name": f"Ministry of Defence of {state}",
                "kind": "government-body",
                "aliases": [f"{state}n defence ministry"],
                "affiliation": f"{sid}-government",
                "description": f"The defence ministry of {state}.",
            },
        ]
        leader = f"{names.new(2)} {names.new(3)}"
        parties.append(
            {
                "id": f"{sid}-leader",
                "name": leader,
                "kind": "person",
                "offices": [{"title": f"Leader of {state}", "since": "2020-01-01"}],
                "aliases": [leader.split()[1]],
                "affiliation": f"{sid}-government",
                "description": f"The leader of {state}.",
            }
        )
        aliases_of[sid] = capital
    places = []
    for index in range(40 + documents // 25):
        name = names.new()
        places.append(
            {
                "id": f"place-{index}",
                "name": name,
                "kind": rng.choice(["village", "city", "region"]),
                "coordinates": {"lat": round(rng.uniform(38, 42), 4), "lon": round(rng.uniform(43, 50), 4)},
                "aliases": [f"village of {name}"],
                "description": f"A place called {name}.",
            }
        )
    outlets = [
        {
            "id": f"outlet-{index}",
            "name": f"The {names.new()} {rng.choice(['Post', 'Times', 'Wire', 'Daily'])}",
            "kind": rng.choice(["newspaper", "news-website", "aggregator", "wire-agency"]),
        }
        for index in range(15 + documents // 200)
    ]
    for outlet in outlets[::3]:
        outlet["homepage"] = f"https://{outlet['id']}.example.org/"

    topic_data = []
    start = dt.date(2020, 1, 1)
    for t in range(topics):
        pair = rng.sample(states, 2)
        questions = [
            {"id": f"t{t}-q{q}", "text": f"Who is responsible for incident {q} between {pair[0]} and {pair[1]}?"}
            for q in range(30)
        ]
        events = []
        for e in range(25):
            day = start + dt.timedelta(days=rng.randrange(1400))
            events.append(
                {
                    "id": f"t{t}-event-{e}",
                    "date": day.isoformat(),
                    "title": f"Incident {e} between {pair[0]} and {pair[1]}",
                    "parties": [pair[0].lower(), pair[1].lower()],
                    "locations": [rng.choice(places)["id"]],
                    "sources": [{"url": f"https://example.org/t{t}/event/{e}"}],
                }
            )
        topic_data.append(
            {
                "id": f"topic-{t}",
                "title": f"The {pair[0]}–{pair[1]} dispute",
                "pair": pair,
                "summary": f"{pair[0]} and {pair[1]} dispute their border.",
                "background": [
                    {
                        "heading": "Origins",
                        "body": f"{pair[0]} and {pair[1]} have disputed their border for decades. *Talks* continue.",
                        "sources": [{"url": "https://example.org/origins"}],
                    }
                ],
                "questions": questions,
                "events": events,
            }
        )

    if out.exists():
        shutil.rmtree(out)
    (out / "documents").mkdir(parents=True)
    (out / "topics").mkdir()
    _dump(out / "parties.yaml", {"parties": parties})
    _dump(out / "locations.yaml", {"locations": places})
    _dump(out / "outlets.yaml", {"outlets": outlets})
    for topic in topic_data:
        _dump(out / "topics" / f"{topic['id']}.yaml", {k: v for k, v in topic.items() if k != "pair"})

    claims_so_far: dict[str, list[str]] = {}
    claim_count = 0
    for index in range(documents):
        topic = topic_data[index % topics]
        doc, text, claims = _document(rng, index, topic, places, outlets, aliases_of, claims_so_far)
        claim_count += len(claims)
        (out / "documents" / f"doc-{index:05d}.txt").write_text(text, encoding="utf-8")
        _dump(out / "documents" / f"doc-{index:05d}.yaml", doc)
    return {
        "documents": documents,
        "topics": topics,
        "parties": len(parties),
        "places": len(places),
        "outlets": len(outlets),
        "claims": claim_count,
    }


def _document(
    rng: random.Random,
    index: int,
    topic: dict,
    places: list,
    outlets: list,
    capitals: dict[str, str],
    claims_so_far: dict[str, list[str]],
) -> tuple[dict, str, list]:
    a, b = topic["pair"]
    place = rng.choice(places)
    day = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(1400))
    hops = rng.sample(outlets, rng.randint(1, 4))
    sentences = [
        f"{a} and {b} traded accusations on {day:%A} after an incident near {place['name']}, "
        f"{hops[0]['name']} reported."
    ]
    claims = []
    for n in range(rng.choice([1, 2, 2, 3])):
        side = rng.choice([a, b])
        speaker = rng.choice([f"The {side}n defence ministry", f"The government in {capitals[side.lower()]}", side])
        number = rng.randint(1, 60)
        quote = (
            f"{speaker} {rng.choice(VERBS)} that {number} soldiers were wounded near the village of "
            f"{place['name']} in incident {index}-{n}"
        )
        sentences.append(quote + ".")
        question = rng.choice(topic["questions"])["id"]
        claim = {
            "id": f"doc-{index:05d}-claim-{n}",
            "claimant": _claimant(side, speaker),
            "via": [hops[0]["id"]],
            "kind": "casualty-report",
            "question": question,
            "paraphrase": f"{side} reports {number} soldiers wounded.",
            "quote": quote,
            "subjects": [place["id"]],
            "status": rng.choice(["unverified", "disputed", "corroborated"]),
            "figure": {"value": number, "unit": "soldiers wounded", "as_of": day.isoformat()},
        }
        earlier = claims_so_far.get(question, [])
        if earlier and rng.random() < 0.5:
            claim["disputes"] = [rng.choice(earlier[-20:])]
        claims_so_far.setdefault(question, []).append(claim["id"])
        claims.append(claim)
    body = [rng.choice(FILLER) for _ in range(rng.randint(8, 22))]
    text = "\n".join(sentences + body + [f"Source: {hops[-1]['name']}"]) + "\n"
    chain = [
        {
            "outlet": hop["id"],
            "role": "original-reporting" if i == 0 else rng.choice(["republisher", "aggregator"]),
            **({"url": f"https://{hop['id']}.example.org/{index}"} if rng.random() < 0.6 else {}),
        }
        for i, hop in enumerate(hops)
    ]
    chain[0]["evidence"] = f"{hops[0]['name']} reported"
    doc = {
        "id": f"doc-{index:05d}",
        "title": f"{a} and {b} trade accusations over incident {index}",
        "topic": topic["id"],
        "text": f"doc-{index:05d}.txt",
        "language": "en",
        "kind": "news-article",
        "summary": f"{a} and {b} blamed each other for incident {index} near {place['name']}.",
        "event_date": day.isoformat(),
        "outlet": hops[-1]["id"],
        "chain": chain,
        "claims": claims,
        "boilerplate": [{"quote": f"Source: {hops[-1]['name']}", "kind": "source-line"}],
    }
    return doc, text, claims


def _claimant(side: str, speaker: str) -> str:
    sid = side.lower()
    if "defence ministry" in speaker:
        return f"{sid}-mod"
    if "government in" in speaker:
        return f"{sid}-government"
    return sid


def _dump(path: Path, data: dict) -> None:
    path.write_text(yaml.dump(data, Dumper=DUMP, allow_unicode=True, sort_keys=False), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write (replaced if it exists)")
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    counts = build(args.out, args.documents, args.seed)
    print("wrote " + ", ".join(f"{value} {key}" for key, value in counts.items()) + f" to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
