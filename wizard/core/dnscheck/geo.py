"""Country and network owner (AS organisation) of relay IPs from geoip2fast's offline database.

The database ships inside the ``geoip2fast`` package (MaxMind GeoLite2 data converted by the package).
It is loaded on first use (about 0.4 s), never at import, and shared by all threads.
"""

from __future__ import annotations

import ipaddress
import re
import threading
from dataclasses import dataclass
from typing import Any

from wizard.core.model import JsonValue

DATA_FILE = "geoip2fast-asn-ipv6.dat.gz"
"""Country + ASN data for IPv4 and IPv6 (the package also ships country-only and IPv4-only files)."""
ATTRIBUTION = ("This product includes GeoLite2 data created by MaxMind, available from "
               "https://www.maxmind.com (converted and shipped by the geoip2fast package).")


@dataclass(frozen=True, slots=True)
class GeoResult:
    """Where one IP is registered. ``abroad`` is relative to the home country (None when unknown)."""

    ip: str
    country: str | None = None
    country_name: str | None = None
    asn_org: str | None = None
    private: bool = False
    abroad: bool | None = None

    def to_json(self) -> dict[str, JsonValue]:
        """JSON form."""
        return {"ip": self.ip, "country": self.country, "country_name": self.country_name,
                "asn_org": self.asn_org, "private": self.private, "abroad": self.abroad}


@dataclass(frozen=True, slots=True)
class GeoSource:
    """Which data answered: ``source`` as the file states it, its date, and the required credit."""

    source: str
    data_date: str | None
    attribution: str = ATTRIBUTION

    def to_json(self) -> dict[str, JsonValue]:
        """JSON form."""
        return {"source": self.source, "data_date": self.data_date, "attribution": self.attribution}


class GeoDatabase:
    """Lazy, thread-safe wrapper of ``geoip2fast.GeoIP2Fast``. Failures become an ``error`` string."""

    def __init__(self, data_file: str = DATA_FILE) -> None:
        self._data_file = data_file
        self._lock = threading.Lock()
        self._db: Any = None
        self._source: GeoSource | None = None
        self.error: str | None = None

    def _load(self) -> Any:
        with self._lock:
            if self._db is None and self.error is None:
                try:
                    from geoip2fast import GeoIP2Fast

                    db = GeoIP2Fast(verbose=False, geoip2fast_data_file=self._data_file)
                    info = db.get_database_info()
                    source = str(info.get("source_info") or "")
                    match = re.search(r"(\d{4})(\d{2})(\d{2})\s*$", source)
                    date = f"{match.group(1)}-{match.group(2)}-{match.group(3)}" if match else None
                    self._source = GeoSource(source, date)
                    self._db = db
                except Exception as exc:  # the package's own errors are plain Exceptions
                    self.error = f"offline geo database unavailable: {exc}"
            return self._db

    def source(self) -> GeoSource | None:
        """Data source and date (loads the database)."""
        self._load()
        return self._source

    def lookup(self, ip: str, home_country: str | None = "JP") -> GeoResult:
        """Country and AS organisation of ``ip``; private/reserved addresses have neither."""
        try:
            addr = ipaddress.ip_address(ip)
        except ValueError:
            return GeoResult(ip)
        if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
            addr = addr.ipv4_mapped
        if not addr.is_global:
            return GeoResult(str(addr), private=True)
        db = self._load()
        if db is None:
            return GeoResult(str(addr))
        try:
            found = db.lookup(str(addr))
        except Exception:
            return GeoResult(str(addr))
        code = str(getattr(found, "country_code", "") or "")
        country = code.upper() if re.fullmatch(r"[A-Za-z]{2}", code) else None
        name = str(getattr(found, "country_name", "") or "") or None
        asn = str(getattr(found, "asn_name", "") or "") or None
        if bool(getattr(found, "is_private", False)) or country is None:
            name = None if country is None else name
        abroad = None
        if country is not None and home_country:
            abroad = country != home_country.upper()
        return GeoResult(str(addr), country, name, asn, False, abroad)


_default_lock = threading.Lock()
_default: GeoDatabase | None = None


def default_database() -> GeoDatabase:
    """The shared database object (the data itself loads on its first lookup)."""
    global _default
    with _default_lock:
        if _default is None:
            _default = GeoDatabase()
        return _default
