"""``rdns_looks_dynamic``: end users' access-line names versus mail servers, on names seen in real mail."""

from __future__ import annotations

import pytest

from wizard.core.ipaddr import rdns_looks_dynamic

ACCESS_LINES = [
    ("p1234051-ipngn200.tokyo.example.ne.jp", "203.0.113.51"),  # FLETS (NTT) style
    ("KD106154012034.au-net.ne.jp", "106.154.12.34"),  # zero-padded address
    ("softbank126012034056.bbtec.net", "126.12.34.56"),
    ("i118-21-1-2.s41.a013.ap.plala.or.jp", "118.21.1.2"),
    ("ntkngw123456.kngw.nt.ngn.ppp.infoweb.ne.jp", "198.51.100.9"),
    ("em1-2-3-4.pool.e-mobile.ne.jp", "1.2.3.4"),
    ("ppp0c199.std.com", "208.192.102.199"),  # tests/data/realworld/sa_sample_nonspam.eml
    ("n16h86.dhcp.oxy.edu", "134.69.16.86"),  # python_msg_16.eml
    ("62-122-4-47.flat.galactica.it", "62.122.4.47"),  # sa_nice_001_ximian_list.eml
    ("67.175.76.202.static.randtelekom.com.tr", "67.175.76.202"),  # mailparser_test_3.eml
]
SERVERS = [
    ("mail-oln040092074029.outbound.protection.outlook.com", "40.92.74.29"),  # address in it, but a server
    ("mx01.mail.example.ne.jp", "192.0.2.25"),
    ("mail-sor-f41.google.com", "209.85.220.41"),
    ("smtprelay0207.b.hostedemail.com", "64.98.42.207"),
    ("mpehp1.mpe-garching.mpg.de", "130.183.70.10"),
    ("uvn-67-33.tll01.zonevs.eu", "217.146.67.33"),
    ("lorien.mallorn.com", "64.5.98.30"),
    ("mail103.docomo.ne.jp", "203.138.203.3"),
]


@pytest.mark.parametrize(("name", "ip"), ACCESS_LINES)
def test_access_lines(name: str, ip: str) -> None:
    assert rdns_looks_dynamic(name, ip) is True


@pytest.mark.parametrize(("name", "ip"), SERVERS)
def test_servers(name: str, ip: str) -> None:
    assert rdns_looks_dynamic(name, ip) is False


def test_no_name_or_odd_input() -> None:
    assert rdns_looks_dynamic(None, "1.2.3.4") is False
    assert rdns_looks_dynamic("", None) is False
    assert rdns_looks_dynamic("host-1-2-3-4.example.net", "2001:db8::1") is False
    assert rdns_looks_dynamic("host-1-2-3-4.example.net", "not an ip") is False
