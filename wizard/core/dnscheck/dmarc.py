"""DMARC (RFC 7489): the policy record of the From domain, falling back to its organisational domain,
and whether the message's SPF / DKIM results align with the From domain."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from wizard.core.dnscheck.domains import aligned as ids_aligned
from wizard.core.dnscheck.domains import org_domain
from wizard.core.dnscheck.resolver import DnsClient
from wizard.core.model import JsonValue


@dataclass(frozen=True, slots=True)
class DmarcResult:
    """The From domain's DMARC policy and the alignment verdict.

    ``policy`` is the policy that applies to the From domain (``sp`` when the record was found at the
    organisational domain and has one). ``aligned`` is True when an SPF pass or a DKIM pass is aligned
    with the From domain, False when neither can be, None when it cannot be told.
    """

    domain: str | None
    record: str | None = None
    record_domain: str | None = None
    org_domain: str | None = None
    policy: str | None = None
    tags: tuple[tuple[str, str], ...] = ()
    aligned: bool | None = None
    spf_aligned: bool | None = None
    dkim_aligned: bool | None = None
    status: str = "ok"
    errors: tuple[str, ...] = ()

    def tag(self, name: str, default: str | None = None) -> str | None:
        """One tag of the record (``adkim``, ``aspf``, ``pct``, ``rua``, ...)."""
        for key, value in self.tags:
            if key == name:
                return value
        return default

    def to_json(self) -> dict[str, JsonValue]:
        """The contract form ``{"domain", "record", "policy", "aligned"}``."""
        return {"domain": self.domain, "record": self.record, "policy": self.policy, "aligned": self.aligned}


def parse_record(text: str) -> tuple[tuple[str, str], ...] | None:
    """Tags of a DMARC record, or None when it is not one (``v=DMARC1`` must come first)."""
    parts = [p.strip() for p in text.split(";")]
    tags: list[tuple[str, str]] = []
    for part in parts:
        if not part:
            continue
        key, sep, value = part.partition("=")
        if not sep:
            return None if not tags else tuple(tags)
        tags.append((key.strip().lower(), value.strip()))
    if not tags or tags[0][0] != "v" or tags[0][1].upper() != "DMARC1":
        return None
    return tuple(tags)


Tags = tuple[tuple[str, str], ...]


def fetch_record(client: DnsClient, domain: str) -> tuple[str | None, Tags, str | None]:
    """-> (record text, tags, error) for ``_dmarc.<domain>``."""
    answer = client.query(f"_dmarc.{domain}", "TXT")
    if answer.failed:
        return None, (), answer.describe()
    found = [(text, parse_record(text)) for text in answer.values]
    valid = [(text, tags) for text, tags in found if tags is not None]
    if len(valid) != 1:
        return None, (), None  # none, or several: RFC 7489 6.6.3 says then there is no policy
    return valid[0][0], valid[0][1] or (), None


def check_dmarc(client: DnsClient, from_domain: str | None, *, spf_result: str | None = None,
                spf_domain: str | None = None, dkim_pass_domains: Sequence[str] | None = None,
                dkim_signature_domains: Sequence[str] = ()) -> DmarcResult:
    """Look up the DMARC record for ``from_domain`` and judge alignment.

    ``spf_result``/``spf_domain``: the SPF verdict and the MAIL FROM domain it was about.
    ``dkim_pass_domains``: the ``d=`` domains whose signatures verified (None when unknown: the
    wizard does not verify signatures itself, it reads the receiving server's Authentication-Results);
    ``dkim_signature_domains``: every ``d=`` seen, to know whether an aligned pass was possible at all.
    """
    if not from_domain:
        return DmarcResult(None, status="not_checked", errors=("no From domain",))
    domain = from_domain.lower().rstrip(".")
    org = org_domain(domain)
    errors: list[str] = []
    record, tags, error = fetch_record(client, domain)
    record_domain: str | None = domain if record else None
    if error:
        errors.append(error)
    if record is None and error is None and org != domain:
        record, tags, error = fetch_record(client, org)
        record_domain = org if record else None
        if error:
            errors.append(error)
    policy = None
    if record is not None:
        tag_map = dict(tags)
        policy = tag_map.get("p")
        if record_domain != domain and "sp" in tag_map:
            policy = tag_map["sp"]
        policy = (policy or "").lower() or None
    adkim = dict(tags).get("adkim", "r").lower()
    aspf = dict(tags).get("aspf", "r").lower()
    spf_ok: bool | None = None
    if spf_result is not None:
        spf_ok = spf_result == "pass" and bool(spf_domain) and ids_aligned(spf_domain or "", domain, aspf)
    dkim_ok: bool | None
    if dkim_pass_domains is not None:
        dkim_ok = any(ids_aligned(d, domain, adkim) for d in dkim_pass_domains)
    elif not any(ids_aligned(d, domain, adkim) for d in dkim_signature_domains):
        dkim_ok = False  # no signature of an aligned domain: it cannot pass aligned
    else:
        dkim_ok = None
    if spf_ok or dkim_ok:
        verdict: bool | None = True
    elif spf_ok is False and dkim_ok is False:
        verdict = False
    else:
        verdict = None
    status = "ok" if record else ("temperror" if errors else "none")
    return DmarcResult(domain, record, record_domain, org, policy, tags, verdict, spf_ok, dkim_ok, status,
                       tuple(errors))
