<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>DnsPanel</name>
    <message numerus="yes">
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="312"/>
        <source>%n public relay(s)</source>
        <translation>
            <numerusform>%n public relay</numerusform>
            <numerusform>%n public relays</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="454"/>
        <source>%n domain(s)</source>
        <translation>
            <numerusform>%n domain</numerusform>
            <numerusform>%n domains</numerusform>
        </translation>
    </message>
</context>
</TS>
