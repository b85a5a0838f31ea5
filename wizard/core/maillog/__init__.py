"""Mail server logs: streaming parsers per dialect, correlation into one record per message, matching
to pasted samples and verification of a filter change.

Entry points: :func:`iter_records` (a generator over files), :func:`records_from_lines`,
:class:`RecordIndex` / :func:`match_samples`, :class:`Verifier` / :func:`verify`; the CLI reads one
big plain file with several processes through :mod:`wizard.core.maillog.parallel`.
"""

from wizard.core.maillog.correlate import Correlator, LogStats, iter_records, local_tz, records_from_lines
from wizard.core.maillog.match import LogMatch, RecordIndex, match_samples, normalize_mid
from wizard.core.maillog.records import DISPOSITIONS, Delivery, MailRecord, SpamInfo
from wizard.core.maillog.verify import (
    TEXTS_EN,
    VerificationReport,
    Verifier,
    describe_en,
    hourly_spam,
    parse_entries,
    verify,
)

__all__ = [
    "DISPOSITIONS", "TEXTS_EN", "Correlator", "Delivery", "LogMatch", "LogStats", "MailRecord",
    "RecordIndex", "SpamInfo", "VerificationReport", "Verifier", "describe_en", "hourly_spam",
    "iter_records", "local_tz", "match_samples", "normalize_mid", "parse_entries", "records_from_lines",
    "verify",
]
