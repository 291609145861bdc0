"""What cakapd's replies need before callers can index them: the fields JSON leaves out at
their zero value filled in, int64 strings as ints, and the envelopes of a Connect server
stream taken apart."""

import json

from .errors import CakapError

# The flag of a Connect stream's last envelope (its end message: {} or {"error": ...}).
END_STREAM = 0x02


def to_int(value):
    return int(value) if value not in (None, "") else 0


def fill_hit(hit):
    """Fills the fields of a Candidate / VacancyHit that JSON leaves out at 0 (a worker at
    the vacancy's own location has distanceKm 0; a component may be worth 0), so callers
    can index them. The worker or vacancy itself is left as sent: a missing "nik" means
    it was not given or redacted."""
    hit.setdefault("score", 0.0)
    hit.setdefault("distanceKm", 0.0)
    for component in hit.setdefault("explanation", []):
        component.setdefault("name", "")
        component.setdefault("value", 0.0)
        component.setdefault("detail", "")
    return hit


def fill_count(count):
    """A figures Count: {"value": int, "suppressed": bool}. JSON leaves a zero count out
    ({}), and a partner's count from 1 to min_cell_size - 1 comes as {"suppressed": true}
    (value 0: the true value is not sent)."""
    count = count if isinstance(count, dict) else {}
    return {"value": to_int(count.get("value")), "suppressed": bool(count.get("suppressed"))}


def fill_entry(entry):
    """A LedgerEntry with its scalars present (seq and corrects as ints) and its
    placement or outcome filled; the one of the two that is not this entry's is absent."""
    entry.setdefault("workerId", "")
    entry["seq"] = to_int(entry.get("seq"))
    entry.setdefault("recordedAt", "")
    entry.setdefault("source", "")
    entry["corrects"] = to_int(entry.get("corrects"))
    entry.setdefault("withdrawn", False)
    if "placement" in entry:
        p = entry["placement"]
        for key in ("kind", "vacancyId", "employer", "date"):
            p.setdefault(key, "")
    if "outcome" in entry:
        o = entry["outcome"]
        o["placementSeq"] = to_int(o.get("placementSeq"))
        o.setdefault("kind", "")
        o.setdefault("afterMonths", 0)
        o.setdefault("date", "")
        o.setdefault("reason", "")
    return entry


def envelopes(buffer):
    """Takes every complete Connect envelope off the front of `buffer` (a bytearray):
    yields (flags, payload bytes) and leaves an incomplete one where it is, for more
    bytes to complete."""
    while len(buffer) >= 5:
        length = int.from_bytes(buffer[1:5], "big")
        if len(buffer) < 5 + length:
            return
        flags, payload = buffer[0], bytes(buffer[5:5 + length])
        del buffer[:5 + length]
        yield flags, payload


def stream_message(payload):
    try:
        message = json.loads(payload)
    except ValueError as e:
        raise CakapError("internal", "stream message: not JSON (%s)" % e, http_status=200)
    if not isinstance(message, dict):
        raise CakapError("internal", "stream message: not a JSON object", http_status=200)
    return message
