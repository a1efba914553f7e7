# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""Webhook payloads: parse one into its event model, after checking its
signature the Standard Webhooks way (``webhook-id``, ``webhook-timestamp``
and ``webhook-signature`` headers, HMAC-SHA256 of ``id.timestamp.payload``)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from typing import Any, Mapping, Optional, Union

from ._exceptions import BoltzError

__all__ = ["WebhookVerificationError", "verify", "parse"]

#: How far a webhook's timestamp may be from now, in seconds (replayed payloads are refused).
TOLERANCE = 5 * 60


class WebhookVerificationError(BoltzError):
    """A webhook payload whose signature does not check out (or that is too old)."""


def verify(
    payload: str,
    headers: Mapping[str, str],
    key: Union[str, bytes],
    *,
    now: Optional[float] = None,
) -> None:
    """Raise :class:`WebhookVerificationError` unless ``payload`` was signed with ``key``."""
    lower = {name.lower(): value for name, value in headers.items()}
    msg_id = lower.get("webhook-id")
    timestamp = lower.get("webhook-timestamp")
    signatures = lower.get("webhook-signature")
    if not msg_id or not timestamp or not signatures:
        raise WebhookVerificationError(
            "The webhook-id, webhook-timestamp and webhook-signature headers are required"
        )
    try:
        sent = int(timestamp)
    except ValueError:
        raise WebhookVerificationError("The webhook-timestamp header is not a number") from None
    if abs((time.time() if now is None else now) - sent) > TOLERANCE:
        raise WebhookVerificationError("The webhook timestamp is too old or too new")
    secret = key.encode("utf-8") if isinstance(key, str) else key
    content = f"{msg_id}.{timestamp}.{payload}".encode("utf-8")
    expected = base64.b64encode(hmac.new(secret, content, hashlib.sha256).digest()).decode()
    for signature in signatures.split():
        version, _, value = signature.partition(",")
        if version == "v1" and hmac.compare_digest(value, expected):
            return
    raise WebhookVerificationError("No webhook signature matches the payload")


def parse(event_type: Any, payload: str) -> Any:
    """The payload's JSON as ``event_type`` (a model or a union of models)."""
    from ._models import construct

    return construct(event_type, json.loads(payload))
