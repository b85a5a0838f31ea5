<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>DnsPanel</name>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="107"/>
        <source>Network check status</source>
        <translation>ネットワーク確認の状況</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="111"/>
        <source>Check</source>
        <translation>確認項目</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="111"/>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="112"/>
        <source>DNS and block list results</source>
        <translation>DNS とブロックリストの結果</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="213"/>
        <source>Checking DNS and block lists…</source>
        <translation>DNS とブロックリストを確認しています…</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="229"/>
        <source>Checking DNS and block lists… %1 of %2 checks done</source>
        <translation>DNS とブロックリストを確認しています… %2 件中 %1 件完了</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="240"/>
        <source>Offline: network checks not run (country from the offline database).</source>
        <translation>オフライン: ネットワーク確認は行っていません(国はオフラインのデータベースから表示しています)。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="245"/>
        <source>Network checks finished.</source>
        <translation>ネットワーク確認が完了しました。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="246"/>
        <source>Network checks finished; some answers timed out.</source>
        <translation>ネットワーク確認が完了しました。一部の応答はタイムアウトしました。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="252"/>
        <source>The network checks failed: %1</source>
        <translation>ネットワーク確認に失敗しました: %1</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="256"/>
        <source>No sample to check yet.</source>
        <translation>確認するサンプルがまだありません。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="267"/>
        <source>Sample %1</source>
        <translation>サンプル %1</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="279"/>
        <source>Country and network owner: offline data %1 (%2). %3</source>
        <translation>国とネットワーク所有者: オフラインデータ %1(%2)。%3</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="303"/>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="377"/>
        <source>pending…</source>
        <translation>確認中…</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="305"/>
        <source>timed out</source>
        <translation>タイムアウト</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="307"/>
        <source>not checked (offline)</source>
        <translation>未確認(オフライン)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="308"/>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="311"/>
        <source>Relays</source>
        <translation>中継サーバー</translation>
    </message>
    <message numerus="yes">
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="312"/>
        <source>%n public relay(s)</source>
        <translation>
            <numerusform>公開中継サーバー %n 台</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="319"/>
        <source>Sender domain on block lists</source>
        <translation>送信元ドメインのブロックリスト掲載</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="327"/>
        <source>handed the mail to us</source>
        <translation>当社サーバーにメールを渡したサーバー</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="328"/>
        <source>our own server</source>
        <translation>当社のサーバー</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="328"/>
        <source>earlier relay</source>
        <translation>それ以前の中継</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="329"/>
        <source>hop %1, %2</source>
        <translation>経路 %1、%2</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="336"/>
        <source>lookup failed (%1)</source>
        <translation>問い合わせ失敗(%1)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="337"/>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="342"/>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="354"/>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="355"/>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="361"/>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="364"/>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="339"/>
        <source>none (no reverse DNS)</source>
        <translation>なし(逆引き DNS がありません)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="340"/>
        <source>yes: the name points back to this IP</source>
        <translation>はい: 名前がこの IP を指しています</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="341"/>
        <source>no: the name does not point back to this IP</source>
        <translation>いいえ: 名前がこの IP を指していません</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="343"/>
        <source>Reverse DNS (PTR)</source>
        <translation>逆引き DNS(PTR)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="344"/>
        <source>Forward-confirmed (FCrDNS)</source>
        <translation>正引き一致(FCrDNS)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="347"/>
        <source>%1 (differs from what DNS says now)</source>
        <translation>%1(現在の DNS と異なります)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="351"/>
        <source>Name recorded in the header</source>
        <translation>ヘッダーに記録された名前</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="357"/>
        <source>private or reserved address</source>
        <translation>プライベートまたは予約済みアドレス</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="363"/>
        <source>%1: abroad</source>
        <translation>%1: 海外</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="365"/>
        <source>Country</source>
        <translation>国</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="366"/>
        <source>Network owner</source>
        <translation>ネットワーク所有者</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="370"/>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="372"/>
        <source>Block lists</source>
        <translation>ブロックリスト</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="382"/>
        <source>listed on %1</source>
        <translation>%1 件に掲載</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="382"/>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="394"/>
        <source>not listed</source>
        <translation>掲載なし</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="384"/>
        <source>%1 unknown</source>
        <translation>%1 件不明</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="386"/>
        <source>%1 pending</source>
        <translation>%1 件確認中</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="392"/>
        <source>LISTED: %1 (%2)</source>
        <translation>掲載あり: %1(%2)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="396"/>
        <source>not usable: %1 (%2); this is not a listing</source>
        <translation>利用できません: %1(%2)。掲載を意味するものではありません</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="398"/>
        <source>unknown: %1</source>
        <translation>不明: %1</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="405"/>
        <source>no sender domain or relay to check</source>
        <translation>確認できる送信元ドメインまたは中継がありません</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="410"/>
        <source>pass: the domain authorises this server</source>
        <translation>pass: ドメインがこのサーバーからの送信を許可しています</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="411"/>
        <source>fail: the domain says this server may NOT send its mail</source>
        <translation>fail: ドメインはこのサーバーからの送信を許可していません</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="412"/>
        <source>softfail: the domain does not authorise this server (weak)</source>
        <translation>softfail: ドメインはこのサーバーを許可していません(弱い指定)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="413"/>
        <source>neutral: the domain makes no statement</source>
        <translation>neutral: ドメインは判断を示していません</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="414"/>
        <source>none: the domain publishes no SPF record</source>
        <translation>none: ドメインは SPF レコードを公開していません</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="415"/>
        <source>temporary DNS error: try again later</source>
        <translation>一時的な DNS エラー: 時間をおいて再度お試しください</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="416"/>
        <source>error in the domain&apos;s SPF record</source>
        <translation>ドメインの SPF レコードに誤りがあります</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="419"/>
        <source>SPF</source>
        <translation>SPF</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="421"/>
        <source>Envelope sender domain</source>
        <translation>エンベロープ送信者のドメイン</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="423"/>
        <source>Record</source>
        <translation>レコード</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="425"/>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="432"/>
        <source>no From domain to check</source>
        <translation>確認できる From ドメインがありません</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="434"/>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="461"/>
        <source>lookup failed</source>
        <translation>問い合わせ失敗</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="435"/>
        <source>no DMARC record: the domain asks nothing of receivers</source>
        <translation>DMARC レコードなし: 受信側への指示はありません</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="437"/>
        <source>aligned</source>
        <translation>一致</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="437"/>
        <source>NOT aligned</source>
        <translation>不一致</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="438"/>
        <source>alignment unknown</source>
        <translation>一致は不明</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="439"/>
        <source>policy %1, %2</source>
        <translation>ポリシー %1、%2</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="441"/>
        <source>DMARC</source>
        <translation>DMARC</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="443"/>
        <source>Record at %1</source>
        <translation>%1 のレコード</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="450"/>
        <source>no sender domain</source>
        <translation>送信元ドメインがありません</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="451"/>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="453"/>
        <source>Sender domain (MX)</source>
        <translation>送信元ドメイン(MX)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="454"/>
        <source>%n domain(s)</source>
        <translation>
            <numerusform>%n 件のドメイン</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="457"/>
        <source>DOES NOT EXIST</source>
        <translation>存在しません</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="459"/>
        <source>DOES NOT EXIST: imitates %1</source>
        <translation>存在しません: %1 に似せた名前です</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="463"/>
        <source>takes no mail (null MX)</source>
        <translation>メールを受け付けません(null MX)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="465"/>
        <source>no MX; mail goes to the domain&apos;s own address</source>
        <translation>MX なし: ドメイン自身のアドレスで受信します</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/dns_panel.py" line="467"/>
        <source>no mail servers</source>
        <translation>メールサーバーがありません</translation>
    </message>
</context>
<context>
    <name>Findings</name>
    <message>
        <location filename="../../wizard/ui/messages/dns.py" line="8"/>
        <source>Network checks were not run (offline): reverse DNS, block lists, SPF, DMARC and MX are not checked.</source>
        <translation>ネットワーク確認は行っていません(オフライン)。逆引き DNS、ブロックリスト、SPF、DMARC、MX は未確認です。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/dns.py" line="11"/>
        <source>The relay {ip} has no reverse DNS name. Legitimate mail servers almost always have one.</source>
        <translation>中継サーバー {ip} には逆引き DNS の名前がありません。正規のメールサーバーにはほぼ必ず設定されています。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/dns.py" line="14"/>
        <source>The reverse DNS name of {ip} ({ptr}) does not point back to it: the name is not confirmed.</source>
        <translation>{ip} の逆引き名({ptr})は、この IP を指していません。名前の正しさは確認できません。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/dns.py" line="17"/>
        <source>Our server recorded {ip} as &quot;{header}&quot;, but DNS now says &quot;{now}&quot;.</source>
        <translation>当社サーバーは {ip} を「{header}」と記録していますが、現在の DNS では「{now}」です。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/dns.py" line="19"/>
        <source>The sending server {ip} is on the block list {list}: {meaning}</source>
        <translation>送信サーバー {ip} はブロックリスト {list} に掲載されています: {meaning}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/dns.py" line="21"/>
        <source>The block list {zone} refused the question ({meaning}). This is not a listing; ask through a registered resolver.</source>
        <translation>ブロックリスト {zone} は問い合わせを拒否しました({meaning})。掲載を意味するものではありません。登録済みのリゾルバーから問い合わせてください。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/dns.py" line="24"/>
        <source>The server that handed the mail to us ({ip}) is abroad: {country_name}, network of {asn_org}.</source>
        <translation>当社サーバーにメールを渡したサーバー({ip})は海外にあります: {country_name}、{asn_org} のネットワークです。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/dns.py" line="27"/>
        <source>SPF fail: {domain} says {ip} may not send its mail. The sender address is forged.</source>
        <translation>SPF fail: {domain} は {ip} からの送信を認めていません。送信者アドレスは偽装されています。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/dns.py" line="29"/>
        <source>SPF softfail: {domain} does not authorise {ip} (a weak &quot;probably not&quot;).</source>
        <translation>SPF softfail: {domain} は {ip} を許可していません(「おそらく不正」という弱い指定)。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/dns.py" line="31"/>
        <source>SPF neutral: {domain} makes no statement about {ip}.</source>
        <translation>SPF neutral: {domain} は {ip} について判断を示していません。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/dns.py" line="33"/>
        <source>SPF none: {domain} publishes no SPF record, so the sender address cannot be checked.</source>
        <translation>SPF none: {domain} は SPF レコードを公開していないため、送信者アドレスを確認できません。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/dns.py" line="35"/>
        <source>The SPF record of {domain} is broken: {explanation}</source>
        <translation>{domain} の SPF レコードに誤りがあります: {explanation}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/dns.py" line="37"/>
        <source>SPF for {domain} could not be checked now (DNS error): {explanation}</source>
        <translation>{domain} の SPF は現在確認できません(DNS エラー): {explanation}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/dns.py" line="39"/>
        <source>{domain} publishes no DMARC policy: receivers are not asked to reject forged mail.</source>
        <translation>{domain} は DMARC ポリシーを公開していません。受信側に偽装メールの拒否を求めていません。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/dns.py" line="41"/>
        <source>Neither SPF nor DKIM confirms the From domain {domain} (DMARC policy: {policy}).</source>
        <translation>SPF でも DKIM でも From ドメイン {domain} を確認できません(DMARC ポリシー: {policy})。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/dns.py" line="43"/>
        <source>The sender domain {domain} does not exist. Replies cannot reach it.</source>
        <translation>送信元ドメイン {domain} は存在しません。返信しても届きません。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/dns.py" line="45"/>
        <source>The sender domain {domain} does not exist and imitates {of}.</source>
        <translation>送信元ドメイン {domain} は存在せず、{of} に似せた名前です。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/dns.py" line="47"/>
        <source>The sender domain {domain} declares that it receives no mail (null MX).</source>
        <translation>送信元ドメイン {domain} はメールを受け付けないと宣言しています(null MX)。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/dns.py" line="49"/>
        <source>The sender domain {domain} has no mail server: replies cannot be delivered.</source>
        <translation>送信元ドメイン {domain} にはメールサーバーがありません。返信は届きません。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/dns.py" line="51"/>
        <source>The sender domain {domain} is on the block list {list}: {meaning}</source>
        <translation>送信元ドメイン {domain} はブロックリスト {list} に掲載されています: {meaning}</translation>
    </message>
</context>
</TS>
