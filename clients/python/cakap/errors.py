"""CakapError: what every failed call raises."""

import json
import re

# A field path as cakapd writes it at the start of a message: snake_case segments with
# optional indexes ("vacancy.radius_km", "certificates[0].kkni_level"). "request body: ..."
# or "Content-Type: ..." name no field.
_SEGMENT = r"[a-z_][a-z0-9_]*(?:\[\d+\])*"
_FIELD = re.compile(r"^(%s(?:\.%s)*): " % (_SEGMENT, _SEGMENT))

# The code the Connect protocol gives a reply that carries no Connect error body.
_CODE_OF_HTTP_STATUS = {
    400: "internal",
    401: "unauthenticated",
    403: "permission_denied",
    404: "unimplemented",
    429: "unavailable",
    502: "unavailable",
    503: "unavailable",
    504: "unavailable",
}


def field_of(message):
    """The field path `message` starts with, or None."""
    m = _FIELD.match(message)
    return m.group(1) if m else None


class CakapError(Exception):
    """A call that did not succeed.

    code:        the Connect code ("invalid_argument", "not_found", "unauthenticated", ...)
    message:     the server's message, e.g. "options.page_size: 100000 is not in [0, 200]"
    field:       the field path the message names ("options.page_size"), or None
    http_status: the HTTP status of the reply; 0 when none came (connection refused,
                 TLS failure, client-side timeout)
    """

    def __init__(self, code, message, field=None, http_status=0):
        super().__init__("%s: %s" % (code, message))
        self.code = code
        self.message = message
        self.field = field if field is not None else field_of(message)
        self.http_status = http_status

    @classmethod
    def from_reply(cls, http_status, body):
        """The error of a non-200 reply: its Connect error body, or the status's code."""
        try:
            error = json.loads(body)
        except ValueError:
            error = None
        if isinstance(error, dict) and isinstance(error.get("code"), str):
            return cls(error["code"], str(error.get("message", "")), http_status=http_status)
        text = body.decode("utf-8", "replace").strip()[:200] if isinstance(body, bytes) else ""
        code = _CODE_OF_HTTP_STATUS.get(http_status, "unknown")
        return cls(code, "HTTP %d%s" % (http_status, ": " + text if text else ""),
                   http_status=http_status)
