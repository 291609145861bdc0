"""Workers from CSV: the column mapping of Client.import_csv.

One row is one cakap.v1.Worker. Columns (header names, case-insensitive; every column is
optional except id; an empty cell leaves its field out):

    id                   Worker.id
    name, display_name   Worker.display_name
    nik                  Worker.nik
    phone, email         Worker.contact.phone / .email
    consent_to_share     Worker.contact.consent_to_share (true/false, 1/0, yes/no, ya/tidak)
    region_code          Worker.domicile.region_code ("63.11")
    kecamatan            Worker.domicile.kecamatan
    latitude, longitude  Worker.domicile.latitude / .longitude (has_coordinates is set when
                         both are given)
    travel_km            Worker.travel_km
    willing_to_relocate  Worker.willing_to_relocate (a boolean as above)
    skills               Worker.skills, separated by ";" ("LAS.SMAW; juru las")
    employment_status    seeking | employed | self_employed (or EMPLOYMENT_STATUS_...)
    available_from       Worker.available_from (YYYY-MM-DD)
    welfare_decile       Worker.welfare_decile (1-10)
    updated_at           Worker.updated_at (YYYY-MM-DD)

Certificates: columns cert_<field> for the first, cert2_<field>, cert3_<field>, ... for
more (cert1_<field> is the same as cert_<field>); a certificate is sent when any of its
cells is filled. <field> is one of
    issuer        BNSP | KEMNAKER | OTHER (or ISSUER_...)
    issuing_body, scheme, number
    skills        separated by ";"
    kkni_level    1-9
    issued_on, expires_on   YYYY-MM-DD

The server validates the values: a cell that is not a number or a boolean where one is
expected is sent as written, and cakapd rejects that row (with its reason) without
stopping the import. An unknown column raises ValueError before anything is sent.
"""

import re

_WORKER_COLUMNS = {
    "id": ("id", "str"),
    "name": ("displayName", "str"),
    "display_name": ("displayName", "str"),
    "nik": ("nik", "str"),
    "phone": ("contact.phone", "str"),
    "email": ("contact.email", "str"),
    "consent_to_share": ("contact.consentToShare", "bool"),
    "region_code": ("domicile.regionCode", "str"),
    "kecamatan": ("domicile.kecamatan", "str"),
    "latitude": ("domicile.latitude", "float"),
    "longitude": ("domicile.longitude", "float"),
    "travel_km": ("travelKm", "float"),
    "willing_to_relocate": ("willingToRelocate", "bool"),
    "skills": ("skills", "list"),
    "employment_status": ("employmentStatus", "employment"),
    "available_from": ("availableFrom", "str"),
    "welfare_decile": ("welfareDecile", "int"),
    "updated_at": ("updatedAt", "str"),
}

_CERT_COLUMNS = {
    "issuer": ("issuer", "issuer"),
    "issuing_body": ("issuingBody", "str"),
    "scheme": ("scheme", "str"),
    "number": ("number", "str"),
    "skills": ("skills", "list"),
    "kkni_level": ("kkniLevel", "int"),
    "issued_on": ("issuedOn", "str"),
    "expires_on": ("expiresOn", "str"),
}

_CERT = re.compile(r"^cert(\d*)_(.+)$")

_TRUE = {"true", "1", "yes", "y", "ya"}
_FALSE = {"false", "0", "no", "n", "tidak"}


def _convert(kind, text):
    """The JSON value of a cell; a cell that does not parse is passed on as written."""
    if kind == "str":
        return text
    if kind == "list":
        return [s.strip() for s in text.split(";") if s.strip()]
    if kind == "bool":
        low = text.lower()
        return True if low in _TRUE else False if low in _FALSE else text
    if kind == "float":
        try:
            return float(text)
        except ValueError:
            return text
    if kind == "int":
        try:
            return int(text)
        except ValueError:
            return text
    if kind == "employment":
        upper = text.upper()
        return upper if upper.startswith("EMPLOYMENT_STATUS_") else "EMPLOYMENT_STATUS_" + upper
    if kind == "issuer":
        upper = text.upper()
        return upper if upper.startswith("ISSUER_") else "ISSUER_" + upper
    raise AssertionError(kind)


def _set(message, path, value):
    *parents, leaf = path.split(".")
    for p in parents:
        message = message.setdefault(p, {})
    message[leaf] = value


class CsvMapping:
    """The mapping of one CSV header; worker(row) turns a row (a dict) into a Worker."""

    def __init__(self, header):
        self._columns = []  # (column name as in the header, target)
        unknown = []
        for name in header:
            key = (name or "").strip().lower()
            if key in _WORKER_COLUMNS:
                path, kind = _WORKER_COLUMNS[key]
                self._columns.append((name, (None, path, kind)))
                continue
            m = _CERT.match(key)
            if m and m.group(2) in _CERT_COLUMNS:
                index = int(m.group(1) or "1") - 1
                if index < 0:
                    unknown.append(name)
                    continue
                path, kind = _CERT_COLUMNS[m.group(2)]
                self._columns.append((name, (index, path, kind)))
                continue
            unknown.append(name)
        if unknown:
            raise ValueError("CSV header: unknown column(s) %s; known: %s, cert[N]_{%s}" % (
                ", ".join(repr(u) for u in unknown), ", ".join(sorted(_WORKER_COLUMNS)),
                ",".join(sorted(_CERT_COLUMNS))))
        if not any(target[1] == "id" and target[0] is None for _, target in self._columns):
            raise ValueError("CSV header: no id column")

    def worker(self, row):
        worker = {}
        certs = {}
        for name, (cert, path, kind) in self._columns:
            text = (row.get(name) or "").strip()
            if not text:
                continue
            value = _convert(kind, text)
            if cert is None:
                _set(worker, path, value)
            else:
                certs.setdefault(cert, {})[path] = value
        domicile = worker.get("domicile", {})
        if "latitude" in domicile and "longitude" in domicile:
            domicile["hasCoordinates"] = True
        if certs:
            worker["certificates"] = [certs[i] for i in sorted(certs)]
        return worker
