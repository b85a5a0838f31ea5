"""Consistent pseudonyms for turning a real case into a training scenario.

Where the report redactor masks (``****@***.co.jp``), the pseudonymiser substitutes believable stand-ins
so the scenario still reads and analyses like real mail: the same input always gets the same pseudonym
(keyed by a secret, so the mapping cannot be reversed from the output), and what the wizard reasons about
keeps its kind: a private IP stays private (in the same private block), a documentation address stays a
documentation address, a public IP stays in its country (so "abroad" stays abroad and "JP" stays JP), a
public suffix stays (``.co.jp``), role mailboxes (``info@``, ``postmaster@``) stay as they are, random
spammer local parts stay random-looking, and personal names become other names.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import re
import secrets
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from wizard.core.blocksuggest import looks_random
from wizard.core.cases.exports import Redactor
from wizard.core.cases.textscan import public_suffix

_ROLE_LOCALS = frozenset({
    "info", "admin", "administrator", "postmaster", "abuse", "support", "sales", "contact", "webmaster",
    "noreply", "no-reply", "mailer-daemon", "root", "office", "soumu", "somu", "eigyo", "jimu", "hr",
    "recruit", "newsletter", "news", "billing", "security",
})
_SURNAMES = (
    "suzuki", "takahashi", "ito", "watanabe", "yamamoto", "nakamura", "kobayashi", "kato", "yoshida",
    "yamada", "sasaki", "yamaguchi", "matsumoto", "inoue", "kimura", "hayashi", "shimizu", "yamazaki",
    "mori", "abe", "ikeda", "hashimoto", "ishikawa", "ogawa", "okada", "goto", "hasegawa", "murakami",
)
_WORDS = (
    "aozora", "hinode", "kaede", "minato", "midori", "sakura", "tsubaki", "yamabuki", "asahi", "kawase",
    "hoshino", "umibe", "komorebi", "harukaze", "shirakaba", "akane", "wakaba", "fujimi", "sorairo", "nagisa",
)
_JA_NAMES = ("鈴木", "高橋", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田", "佐々木", "井上")
_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"
_PRIVATE_BLOCKS = tuple(ipaddress.ip_network(n) for n in (
    "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
    "192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "fc00::/7", "fe80::/10", "2001:db8::/32", "::1/128",
))
_MAX_COUNTRY_TRIES = 400


class Pseudonymiser(Redactor):
    """Replaces mail addresses, host names and IPs in text with consistent stand-ins.

    ``secret`` keys the mapping (a fresh random one by default: the same pseudonymiser object maps the
    same input the same way; keep the secret to reproduce a mapping later). ``country_of`` returns the
    two-letter country of a public IP or None; the default uses the offline geo database.
    """

    def __init__(self, secret: bytes | None = None, known: Iterable[str] = (),
                 country_of: Callable[[str], str | None] | None = None) -> None:
        super().__init__(known)
        self._secret = secret or secrets.token_bytes(32)
        self._country_of = country_of or _default_country_of
        self.mapping: dict[str, str] = {}
        """Original (lower-cased) → pseudonym, for the scenario author's review."""

    # -- deterministic choices -----------------------------------------------------------------------
    def _digest(self, kind: str, value: str, salt: int = 0) -> bytes:
        return hmac.new(self._secret, f"{kind}\0{value.lower()}\0{salt}".encode(), hashlib.sha256).digest()

    def _pick(self, options: tuple[str, ...], kind: str, value: str) -> str:
        return options[int.from_bytes(self._digest(kind, value)[:4], "big") % len(options)]

    def _token(self, kind: str, value: str, length: int) -> str:
        digest = self._digest(kind, value)
        return "".join(_ALNUM[b % len(_ALNUM)] for b in digest[:length])

    def _remember(self, original: str, pseudonym: str) -> str:
        result = self._unique(original, pseudonym)
        self.mapping[original.lower()] = result
        return result

    # -- the Redactor hooks ------------------------------------------------------------------------------
    def mask_host(self, host: str) -> str:
        """A stand-in host name with the same public suffix and the same generic labels (mx, mail...)."""
        name = host.rstrip(".")
        suffix = public_suffix(name)
        if suffix and name.lower() != suffix and name.lower().endswith("." + suffix):
            head = name[: -len(suffix) - 1].split(".")
            registrable = head[-1]
            word = self._pick(_WORDS, "domain", registrable + "." + suffix)
            labels = [lab if _is_generic(lab) else "h" + self._token("label", lab, 4) for lab in head[:-1]]
            new = ".".join([*labels, f"{word}-{self._token('domain', registrable, 3)}", suffix])
        else:
            labels = name.split(".")
            new = ".".join(lab if _is_generic(lab) else "host-" + self._token("label", lab, 4) for lab in labels)
        return self._remember(name, new)

    def mask_email(self, address: str) -> str:
        """A stand-in address: role names kept, random local parts stay random, names become names."""
        local, _, domain = address.rpartition("@")
        low = local.lower()
        if low in _ROLE_LOCALS:
            new_local = local
        elif looks_random(local):
            new_local = self._token("random", local, max(6, min(len(local), 12)))
        else:
            new_local = self._pick(_SURNAMES, "local", local)
            if self._digest("local2", local)[0] % 3 == 0:
                new_local += str(self._digest("local3", local)[0] % 90 + 10)
        return self._remember(address, f"{new_local}@{self.mask_host(domain)}")

    def mask_ip(self, ip: str) -> str:
        """A stand-in IP of the same kind: same private block, same documentation range, same country."""
        prefix = ip[:5] if ip[:5].lower() == "ipv6:" else ""
        try:
            addr = ipaddress.ip_address(ip[len(prefix):])
        except ValueError:
            return ip
        for block in _PRIVATE_BLOCKS:
            if addr.version == block.version and addr in block:
                return self._remember(ip, prefix + str(self._inside(block, ip)))
        if addr.version == 6:
            # Keep the /32 (the registry allocation, which follows the region); hash the rest.
            net = ipaddress.ip_network(f"{addr}/32", strict=False)
            return self._remember(ip, prefix + str(self._inside(net, ip)))
        country = self._country_of(str(addr))
        for attempt in range(_MAX_COUNTRY_TRIES):
            candidate = ipaddress.IPv4Address(int.from_bytes(self._digest("ip4", ip, attempt)[:4], "big"))
            if not candidate.is_global or candidate == addr:
                continue
            if country is None or self._country_of(str(candidate)) == country:
                return self._remember(ip, str(candidate))
        # No address of that country found: stay inside the original /16 (still the same network's region).
        return self._remember(ip, str(self._inside(ipaddress.ip_network(f"{addr}/16", strict=False), ip)))

    def _inside(self, net: ipaddress.IPv4Network | ipaddress.IPv6Network, seed: str
                ) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
        size = net.num_addresses
        if size <= 4:
            return net.network_address
        offset = int.from_bytes(self._digest("in", seed)[:16], "big") % (size - 2) + 1
        return net.network_address + offset

    # -- whole texts and structures ---------------------------------------------------------------------
    def name(self, person: str) -> str:
        """A stand-in for a person's name (Japanese names stay Japanese)."""
        if re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", person):
            honorific = "様" if person.endswith("様") else ""
            new = self._pick(_JA_NAMES, "person", person) + honorific
        else:
            new = self._pick(tuple(s.capitalize() for s in _SURNAMES), "person", person)
        return self._remember(person, new)

    def text(self, value: str, names: Iterable[str] = ()) -> str:
        """``value`` with addresses, IPs, host names and the given personal names replaced."""
        out = self.mask(value)
        for person in sorted({n for n in names if n}, key=len, reverse=True):
            out = out.replace(person, self.name(person))
        return out

    def structure(self, value: Any, names: Iterable[str] = ()) -> Any:
        """Every string inside a JSON-like structure pseudonymised (keys kept)."""
        names = tuple(names)
        if isinstance(value, str):
            return self.text(value, names)
        if isinstance(value, Mapping):
            return {k: self.structure(v, names) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [self.structure(v, names) for v in value]
        return value


def _is_generic(label: str) -> bool:
    return bool(re.fullmatch(r"(?:mx|mail|smtp|smtps|pop|pop3|imap|relay|out|in|mta|gw|www|webmail|ns|mbox|"
                             r"cp|panel|submission|filter|spam)\d*", label, re.IGNORECASE))


def _default_country_of(ip: str) -> str | None:
    from wizard.core.dnscheck.geo import default_database

    return default_database().lookup(ip, None).country


def scenario_from_case(case: Any, secret: bytes | None = None, scenario_id: str = "from_case",
                       pseudonymiser: Pseudonymiser | None = None) -> dict[str, Any]:
    """A draft scenario document (ready to edit) from a stored case, every identifier pseudonymised.

    The samples, decisions and notes of the case become the scenario's samples and hidden facts; the
    rubric starts from the general critical actions and is meant to be edited by the author.
    """
    from wizard.core.cases.exports import case_identifiers

    ids = case_identifiers(case)
    pseudo = pseudonymiser or Pseudonymiser(secret, known=ids["hosts"])
    customer = str(case.record.customer or "")
    names = (customer,) if customer else ()
    samples = [{"name": f"sample_{i + 1:02d}.eml", "kind": s.kind, "text": pseudo.text(s.text, names)}
               for i, s in enumerate(case.samples)]
    decisions = [{"kind": d.kind, "value": pseudo.structure(d.value, names)} for d in case.decisions]
    blocked = [v for d in decisions if d["kind"] == "blocklist"
               for v in (d["value"] if isinstance(d["value"], list) else [d["value"]])]
    deleted = [d["value"] for d in decisions if d["kind"] == "deleted_address"]
    doc: dict[str, Any] = {
        "format": "spam-wizard-scenario",
        "version": 1,
        "id": scenario_id,
        "title": {"ja": "実際の案件から(編集してください)", "en": "From a real case (edit me)"},
        "summary": {"ja": pseudo.text(f"案件 {case.record.id} から作成", names),
                    "en": f"Made from case {case.record.id}"},
        "persona": {"name": {"ja": pseudo.name(customer) if customer else "お客様",
                             "en": pseudo.name(customer) if customer else "The customer"},
                    "opening": {"ja": "迷惑メールが急に増えて困っているんです。",
                                "en": "I suddenly get a lot of spam."}},
        "samples": samples,
        "profile": str(case.state.get("profile") or "hosting_provider"),
        "hidden": {"decisions": decisions},
        "calls": [{"when": {"ja": f"{i + 1}回目", "en": f"Call {i + 1}"},
                   "opening": {"ja": pseudo.text(c.notes or "", names) or "…",
                               "en": pseudo.text(c.notes or "", names) or "…"}}
                  for i, c in enumerate(case.calls)] or
                 [{"when": {"ja": "1回目", "en": "Call 1"}, "opening": {"ja": "…", "en": "…"}}],
        "replies": [],
        "rubric": [
            {"id": "traced_before_deleting", "points": 20, "when": {"before": ["trace_origin", "delete_address"]},
             "lesson": True, "title": {"ja": "削除の前に発信元を確認した", "en": "Traced the origin first"},
             "why": {"ja": "発信元を確かめてから対処します。", "en": "Check the origin before acting."}},
            {"id": "action_that_acts", "points": 20, "lesson": True,
             "when": {"sim": {"finding_absent": "blocklist_without_action"}},
             "title": {"ja": "効果のある処置", "en": "An action that acts"},
             "why": {"ja": "スコアが上がるだけで何も変わらない設定を避けます。",
                     "en": "Avoid settings that only add score."}},
            {"id": "verified_after_change", "points": 10, "lesson": True, "when": {"done": "verify_log"},
             "title": {"ja": "変更後に確かめた", "en": "Verified after the change"},
             "why": {"ja": "配送記録で実際の動きを確かめます。", "en": "Check the delivery log."}},
        ],
        "ideal": ["ask_headers", "trace_origin", "check_log", "verify_log"]
                 + [f"delete_address {a}" for a in deleted if isinstance(a, str)]
                 + [f"block {b}" for b in blocked if isinstance(b, str)]
                 + [f"set_{d['kind']} {d['value']}" for d in decisions
                    if d["kind"] in ("action", "sensitivity") and isinstance(d["value"], str)],
    }
    # Validate that nothing identifying survived in the serialised draft.
    json.dumps(doc, ensure_ascii=False)
    return doc
