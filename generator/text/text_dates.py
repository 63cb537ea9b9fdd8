"""Dates a news sentence names, read as days: ``on 28 May``, ``July 25, 2025``, ``Wednesday``,
``yesterday``, ``in May``, ``last month``.

A sentence's dates are read against the day its copy was published (the *reference*): a
weekday is the last such day on or before it, a day and month without a year the nearest such
day up to two months after it (a statement of what will happen) or else before it, a month
the last such month.
What cannot be placed without a reference (a weekday, ``yesterday``) is skipped without one.
A day the calendar does not have (``31 April``, or ``29 February`` read in a year that has
none) is no date: ``days_not_in_calendar`` lists such words, so that they can be reported.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
_MONTH = (
    r"(?P<{0}>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_YEAR = r"(?:,?\s+(?P<{0}>(?:19|20)\d\d)\b)?"
_DAY = r"(?P<{0}>[0-3]?\d)(?:st|nd|rd|th)?"
_PATTERN = re.compile(
    "|".join(
        [
            rf"\b{_DAY.format('d1')}\s+(?:of\s+)?{_MONTH.format('m1')}(?![a-z]){_YEAR.format('y1')}",
            rf"\b{_MONTH.format('m2')}\s+{_DAY.format('d2')}\b(?!:){_YEAR.format('y2')}",
            r"\b(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)\b",
            r"\b(?i:in|since|during|early|late|mid-|mid|until|by|last|this|of)\s+"
            rf"{_MONTH.format('m3')}(?![a-z])(?!\s+\d){_YEAR.format('y3')}",
            rf"\b{_MONTH.format('m4')}\s+(?P<y4>(?:19|20)\d\d)\b",
            r"\b(?i:next)\s+(?P<next>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
            r"\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b",
            r"\b(?P<relative>(?i:yesterday|today|tonight|this morning|this afternoon|this evening|last night|"
            r"last week|last month|last year|earlier this month|earlier this week))\b",
        ]
    ),
)  # names of months and days only with their capital: "may", "march" and "sun" are words too


@dataclass(frozen=True)
class NamedDate:
    """A date a text names: its words, where they stand, and the days they cover."""

    words: str
    start: int
    first: dt.date
    last: dt.date

    def covers(self, first: dt.date, last: dt.date) -> bool:
        """Whether these days and ``first``–``last`` share a day."""
        return self.first <= last and first <= self.last

    def days_text(self) -> str:
        """``23 July 2025``, ``May 2025``, ``14–20 July 2025``."""
        if self.first == self.last:
            return f"{self.first.day} {self.first:%B %Y}"
        if self.first.day == 1 and self.last == _month_end(self.first.year, self.first.month):
            return f"{self.first:%B %Y}"
        return f"{self.first.day} {self.first:%B %Y} to {self.last.day} {self.last:%B %Y}"


# A cheap first look: most sentences name no date at all, and the full pattern, tried at
# every position of a text, made reading the dates of a corpus's quotes a third of validation.
_HINTS = tuple("jan feb mar apr may jun jul aug sep oct nov dec day night week month year".split())


def _may_name_a_date(text: str) -> bool:
    lowered = text.lower()
    return any(hint in lowered for hint in _HINTS) or _ISO.search(text) is not None


_ISO = re.compile(r"\d{4}-\d\d-\d\d")


def named_dates(text: str, reference: dt.date | None) -> list[NamedDate]:
    """Every date ``text`` names that can be placed, in the order they stand."""
    if not _may_name_a_date(text):
        return []
    found = []
    for match in _PATTERN.finditer(text):
        days = _days(match, reference)
        if days is not None:
            found.append(NamedDate(match[0], match.start(), *days))
    return found


@dataclass(frozen=True)
class NoSuchDay:
    """Words that name a day and month the calendar does not have in the year they are read in."""

    words: str
    year: int  # the year written, or the one the reference gives
    written: bool  # whether the text writes the year


def days_not_in_calendar(text: str, reference: dt.date | None) -> list[NoSuchDay]:
    """The days ``text`` names that no calendar has (``31 April``, ``2025-02-29``, ``29 February``
    read against a day of 2025), in the order they stand; a day of the month past 31 is no date."""
    if not _may_name_a_date(text):
        return []
    found = []
    for match in _PATTERN.finditer(text):
        groups = match.groupdict()
        if groups["iso"]:
            year, month, day = (int(part) for part in groups["iso"].split("-"))
            written = True
        else:
            suffix = next((s for s in "12" if groups[f"m{s}"]), None)
            if suffix is None:
                continue
            month = _MONTHS[groups[f"m{suffix}"].lower().rstrip(".")]
            day = int(groups[f"d{suffix}"])
            written = groups[f"y{suffix}"] is not None
            if written:
                year = int(groups[f"y{suffix}"])
            elif reference is not None:
                year = _year_of(day, month, reference)
            else:
                continue
        if 1 <= month <= 12 and 1 <= day <= 31 and day > calendar.monthrange(year, month)[1]:
            found.append(NoSuchDay(match[0], year, written))
    return found


def _days(match: re.Match[str], reference: dt.date | None) -> tuple[dt.date, dt.date] | None:
    groups = match.groupdict()
    if groups["iso"]:
        try:
            day = dt.date.fromisoformat(groups["iso"])
        except ValueError:
            return None
        return day, day
    for suffix in "12":
        if groups[f"m{suffix}"]:
            month = _MONTHS[groups[f"m{suffix}"].lower().rstrip(".")]
            day_of_month = int(groups[f"d{suffix}"])
            year = groups[f"y{suffix}"]
            return _day(day_of_month, month, int(year) if year else None, reference)
    for suffix in "34":
        if groups[f"m{suffix}"]:
            month = _MONTHS[groups[f"m{suffix}"].lower().rstrip(".")]
            year = groups[f"y{suffix}"]
            return _month(month, int(year) if year else None, reference)
    if reference is None:
        return None
    if groups["next"]:
        ahead = (_WEEKDAYS[groups["next"].lower()] - reference.weekday()) % 7 or 7
        try:
            day = reference + dt.timedelta(days=ahead)
        except OverflowError:
            return None
        return day, day
    if groups["weekday"]:
        back = (reference.weekday() - _WEEKDAYS[groups["weekday"].lower()]) % 7
        day = reference - dt.timedelta(days=back)
        return day, day
    return _relative(groups["relative"].lower(), reference)


AHEAD = dt.timedelta(days=62)  # a day and month up to two months after the copy are ahead ("will meet on 1 August")


def _year_of(day: int, month: int, reference: dt.date) -> int:
    """The year of a day and month written without one: that of the last such day on or
    before two months after ``reference`` (``29 February`` is read so too, in whatever year
    that gives: one with no 29 February leaves the words unplaced, not moved to another)."""
    ahead = reference + AHEAD if reference < dt.date.max - AHEAD else dt.date.max
    return ahead.year if (month, day) <= (ahead.month, ahead.day) else ahead.year - 1


def _day(day: int, month: int, year: int | None, reference: dt.date | None) -> tuple[dt.date, dt.date] | None:
    if year is None:
        if reference is None:
            return None
        year = _year_of(day, month, reference)
    try:
        found = dt.date(year, month, day)
    except (ValueError, OverflowError):
        return None
    return found, found


def _month(month: int, year: int | None, reference: dt.date | None) -> tuple[dt.date, dt.date] | None:
    if year is None:
        if reference is None:
            return None
        year = reference.year if month <= reference.month else reference.year - 1
    return dt.date(year, month, 1), _month_end(year, month)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _relative(words: str, reference: dt.date) -> tuple[dt.date, dt.date]:
    day = dt.timedelta(days=1)
    if words in ("today", "tonight", "this morning", "this afternoon", "this evening"):
        return reference, reference
    if words in ("yesterday", "last night"):
        return reference - day, reference
    if words == "last week":
        return reference - 14 * day, reference - day
    if words == "earlier this week":
        return reference - 6 * day, reference
    if words == "earlier this month":
        return reference.replace(day=1), reference
    if words == "last month":
        previous = reference.replace(day=1) - day
        return previous.replace(day=1), previous
    return dt.date(reference.year - 1, 1, 1), dt.date(reference.year - 1, 12, 31)  # last year
