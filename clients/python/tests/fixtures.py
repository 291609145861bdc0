"""The test data (the same as the PHP client's): welders around Kabupaten Balangan (63.11)
and Banjarmasin (63.71). Four welders satisfy VACANCY; with BNSP required only w-1 does,
and w-4 (BNSP certificate expired) is its near miss."""

import json

WORKERS = [
    {"id": "w-1", "displayName": "Ahmad Fauzi", "nik": "6311010101900001",
     "contact": {"phone": "+6281200000001", "email": "ahmad@example.org"},
     "domicile": {"regionCode": "63.11", "kecamatan": "Paringin"},
     "skills": ["welder", "las smaw"],
     "certificates": [{"issuer": "ISSUER_BNSP", "issuingBody": "LSP Las Indonesia",
                       "skills": ["LAS.SMAW"], "kkniLevel": 3,
                       "issuedOn": "2025-01-10", "expiresOn": "2040-01-10"}],
     "employmentStatus": "EMPLOYMENT_STATUS_SEEKING", "welfareDecile": 2},
    {"id": "w-2", "displayName": "Siti Rahma", "nik": "6311014502920002",
     "domicile": {"regionCode": "63.11", "latitude": -2.33, "longitude": 115.6,
                  "hasCoordinates": True},
     "skills": ["LAS.GMAW"], "employmentStatus": "EMPLOYMENT_STATUS_SEEKING", "welfareDecile": 7},
    {"id": "w-3", "displayName": "Budi Santoso", "domicile": {"regionCode": "63.71"},
     "skills": ["juru las", "LAS.GTAW"], "willingToRelocate": True},
    {"id": "w-4", "displayName": "Rudi Hartono", "domicile": {"regionCode": "63.11"},
     "skills": ["welder"],
     "certificates": [{"issuer": "ISSUER_BNSP", "skills": ["LAS.SMAW"], "kkniLevel": 3,
                       "issuedOn": "2019-01-10", "expiresOn": "2022-01-10"}]},
    {"id": "w-5", "displayName": "Dewi Lestari", "domicile": {"regionCode": "63.11"},
     "skills": ["juru masak"]},
]

BAD_WORKER = {"id": "w-bad", "domicile": {"latitude": 95, "longitude": 115, "hasCoordinates": True},
              "skills": ["welder"]}

VACANCY = {"id": "v-welder", "employer": "PT Contoh Konstruksi", "title": "Welder SMAW",
           "requiredSkills": ["LAS"], "preferredSkills": ["LAS.SMAW"],
           "location": {"regionCode": "63.11"}, "radiusKm": 300.0, "openings": 2, "open": True}

BNSP_VACANCY = dict(VACANCY, id="", acceptedIssuers=["ISSUER_BNSP"])


def jsonl():
    """WORKERS as JSON Lines with BAD_WORKER at index 2 and a line that is no JSON at 6."""
    lines = [json.dumps(w) for w in WORKERS]
    lines.insert(2, json.dumps(BAD_WORKER))
    lines.append('{"id": "w-broken", ')
    return "\n".join(lines) + "\n"

# The same people as CSV (the column mapping of cakap.csv_workers), ids prefixed "c-", and
# a row whose latitude is no number (rejected by cakapd at index 2, CSV line 4).
CSV = """id,name,nik,phone,email,consent_to_share,region_code,latitude,longitude,skills,\
employment_status,welfare_decile,cert_issuer,cert_skills,cert_kkni_level,cert_issued_on,\
cert_expires_on,cert2_issuer,cert2_skills,cert2_issued_on
c-1,Ahmad Fauzi,6311010101900001,+6281200000001,ahmad@example.org,ya,63.11,,,welder; las smaw,\
seeking,2,BNSP,LAS.SMAW,3,2025-01-10,2040-01-10,KEMNAKER,LAS.GMAW,2025-02-01
c-2,Siti Rahma,,,,,63.11,-2.33,115.6,LAS.GMAW,seeking,7,,,,,,,,
c-bad,Salah,,,,,63.11,utara,115.6,welder,,,,,,,,,,
c-3,"Budi, Santoso",,,,no,63.71,,,juru las;LAS.GTAW,self_employed,,,,,,,,,
"""
