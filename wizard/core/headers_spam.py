"""What filters and receiving servers wrote into the headers: spam scores and authentication results.

Nothing is re-checked here (no DNS, no signature verification): these are the verdicts the servers on
the path recorded. Sources read:

- ``Authentication-Results`` (RFC 8601), falling back to ``ARC-Authentication-Results`` and
  ``Received-SPF`` (RFC 7208 section 9.1) for the SPF, DKIM and DMARC results;
- ``DKIM-Signature`` ``d=`` domains (signatures present, not verified);
- SpamAssassin ``X-Spam-Flag`` / ``X-Spam-Status`` (score, required score, rule names; the old
  ``hits=`` form too) / ``X-Spam-Score``; rspamd ``X-Spamd-Result`` / ``X-Rspamd-Score``;
- Microsoft ``X-Forefront-Antispam-Report`` (``SCL``, ``SFV``, ``CAT``, ``CIP``, ``CTRY``, ...),
  ``X-MS-Exchange-Organization-SCL`` and ``X-Microsoft-Antispam`` (``BCL``).

Finding codes produced (see also :mod:`wizard.core.trace`):

=====================  ==========  ===============================================================
code                   severity    meaning / params
=====================  ==========  ===============================================================
``spf_fail``           warning     SPF ``fail``: the sending IP is not allowed (``mailfrom``)
``spf_softfail``       info        SPF ``softfail`` (``~all``; ``mailfrom``)
``dkim_none``          info        no DKIM signature and no DKIM result (or ``neutral``, e.g. "no sig")
``dkim_fail``          warning     a DKIM result other than pass/none (``result``)
``dmarc_fail``         warning     DMARC ``fail`` (``policy`` when recorded)
``spam_flagged``       info        a filter marked the message as spam (``engine``, ``score``,
                                   ``required``)
``ms_scl_high``        info        Microsoft spam confidence level >= 5 (``scl``)
``ms_bulk``            info        Microsoft bulk complaint level >= 7 (``bcl``)
``ms_phish``           warning     Microsoft classified it as phishing (``category``)
=====================  ==========  ===============================================================
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from wizard.core.model import AuthResults, Finding, JsonValue, SpamVerdict, finding

__all__ = [
    "FOREFRONT_MEANINGS",
    "SpamFacts",
    "decode_forefront",
    "index_fields",
    "parse_auth_results",
    "parse_spam_headers",
    "read_spam_facts",
]

Fields = Iterable[tuple[str, str]]

_COMMENT = re.compile(r"\([^()]*\)")
_METHOD = re.compile(
    r"(?:^|;)\s*(spf|dkim|dmarc|arc|auth|iprev|dkim-atps|bimi|smime)\s*=\s*([A-Za-z]+)", re.I
)
_PROP = re.compile(
    r"\b(header\.d|header\.i|header\.from|smtp\.mailfrom|policy\.dmarc|header\.s)\s*=\s*([^\s;]+)", re.I
)
_FF_SPLIT = re.compile(r";(?![^()]*\))")
_DKIM_D = re.compile(r"(?:^|;)\s*d\s*=\s*([^\s;]+)", re.I)
_NUM = r"(-?\d+(?:\.\d+)?)"
_SA_SCORE = re.compile(r"\b(?:score|hits)\s*=\s*" + _NUM, re.I)
_SA_REQUIRED = re.compile(r"\brequired\s*=\s*" + _NUM, re.I)
_SA_TESTS = re.compile(r"\btests\s*=\s*(.*?)(?=\s+[a-z_]+\s*=|$)", re.I | re.S)
_RSPAMD = re.compile(r"^\s*\w+\s*:\s*(True|False)\s*\[\s*" + _NUM + r"\s*/\s*" + _NUM + r"\s*\]", re.I)
_RSPAMD_SYM = re.compile(r";\s*([A-Z0-9_]+)\s*\(")
_TEST_SPLIT = re.compile(r"[,\s]+")
_LEADING_INT = re.compile(r"\s*(-?\d+)")
_BCL = re.compile(r"\bBCL\s*:\s*(\d+)")
_ARC_INSTANCE = re.compile(r"^\s*i\s*=\s*\d+\s*;")

FOREFRONT_MEANINGS: Mapping[str, str] = MappingProxyType(
    {
        "CIP": "connecting IP address",
        "CTRY": "source country (from the connecting IP)",
        "LANG": "message language",
        "SCL": "spam confidence level (-1 trusted, 0-1 not spam, 5-6 spam, 9 high-confidence spam)",
        "SRV": "BULK: bulk mail",
        "IPV": "IP verdict (CAL: allowed, NLI: not on any list)",
        "SFV": "spam filter verdict (NSPM not spam, SPM spam, SKS/SKA/SKB/SKN skipped, BLK blocked)",
        "H": "HELO/EHLO name of the connecting server",
        "PTR": "reverse DNS name of the connecting IP",
        "CAT": "category (SPM spam, HSPM high-confidence spam, PHSH phishing, BULK bulk, MALW malware, "
        "SPOOF spoofing, NONE)",
        "SFTY": "safety tip",
        "SFS": "spam filter rules matched",
        "DIR": "direction (INB inbound, OUT outbound, INT internal)",
        "SFP": "spam filter policy",
        "PCL": "phishing confidence level",
        "BCL": "bulk complaint level",
    }
)


@dataclass(frozen=True, slots=True)
class SpamFacts:
    """Everything this module reads from one message's header fields."""

    auth_results: AuthResults = field(default_factory=AuthResults)
    spf_domain: str | None = None
    """``smtp.mailfrom`` of the SPF result (or ``envelope-from`` of Received-SPF)."""
    dkim_domains: tuple[str, ...] = ()
    """Signing domains: ``d=`` of DKIM-Signature fields plus ``header.d`` of DKIM results."""
    spam: SpamVerdict = field(default_factory=SpamVerdict)
    forefront: Mapping[str, str] = field(default_factory=dict)
    """The decoded ``X-Forefront-Antispam-Report`` (key -> value), empty when absent."""
    scl: int | None = None
    bcl: int | None = None
    findings: tuple[Finding, ...] = ()


Index = Mapping[str, Sequence[str]]
"""Header values by lower-case name, in order (what :func:`index_fields` builds)."""


def index_fields(fields: Fields) -> dict[str, list[str]]:
    """``{lower-case name: [values in order]}`` of header fields."""
    idx: dict[str, list[str]] = {}
    for k, v in fields:
        idx.setdefault(k.lower(), []).append(v)
    return idx


def _as_index(fields: Fields | Index) -> Index:
    return fields if isinstance(fields, Mapping) else index_fields(fields)


def _values(idx: Index, name: str) -> list[str]:
    return [" ".join(v.split()) for v in idx.get(name.lower(), ())]


def parse_auth_results(value: str) -> dict[str, tuple[str, dict[str, str]]]:
    """One ``Authentication-Results`` value -> ``{method: (result, {property: value})}``.

    The first result of each method wins, except that a DKIM ``pass`` beats an earlier other DKIM
    result (a message can carry several signatures; one valid one is what counts).
    """
    text = _COMMENT.sub(" ", _COMMENT.sub(" ", value))
    out: dict[str, tuple[str, dict[str, str]]] = {}
    # Split into "method=result props" statements at the semicolons (the authserv-id comes first).
    parts = text.split(";")
    # The authserv-id comes first, but Microsoft omits it ("spf=pass (...) smtp.mailfrom=...").
    if not _METHOD.match(";" + parts[0]):
        parts = parts[1:]
    for part in parts:
        m = _METHOD.match(";" + part)
        if m is None:
            continue
        method, result = m.group(1).lower(), m.group(2).lower()
        props = {p.lower(): v.strip("\"'<>") for p, v in _PROP.findall(part)}
        if method not in out or (method == "dkim" and result == "pass" and out[method][0] != "pass"):
            out[method] = (result, props)
    return out


def _received_spf(value: str) -> tuple[str | None, str | None]:
    m = re.match(r"\s*([A-Za-z]+)", value)
    result = m.group(1).lower() if m else None
    env = re.search(r"envelope-from\s*=\s*\"?<?([^\s;\">]+)", value, re.I)
    return result, (env.group(1) if env else None)


def _float(text: str | None) -> float | None:
    if text is None:
        return None
    try:
        return float(text)
    except ValueError:
        return None


def decode_forefront(value: str) -> dict[str, str]:
    """``CIP:1.2.3.4;CTRY:US;SCL:5;...`` -> ``{"CIP": "1.2.3.4", "CTRY": "US", "SCL": "5", ...}``."""
    out: dict[str, str] = {}
    # Split at semicolons outside parentheses (SFS:(13230031)(4636009) holds none, but be safe).
    for item in _FF_SPLIT.split(value):
        key, sep, val = item.partition(":")
        if not sep:
            continue
        key = key.strip().upper()
        if key and len(key) <= 10 and key not in out:
            out[key] = val.strip()
    return out


def parse_spam_headers(
    fields: Fields | Index,
) -> tuple[SpamVerdict, dict[str, str], int | None, int | None]:
    """Read the content-filter verdict. SpamAssassin wins over rspamd, which wins over Microsoft.

    Returns the verdict, the decoded Forefront report, the SCL and the BCL.
    """
    flist = _as_index(fields)
    flag_values = _values(flist, "X-Spam-Flag")
    status_values = _values(flist, "X-Spam-Status")
    flag: bool | None = None
    if flag_values:
        flag = flag_values[0].strip().lower().startswith("y")
    verdict: SpamVerdict | None = None
    if status_values:
        status = status_values[0]
        score = _SA_SCORE.search(status)
        required = _SA_REQUIRED.search(status)
        tests_m = _SA_TESTS.search(status)
        tests: tuple[str, ...] = ()
        if tests_m:
            tests = tuple(t.strip() for t in _TEST_SPLIT.split(tests_m.group(1)) if t.strip()
                          and t.strip().lower() != "none")
        if flag is None:
            head = status.strip().lower()
            if head.startswith(("yes", "no")):
                flag = head.startswith("yes")
        verdict = SpamVerdict(flag, _float(score.group(1) if score else None),
                              _float(required.group(1) if required else None), tests, "spamassassin")
    elif flag is not None:
        score_values = _values(flist, "X-Spam-Score")
        sa_score = _float(score_values[0]) if score_values else None
        verdict = SpamVerdict(flag, sa_score, None, (), "spamassassin")
    if verdict is None:
        rsp = _values(flist, "X-Spamd-Result")
        if rsp:
            m = _RSPAMD.match(rsp[0])
            if m:
                verdict = SpamVerdict(m.group(1).lower() == "true", _float(m.group(2)), _float(m.group(3)),
                                      tuple(_RSPAMD_SYM.findall(rsp[0])), "rspamd")
        if verdict is None:
            rsc = _values(flist, "X-Rspamd-Score")
            if rsc:
                flag_hdr = _values(flist, "X-Spam")
                verdict = SpamVerdict(flag_hdr[0].lower().startswith("y") if flag_hdr else None,
                                      _float(rsc[0]), None, (), "rspamd")
    ff_values = _values(flist, "X-Forefront-Antispam-Report") or _values(
        flist, "X-Forefront-Antispam-Report-Untrusted")
    forefront = decode_forefront(ff_values[0]) if ff_values else {}
    scl: int | None = None
    for text in [*_values(flist, "X-MS-Exchange-Organization-SCL"), forefront.get("SCL", "")]:
        m = _LEADING_INT.match(text)
        if m:
            scl = int(m.group(1))
            break
    bcl: int | None = None
    for text in _values(flist, "X-Microsoft-Antispam"):
        m = _BCL.search(text)
        if m:
            bcl = int(m.group(1))
            break
    if verdict is None and (scl is not None or forefront):
        sfv = forefront.get("SFV", "")
        cat = forefront.get("CAT", "")
        ms_flag: bool | None = None
        if scl is not None:
            ms_flag = scl >= 5
        if sfv.upper() in ("SPM", "BLK") or cat.upper() in ("SPM", "HSPM", "PHSH", "HPHSH", "MALW"):
            ms_flag = True
        tests = tuple(f"{k}:{forefront[k]}" for k in ("SFV", "CAT", "SRV", "IPV") if forefront.get(k))
        verdict = SpamVerdict(ms_flag, float(scl) if scl is not None else None,
                              5.0 if scl is not None else None, tests, "microsoft")
    return verdict or SpamVerdict(), forefront, scl, bcl


def read_spam_facts(fields: Fields | Index) -> SpamFacts:
    """Read authentication results, DKIM domains and filter verdicts from header fields.

    The topmost ``Authentication-Results`` (written by the last receiving server) is used; ARC and
    ``Received-SPF`` fill in what it lacks.
    """
    flist = _as_index(fields)
    spf = dkim = dmarc = None
    spf_domain: str | None = None
    dmarc_policy: str | None = None
    domains: list[str] = []
    for name in ("Authentication-Results", "ARC-Authentication-Results"):
        for value in _values(flist, name):
            if name.startswith("ARC"):
                value = _ARC_INSTANCE.sub("", value)
            res = parse_auth_results(value)
            if spf is None and "spf" in res:
                spf = res["spf"][0]
                spf_domain = res["spf"][1].get("smtp.mailfrom")
            if dkim is None and "dkim" in res:
                dkim = res["dkim"][0]
                d = res["dkim"][1].get("header.d") or res["dkim"][1].get("header.i", "").rpartition("@")[2]
                if d and d.lower() not in ("none", "unknown"):
                    domains.append(d.lower())
            if dmarc is None and "dmarc" in res:
                dmarc = res["dmarc"][0]
                dmarc_policy = res["dmarc"][1].get("policy.dmarc")
        if spf and dkim and dmarc:
            break
    if spf is None:
        for value in _values(flist, "Received-SPF"):
            spf, spf_domain = _received_spf(value)
            if spf:
                break
    dkim_signatures = _values(flist, "DKIM-Signature")
    for value in dkim_signatures:
        m = _DKIM_D.search(";" + value)
        if m:
            d = m.group(1).strip().lower()
            if d not in domains and d not in ("none", ""):
                domains.append(d)
    spam, forefront, scl, bcl = parse_spam_headers(flist)

    found: list[Finding] = []
    if spf == "fail":
        found.append(finding("spf_fail", "warning", mailfrom=spf_domain))
    elif spf == "softfail":
        found.append(finding("spf_softfail", "info", mailfrom=spf_domain))
    # "dkim=neutral (no sig)" (Yahoo and others): nothing was signed, which is not a failed signature
    if dkim in (None, "none", "neutral") and not dkim_signatures:
        found.append(finding("dkim_none", "info"))
    elif dkim not in (None, "none", "pass"):
        found.append(finding("dkim_fail", "warning", result=dkim))
    if dmarc == "fail":
        params: dict[str, JsonValue] = {"policy": dmarc_policy} if dmarc_policy else {}
        found.append(finding("dmarc_fail", "warning", **params))
    if spam.flag:
        found.append(finding("spam_flagged", "info", engine=spam.engine, score=spam.score,
                             required=spam.required))
    if scl is not None and scl >= 5:
        found.append(finding("ms_scl_high", "info", scl=scl))
    if bcl is not None and bcl >= 7:
        found.append(finding("ms_bulk", "info", bcl=bcl))
    cat = forefront.get("CAT", "").upper()
    if cat in ("PHSH", "HPHSH"):
        found.append(finding("ms_phish", "warning", category=cat))
    return SpamFacts(
        auth_results=AuthResults(spf, dkim, dmarc),
        spf_domain=spf_domain,
        dkim_domains=tuple(domains),
        spam=spam,
        forefront=MappingProxyType(forefront),
        scl=scl,
        bcl=bcl,
        findings=tuple(found),
    )

