"""schema.org JSON-LD for each page, so search engines and fact-check tools read it.

Only schema.org terms are used. The JSON is embedded in a ``<script>`` element;
``<``, ``>`` and ``&`` are written as JSON escapes so no text from the data can
close the element.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from generator import inputs
from generator.model.entries import ClaimEntry
from generator.model.site import Site, current
from generator.render.inline import html
from generator.validate.corpus import SourceDocument

CONTEXT = "https://schema.org"
_PARTY_TYPES = {
    "person": "Person",
    "state": "Country",
    "government": "GovernmentOrganization",
    "government-body": "GovernmentOrganization",
    "armed-forces": "GovernmentOrganization",
}
_NEWS_OUTLETS = {"wire-agency", "newspaper", "broadcaster", "news-website"}


def script(data: dict[str, Any]) -> Markup:
    """The JSON-LD element, safe to embed in HTML."""
    text = json.dumps({"@context": CONTEXT, **data}, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return html('<script type="application/ld+json">\n{}\n</script>', Markup(text))  # escaped above, for JSON


def _wikidata(wikidata: str | None) -> dict[str, Any]:
    return {"sameAs": f"https://www.wikidata.org/wiki/{wikidata}"} if wikidata else {}


def party(site: Site, entity: inputs.Party) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@type": _PARTY_TYPES.get(entity.kind, "Organization"),
        "name": entity.name,
        "description": entity.description,
        **_wikidata(entity.wikidata),
    }
    if entity.aliases:
        data["alternateName"] = entity.aliases
    if entity.affiliation:
        parent = site.corpus.parties[entity.affiliation]
        key = "affiliation" if entity.kind == "person" else "parentOrganization"
        if entity.kind != "state":
            data[key] = {"@type": _PARTY_TYPES.get(parent.kind, "Organization"), "name": parent.name}
    held = current(entity.offices)
    if held and entity.kind == "person":
        data["jobTitle"] = [office.title for office in held] if len(held) > 1 else held[0].title
    return data


def place(site: Site, entity: inputs.Location) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@type": "Place",
        "name": entity.name,
        "description": entity.description,
        "geo": {"@type": "GeoCoordinates", "latitude": entity.coordinates.lat, "longitude": entity.coordinates.lon},
        **_wikidata(entity.wikidata),
    }
    if entity.aliases:
        data["alternateName"] = entity.aliases
    if entity.parents:
        data["containedInPlace"] = [{"@type": "Place", "name": site.corpus.locations[p].name} for p in entity.parents]
    return data


def outlet(entity: inputs.Outlet) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@type": "NewsMediaOrganization" if entity.kind in _NEWS_OUTLETS else "Organization",
        "name": entity.name,
    }
    if entity.homepage:
        data["url"] = entity.homepage
    if entity.notes:
        data["description"] = entity.notes
    return data


def _actor(site: Site, entity_id: str) -> dict[str, Any]:
    if entity_id in site.corpus.parties:
        entity = site.corpus.parties[entity_id]
        return {"@type": _PARTY_TYPES.get(entity.kind, "Organization"), "name": entity.name}
    return {"@type": "Organization", "name": site.entity_name(entity_id)}


BASED_ON_LIMIT = 20  # of a chain of thousands of hops, the first; the data files hold every hop


def news_article(site: Site, document: SourceDocument) -> dict[str, Any]:
    meta = document.meta
    data: dict[str, Any] = {
        "@type": "NewsArticle",
        "headline": meta.title,
        "description": meta.summary,
        "inLanguage": meta.language,
        "publisher": _actor(site, meta.outlet),
        "temporalCoverage": meta.event_date.isoformat(),
        "isBasedOn": [_hop(site, hop) for hop in meta.chain[:-1][:BASED_ON_LIMIT]],
        "mentions": [
            {"@type": "Place", "name": site.entity_name(e)} if e in site.corpus.locations else _actor(site, e)
            for e in sorted({m.entity for m in site.mentions[meta.id]})
        ],
    }
    if meta.author:
        data["author"] = {"@type": "Person", "name": meta.author}
    if meta.published:
        data["datePublished"] = meta.published.isoformat()
    if meta.url:
        data["url"] = meta.url
    if meta.translations:
        data["workTranslation"] = [_translation(site, t) for t in meta.translations]
    # the copy held came through a translation of an earlier hop in another language (an agency's
    # English version of a Thai statement): the hops in that language are what it translates
    translating = any(hop.role == "translation" for hop in meta.chain)
    translated = [hop for hop in meta.chain[:-1][:BASED_ON_LIMIT] if hop.language not in (None, meta.language)]
    if translating and translated:
        data["translationOfWork"] = [_hop(site, hop) for hop in translated]
    return data


def _translation(site: Site, translation: inputs.Translation) -> dict[str, Any]:
    by = translation.translator
    translator: dict[str, Any]
    if by.outlet is not None:
        translator = _actor(site, by.outlet)
    elif by.party is not None:
        translator = _actor(site, by.party)
    elif by.person is not None:
        translator = {"@type": "Person", "name": by.person}
    elif by.machine is not None:
        translator = {"@type": "SoftwareApplication", "name": by.machine}
    else:
        translator = {}
    data: dict[str, Any] = {"@type": "CreativeWork", "inLanguage": translation.language}
    if translator:
        data["translator"] = translator
    if translation.date:
        data["datePublished"] = translation.date.isoformat()
    if translation.url:
        data["url"] = translation.url
    return data


def _hop(site: Site, hop: inputs.Hop) -> dict[str, Any]:
    data: dict[str, Any] = {"@type": "CreativeWork", "publisher": _actor(site, hop.outlet)}
    if hop.url:
        data["url"] = hop.url
    if hop.date:
        data["datePublished"] = hop.date.isoformat()
    if hop.language:
        data["inLanguage"] = hop.language
    return data


def claim(site: Site, entry: ClaimEntry) -> dict[str, Any]:
    document = entry.document.meta
    quote = entry.quote
    appearance: dict[str, Any] = {
        "@type": "NewsArticle",
        "headline": document.title,
        "text": quote,
        "publisher": _actor(site, document.outlet),
    }
    if document.url:
        appearance["url"] = document.url
    data: dict[str, Any] = {
        "@type": "Claim",
        "text": entry.claim.paraphrase,
        "author": (
            {"@type": "Person", "name": entry.claim.unnamed_source}
            if entry.claim.unnamed_source is not None or entry.claim.claimant is None
            else _actor(site, entry.claim.claimant)
        ),
        "appearance": appearance,
        "about": [
            _actor(site, s) if s in site.corpus.parties else {"@type": "Place", "name": site.entity_name(s)}
            for s in entry.claim.subjects
        ],
    }
    if entry.said.on is not None:
        data["dateCreated"] = entry.said.on.isoformat()
    if entry.events is not None:
        first, last = entry.events
        data["temporalCoverage"] = first.isoformat() + (f"/{last.isoformat()}" if last and last != first else "")
    return data
