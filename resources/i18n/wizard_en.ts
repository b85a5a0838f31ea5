<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CustomerSentPage</name>
    <message numerus="yes">
        <source>%n sample(s) came from the customer&apos;s own PC or network.</source>
        <translation>
            <numerusform>%n sample came from the customer&apos;s own PC or network.</numerusform>
            <numerusform>%n samples came from the customer&apos;s own PC or network.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) went out through a logged-in submission with the customer&apos;s account.</source>
        <translation>
            <numerusform>%n sample went out through a logged-in submission with the customer&apos;s account.</numerusform>
            <numerusform>%n samples went out through a logged-in submission with the customer&apos;s account.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PastePage</name>
    <message numerus="yes">
        <source>Recognised one message with %n Received line(s).</source>
        <translation>
            <numerusform>Recognised one message with %n Received line.</numerusform>
            <numerusform>Recognised one message with %n Received lines.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Recognised %n messages pasted one after another.</source>
        <translation>
            <numerusform>Recognised %n message.</numerusform>
            <numerusform>Recognised %n messages pasted one after another.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n sample(s).</source>
        <translation>
            <numerusform>Added %n sample.</numerusform>
            <numerusform>Added %n samples.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reading %n file(s)…</source>
        <translation>
            <numerusform>Reading %n file…</numerusform>
            <numerusform>Reading %n files…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TracePage</name>
    <message numerus="yes">
        <source>%n message(s) analysed</source>
        <translation>
            <numerusform>%n message analysed</numerusform>
            <numerusform>%n messages analysed</numerusform>
        </translation>
    </message>
</context>
</TS>
