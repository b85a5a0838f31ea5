"""Live DNS and reputation checks for the trace step (Qt-free, every lookup through an injected
resolver): reverse DNS / FCrDNS, SPF, DMARC, MX and domain existence, DNS block lists, and the offline
country / network-owner database. :func:`wizard.core.dnscheck.runner.check_case` runs them all."""
