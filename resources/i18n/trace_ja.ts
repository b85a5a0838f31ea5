<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>Findings</name>
    <message>
        <location filename="../../wizard/ui/messages/trace.py" line="10" />
        <source>Mixed line endings were normalised (CRLF {crlf}, LF {lf}, CR {cr}).</source>
        <translation>改行コードが混在していたため統一しました(CRLF {crlf}、LF {lf}、CR {cr})。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/trace.py" line="12" />
        <source>The headers were quoted with "&gt;" (sent back in a reply); the quoting was removed.</source>
        <translation>ヘッダーが返信の引用記号「&gt;」付きで送られてきたため、引用記号を取り除きました。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/trace.py" line="14" />
        <source>Blank lines inside the header block were removed (a common copy-and-paste slip).</source>
        <translation>ヘッダーの途中にあった空行を取り除きました(コピー&amp;ペーストでよく起こります)。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/trace.py" line="16" />
        <source>{lines} line(s) of text before the headers were skipped.</source>
        <translation>ヘッダーの前にあった {lines} 行の文章は読み飛ばしました。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/trace.py" line="18" />
        <source>{lines} folded line(s) had lost their indentation (Outlook's header box) and were rejoined.</source>
        <translation>折り返し行 {lines} 行の字下げが失われていたため(Outlook のヘッダー欄)、つなぎ直しました。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/trace.py" line="20" />
        <source>The message body was pasted along; only the headers are analysed.</source>
        <translation>本文も一緒に貼り付けられていました。解析するのはヘッダーだけです。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/trace.py" line="22" />
        <source>Some headers hold raw 8-bit text; decoded as {charsets}.</source>
        <translation>一部のヘッダーに符号化されていない8ビット文字があり、{charsets} として読み取りました。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/trace.py" line="24" />
        <source>This Outlook .msg file has no Internet headers (it was saved from a draft or a copy). Ask the customer for the headers of the received message instead.</source>
        <translation>この Outlook の .msg ファイルにはインターネットヘッダーがありません(下書きや複製から保存されたものです)。受信したメールのヘッダーを送っていただくようお願いしてください。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/trace.py" line="27" />
        <source>This Outlook file is not a mail item ({class_type}).</source>
        <translation>この Outlook ファイルはメールではありません({class_type})。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/trace.py" line="29" />
        <source>A byte order mark ({encoding}) was removed.</source>
        <translation>バイトオーダーマーク({encoding})を取り除きました。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/trace.py" line="30" />
        <source>{count} NUL byte(s) were removed from the paste.</source>
        <translation>貼り付けから NUL 文字を {count} 個取り除きました。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/trace.py" line="32" />
        <source>There are no Received lines: ask for the full headers, not only From/To/Subject.</source>
        <translation>Received 行がありません。From/To/件名だけでなく、ヘッダー全体を送っていただいてください。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/trace.py" line="34" />
        <source>{host} was taken to be one of our own servers (no trusted servers are configured).</source>
        <translation>{host} を当社のサーバーとみなしました(信頼するサーバーが設定されていないため推定)。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/trace.py" line="36" />
        <source>The server {host} recorded no IP address for the sender that handed the mail over.</source>
        <translation>サーバー {host} は、メールを渡してきた相手のIPアドレスを記録していません。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/trace.py" line="38" />
        <source>A Received line looks forged ({reason}): it was written by the sender, not by a server.</source>
        <translation>偽装された Received 行があります({reason})。サーバーではなく送信者が書いた行です。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/trace.py" line="40" />
        <source>The chain is broken below our servers: {by} is not the server that the line above names ({expected}). Lines from here down can be invented by the sender.</source>
        <translation>当社サーバーより下で経路がつながっていません。{by} は上の行が示すサーバー({expected})ではありません。ここから下の行は送信者が自由に書けます。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/trace.py" line="43" />
        <source>The server names do not line up: {by} was expected to be {expected}.</source>
        <translation>サーバー名がつながっていません。{by} は {expected} のはずです。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/trace.py" line="45" />
        <source>No outside server handed this mail over: it stayed within trusted servers.</source>
        <translation>外部のサーバーから渡されたメールではありません。信頼するサーバーの中だけを通っています。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/trace.py" line="47" />
        <source>A Received line is older than the line below it ({delay_s} s): a clock is wrong or the line was forged.</source>
        <translation>Received 行の時刻が下の行より前になっています({delay_s} 秒)。時計のずれか、行の偽装です。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/trace.py" line="50" />
        <source>One hop took {delay_s} s (more than a day): a clock is wrong or the mail was held.</source>
        <translation>1区間に {delay_s} 秒(1日以上)かかっています。時計のずれか、メールが滞留していました。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/trace.py" line="52" />
        <source>The mail was handed over from a private address ({ip}): a server inside the network.</source>
        <translation>プライベートアドレス({ip})から渡されています。ネットワーク内部のサーバーです。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/trace.py" line="54" />
        <source>Sent with a mail account's password ({auth}, login {login}) from {ip}: if this is the customer's account, the password may be stolen.</source>
        <translation>{ip} からメールアカウントのパスワードを使って送信されています({auth}、ログイン {login})。お客様のアカウントであれば、パスワードが盗まれている可能性があります。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/trace.py" line="57" />
        <source>The first sender named in the chain ({ip}) is below the handoff and could be forged.</source>
        <translation>経路の一番下に書かれた送信元({ip})は受け渡し元より下にあり、偽装の可能性があります。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/trace.py" line="59" />
        <source>The customer's own machine ({ip}) sent this message.</source>
        <translation>このメールはお客様ご自身の端末({ip})から送信されています。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/trace.py" line="61" />
        <source>The customer's PC does not appear anywhere in the delivery chain.</source>
        <translation>お客様のパソコンは配送経路のどこにも現れません。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/trace.py" line="63" />
        <source>The message has no Message-ID.</source>
        <translation>Message-ID がありません。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/trace.py" line="64" />
        <source>The message has no Date header.</source>
        <translation>Date ヘッダーがありません。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/trace.py" line="65" />
        <source>The envelope sender ({envelope_from}) differs from the From shown to the customer ({header_from}).</source>
        <translation>エンベロープの差出人({envelope_from})と、お客様に表示される差出人({header_from})が異なります。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/trace.py" line="68" />
        <source>Replies would go to {reply_to}, not to the sender shown ({header_from}).</source>
        <translation>返信先が表示上の差出人({header_from})ではなく {reply_to} になっています。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/trace.py" line="70" />
        <source>The Date ({date}) is later than when our server received it ({received}).</source>
        <translation>Date({date})が当社サーバーの受信時刻({received})より後になっています。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/trace.py" line="73" />
        <source>SPF failed for {mailfrom}: the sending server is not allowed to send for that domain.</source>
        <translation>{mailfrom} の SPF 認証が失敗しました。送信サーバーはそのドメインのメールを送ることを許可されていません。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/trace.py" line="75" />
        <source>SPF soft-failed for {mailfrom}.</source>
        <translation>{mailfrom} の SPF 認証は softfail(許可されていない可能性が高い)でした。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/trace.py" line="76" />
        <source>The message carries no DKIM signature.</source>
        <translation>DKIM 署名がありません。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/trace.py" line="77" />
        <source>The DKIM signature did not verify ({result}).</source>
        <translation>DKIM 署名の検証に失敗しました({result})。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/trace.py" line="78" />
        <source>DMARC failed for the sender's domain.</source>
        <translation>差出人ドメインの DMARC 認証が失敗しました。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/trace.py" line="79" />
        <source>Our filter ({engine}) scored it as spam: {score} points (limit {required}).</source>
        <translation>当社のフィルタ({engine})がスパムと判定しました: {score} 点(基準 {required} 点)。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/trace.py" line="81" />
        <source>Microsoft's filter rated it as spam (SCL {scl}).</source>
        <translation>Microsoft のフィルタがスパムと評価しています(SCL {scl})。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/trace.py" line="82" />
        <source>Microsoft's filter rated it as bulk mail (BCL {bcl}).</source>
        <translation>Microsoft のフィルタが一斉配信メールと評価しています(BCL {bcl})。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/trace.py" line="83" />
        <source>Microsoft's filter flagged it as {category}.</source>
        <translation>Microsoft のフィルタが {category} と判定しています。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/trace.py" line="84" />
        <source>A Received line looks forged.</source>
        <translation>偽装された Received 行があります。</translation>
    </message>
</context>
</TS>