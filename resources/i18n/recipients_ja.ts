<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>AddressCheckWidget</name>
    <message>
        <location filename="../../wizard/ui/widgets/address_check.py" line="65" />
        <source>exactly as the customer typed it, e.g. ｔａｎａｋａ＠…</source>
        <translation>お客様が入力したとおりに（例: ｔａｎａｋａ＠…）</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/address_check.py" line="66" />
        <source>Address as the customer typed it</source>
        <translation>お客様が入力したアドレス</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/address_check.py" line="69" />
        <source>registered addresses, separated by commas</source>
        <translation>登録アドレス（複数はカンマ区切り）</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/address_check.py" line="70" />
        <source>Registered addresses</source>
        <translation>登録アドレス</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/address_check.py" line="74" />
        <source>What the customer t&amp;yped:</source>
        <translation>お客様の入力内容(&amp;Y):</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/address_check.py" line="76" />
        <source>Re&amp;gistered address:</source>
        <translation>登録アドレス(&amp;G):</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/address_check.py" line="84" />
        <source>Differences</source>
        <translation>違い</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/address_check.py" line="93" />
        <source>Spell with &amp;words (t as in tango)</source>
        <translation>単語で伝える（t as in tango）(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/address_check.py" line="94" />
        <source>Copy &amp;Japanese</source>
        <translation>日本語をコピー(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/address_check.py" line="95" />
        <source>Copy the Japanese read-back</source>
        <translation>日本語の読み上げをコピー</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/address_check.py" line="96" />
        <source>Copy Eng&amp;lish</source>
        <translation>英語をコピー(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/address_check.py" line="97" />
        <source>Copy the English read-back</source>
        <translation>英語の読み上げをコピー</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/address_check.py" line="102" />
        <source>Read this back to the customer, letter by letter:</source>
        <translation>お客様に一文字ずつ読み上げてください:</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/address_check.py" line="146" />
        <source>Character %1: “%2” is full-width (Japanese input on); it must be “%3”.</source>
        <translation>%1文字目: 「%2」が全角です（日本語入力がオン）。正しくは「%3」です。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/address_check.py" line="147" />
        <source>Character %1: “%2” is not the normal @ sign; it must be “%3”.</source>
        <translation>%1文字目: 「%2」は通常の＠（半角）ではありません。正しくは「%3」です。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/address_check.py" line="148" />
        <source>Character %1: “%2” is a Japanese period or dot, not “%3”.</source>
        <translation>%1文字目: 「%2」は日本語の句点や中点で、ドット「%3」ではありません。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/address_check.py" line="149" />
        <source>Character %1: “%2” is a long-vowel mark or dash, not the hyphen “%3”.</source>
        <translation>%1文字目: 「%2」は長音記号やダッシュで、ハイフン「%3」ではありません。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/address_check.py" line="150" />
        <source>Character %1: a space “%2” that must not be there.</source>
        <translation>%1文字目: 不要な空白「%2」が入っています。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/address_check.py" line="151" />
        <source>Character %1: an invisible character %2 (often from copy and paste); delete it.</source>
        <translation>%1文字目: 見えない文字 %2 が入っています（コピー＆ペーストで入りがちです）。削除してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/address_check.py" line="153" />
        <source>Character %1: “%2” was typed in kana; it must be the letters “%3”.</source>
        <translation>%1文字目: 「%2」がかなで入力されています。正しくは英字の「%3」です。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/address_check.py" line="154" />
        <source>Character %1: “%2” has an accent; it must be “%3”.</source>
        <translation>%1文字目: 「%2」にアクセント記号が付いています。正しくは「%3」です。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/address_check.py" line="155" />
        <source>Character %1: “%2” instead of “%3”: upper/lower case normally does not matter for addresses.</source>
        <translation>%1文字目: 「%3」が「%2」になっています。アドレスでは大文字・小文字は通常区別されません。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/address_check.py" line="157" />
        <source>Character %1: “%2” looks like “%3” but is a different character.</source>
        <translation>%1文字目: 「%2」は「%3」に似ていますが、別の文字です。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/address_check.py" line="158" />
        <source>Character %1: “%2” is swapped; it must be “%3”.</source>
        <translation>%1文字目: 「%2」の順番が入れ替わっています。正しくは「%3」です。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/address_check.py" line="159" />
        <source>Character %1: “%2” is extra.</source>
        <translation>%1文字目: 「%2」が余分です。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/address_check.py" line="160" />
        <source>Before character %1: “%3” is missing.</source>
        <translation>%1文字目の前: 「%3」が抜けています。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/address_check.py" line="161" />
        <location filename="../../wizard/ui/widgets/address_check.py" line="165" />
        <source>Character %1: “%2” should be “%3”.</source>
        <translation>%1文字目: 「%2」は「%3」が正しいです。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/address_check.py" line="162" />
        <source>Character %1: the address ends in “%2” but the registered one ends in “%3”.</source>
        <translation>%1文字目: 入力は「%2」で終わっていますが、登録アドレスは「%3」で終わります。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/address_check.py" line="168" />
        <source>Character %1: “%2” instead of “%3”: upper/lower case never matters after the @.</source>
        <translation>%1文字目: 「%3」が「%2」になっています。@ より後ろでは大文字・小文字は区別されません。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/address_check.py" line="177" />
        <source>Type what the customer typed to see why it is not recognised.</source>
        <translation>お客様が入力した内容を打ち込むと、認識されない理由を表示します。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/address_check.py" line="185" />
        <source>This is exactly the registered address %1.</source>
        <translation>登録アドレス %1 と完全に一致しています。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/address_check.py" line="188" />
        <source>This is the registered address %1; only upper/lower case differs.</source>
        <translation>登録アドレス %1 です。大文字・小文字だけが異なります。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/address_check.py" line="191" />
        <source>Not the same as %1: %2 difference(s).</source>
        <translation>%1 とは一致しません（違い %2 か所）。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/address_check.py" line="195" />
        <source>No registered address is close to what was typed.</source>
        <translation>入力内容に近い登録アドレスはありません。</translation>
    </message>
</context>
<context>
    <name>CertCheckWidget</name>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="71" />
        <source>e.g. cp.example.ne.jp:8443</source>
        <translation>例: cp.example.ne.jp:8443</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="72" />
        <source>Control panel host and port</source>
        <translation>コントロールパネルのホストとポート</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="75" />
        <source>the host name in the customer's address bar, if different</source>
        <translation>お客様のアドレスバーのホスト名（異なる場合）</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="76" />
        <source>Host name the customer uses</source>
        <translation>お客様が使っているホスト名</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="77" />
        <source>C&amp;heck</source>
        <translation>チェック(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="78" />
        <source>Check the certificate</source>
        <translation>証明書をチェック</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="80" />
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="86" />
        <source>Checking</source>
        <translation>チェック中</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="89" />
        <source>Control &amp;panel address:</source>
        <translation>コントロールパネルのアドレス(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="109" />
        <source>Customer's browser</source>
        <translation>お客様のブラウザー</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="111" />
        <source>Google Chrome</source>
        <translation>Google Chrome</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="111" />
        <source>Microsoft Edge</source>
        <translation>Microsoft Edge</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="112" />
        <source>Mozilla Firefox</source>
        <translation>Mozilla Firefox</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="112" />
        <source>Safari on Mac</source>
        <translation>Safari（Mac）</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="113" />
        <source>Safari on iPhone</source>
        <translation>Safari（iPhone）</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="117" />
        <source>Customer's b&amp;rowser:</source>
        <translation>お客様のブラウザー(&amp;R):</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="91" />
        <source>Name in the br&amp;owser (optional):</source>
        <translation>ブラウザーでの名前（任意）(&amp;O):</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="124" />
        <source>Copy ad&amp;vice</source>
        <translation>案内をコピー(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="147" />
        <source>Enter the address of the control panel and press Check.</source>
        <translation>コントロールパネルのアドレスを入力して「チェック」を押してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="174" />
        <source>Connecting to %1…</source>
        <translation>%1 に接続しています…</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="192" />
        <source>The check failed: %1</source>
        <translation>チェックに失敗しました: %1</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="209" />
        <source>No answer from %1 within %2 seconds. The panel may be unreachable from here, or the port is wrong.</source>
        <translation>%1 から %2 秒以内に応答がありませんでした。ここからはパネルに届かないか、ポート番号が違う可能性があります。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="213" />
        <source>Could not read a certificate from %1.</source>
        <translation>%1 から証明書を読み取れませんでした。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="215" />
        <source>The certificate of %1 is valid: no warning expected.</source>
        <translation>%1 の証明書は有効です。警告は出ないはずです。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="218" />
        <source>Browsers will show a security warning for %1 (%2 problem(s)).</source>
        <translation>%1 ではブラウザーにセキュリティ警告が表示されます（問題 %2 件）。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="222" />
        <source>Issued to: %1
Issued by: %2
Names covered: %3
Valid: %4 to %5</source>
        <translation>発行先: %1
発行者: %2
対象の名前: %3
有効期間: %4 〜 %5</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="233" />
        <source>Better move: ask the customer to try a smartphone or another computer. On this one the browser offers no way past the warning.</source>
        <translation>おすすめ: スマートフォンや別のパソコンで試していただきましょう。このパソコンのブラウザーでは警告の先へ進めません。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="239" />
        <source>Self-signed certificate</source>
        <translation>自己署名証明書</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="240" />
        <source>Issuer not trusted</source>
        <translation>発行元が信頼されていない</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="241" />
        <source>Intermediate certificate missing</source>
        <translation>中間証明書がない</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="242" />
        <source>Host name not covered</source>
        <translation>ホスト名が証明書と一致しない</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="243" />
        <source>Expired</source>
        <translation>有効期限切れ</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="244" />
        <source>Not valid yet</source>
        <translation>まだ有効になっていない</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="245" />
        <source>Weak key</source>
        <translation>鍵が弱い</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="246" />
        <source>Weak signature</source>
        <translation>署名が弱い</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="247" />
        <source>Strict HTTPS (HSTS)</source>
        <translation>HTTPS強制（HSTS）</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="248" />
        <source>Timed out</source>
        <translation>タイムアウト</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="249" />
        <source>Connection refused</source>
        <translation>接続拒否</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="250" />
        <source>Host name not found</source>
        <translation>ホスト名が見つからない</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="251" />
        <source>Secure connection failed</source>
        <translation>安全な接続に失敗</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="252" />
        <source>Unreachable</source>
        <translation>接続できない</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="253" />
        <source>No certificate</source>
        <translation>証明書なし</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="254" />
        <source>Address not usable</source>
        <translation>アドレスが使えない</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="262" />
        <source>The certificate for {name} is signed by itself, not by a certificate authority.</source>
        <translation>{name} の証明書は、認証局ではなく自分自身で署名されています。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="264" />
        <source>It was issued under {issuer}, which browsers do not trust.</source>
        <translation>{issuer} の下で発行されていますが、ブラウザーはこの発行元を信頼していません。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="265" />
        <source>The server does not send the intermediate certificate of {issuer}.</source>
        <translation>サーバーが {issuer} の中間証明書を送っていません。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="266" />
        <source>{host} is not covered. The certificate is for: {names}.</source>
        <translation>{host} は証明書の対象外です。証明書の対象: {names}。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="267" />
        <source>Expired on {date}.</source>
        <translation>{date} に有効期限が切れています。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="268" />
        <source>Valid only from {date}; also check the clock of the customer's PC.</source>
        <translation>{date} から有効になる証明書です。お客様のパソコンの時計もご確認ください。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="269" />
        <source>{key} key: browsers need RSA 2048 or EC 256 bits or more.</source>
        <translation>{key} の鍵です。ブラウザーは RSA 2048 ビットまたは EC 256 ビット以上を求めます。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="270" />
        <source>Signed with {algorithm}, which browsers reject.</source>
        <translation>{algorithm} で署名されており、ブラウザーに拒否されます。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="271" />
        <source>The site demands strict HTTPS (HSTS): browsers show no button to continue.</source>
        <translation>このサイトはHTTPSを強制しています（HSTS）。ブラウザーに「先へ進む」ボタンが表示されません。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="272" />
        <source>No answer from {host} within {seconds} seconds.</source>
        <translation>{host} から {seconds} 秒以内に応答がありませんでした。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="273" />
        <source>{host} refused the connection: nothing listens on that port.</source>
        <translation>{host} に接続を拒否されました。そのポートでは何も待ち受けていません。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="274" />
        <source>The host name in {host} was not found.</source>
        <translation>{host} のホスト名が見つかりませんでした。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="275" />
        <source>No secure connection could be set up ({reason}).</source>
        <translation>安全な接続を確立できませんでした（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="276" />
        <source>Cannot connect to {host} ({reason}).</source>
        <translation>{host} に接続できません（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="277" />
        <source>The server sent no readable certificate.</source>
        <translation>サーバーから読み取れる証明書が送られてきませんでした。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="278" />
        <source>Not a usable address: {text}</source>
        <translation>使えないアドレスです: {text}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="281" />
        <source>The intermediate certificate {intermediate} expired on {date}.</source>
        <translation>中間証明書 {intermediate} は {date} に有効期限が切れています。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/cert_check.py" line="286" />
        <source> Use %1 instead.</source>
        <translation>代わりに %1 をお使いください。</translation>
    </message>
</context>
<context>
    <name>Findings</name>
    <message>
        <location filename="../../wizard/ui/messages/recipients.py" line="9" />
        <source>None of the samples is addressed to the customer's domains ({domains}).</source>
        <translation>お客様のドメイン（{domains}）宛てのサンプルはありません。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/recipients.py" line="11" />
        <source>Delete {address}: it belongs to someone who left and receives the spam ({count} seen, since {first_seen}).</source>
        <translation>{address} の削除をおすすめします。退職された方のアドレスで、迷惑メールが届いています（{count} 通、{first_seen} から）。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/recipients.py" line="14" />
        <source>After deletion, mail to {address} is refused while it is being sent (550 5.1.1 user unknown): the sender gets an error, nothing is stored, and nobody can read mail sent to it any more.</source>
        <translation>削除後、{address} 宛てのメールは送信の時点で拒否されます（550 5.1.1 user unknown）。送信者にはエラーが返り、メールは保存されず、このアドレス宛てのメールは誰も読めなくなります。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/recipients.py" line="18" />
        <source>The spammer may move on to other addresses once {address} is gone, as in the original case. Also targeted now: {others}. Plan the block list step next.</source>
        <translation>{address} を削除すると、元の事例のように、送信者が別のアドレスに狙いを変えることがあります。現在ほかに狙われているアドレス: {others}。次にブロックリストの設定を検討しましょう。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/recipients.py" line="21" />
        <source>Ask the customer whether any of these addresses belongs to someone who has left: {addresses}.</source>
        <translation>次のアドレスに退職された方のものがないか、お客様に確認しましょう: {addresses}。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/recipients.py" line="24" />
        <source>{address} is an alias (to {targets}): deleting it removes only the alias, but check nobody still gives it out.</source>
        <translation>{address} はエイリアス（転送先 {targets}）です。削除で消えるのはエイリアスだけですが、まだ誰かが使っていないか確認しましょう。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/recipients.py" line="27" />
        <source>{address} forwards mail to {targets}: deleting it stops that forwarding too.</source>
        <translation>{address} は {targets} へ転送しています。削除するとその転送も止まります。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/recipients.py" line="29" />
        <source>{address} is the forwarding target of {sources}: deleting it breaks those forwards (their mail would bounce).</source>
        <translation>{address} は {sources} の転送先です。削除するとその転送が壊れます（メールがエラーで戻ります）。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/recipients.py" line="32" />
        <source>{address} also receives legitimate mail ({count} known-good samples): those senders will get errors after deletion; tell them the new address first.</source>
        <translation>{address} には正規のメールも届いています（正規サンプル {count} 通）。削除後はその送信者にエラーが返るため、先に新しいアドレスを伝えていただきましょう。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/recipients.py" line="35" />
        <source>{address} is not in the account list: it may be delivered by a catch-all or an alias, so there is no mailbox to delete.</source>
        <translation>{address} はアカウント一覧にありません。キャッチオールやエイリアスで配送されている可能性があり、削除するメールボックスがありません。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/recipients.py" line="38" />
        <source>{address} has not logged in since {last_login}: ask whether it is still used.</source>
        <translation>{address} は {last_login} 以降ログインがありません。今も使っているか確認しましょう。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/recipients.py" line="40" />
        <source>Verified in the log: {count} attempts to {address} were refused at SMTP time since {since} (550 5.1.1), as predicted.</source>
        <translation>ログで確認済み: {since} 以降、{address} 宛ての {count} 件が送信の時点で拒否されています（550 5.1.1）。予測どおりです。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/recipients.py" line="43" />
        <source>{count} messages to {address} were still delivered after {since}: the address may still exist as an alias, or a catch-all accepts it.</source>
        <translation>{since} 以降も {address} 宛てのメールが {count} 通配送されています。エイリアスとして残っているか、キャッチオールで受け取っている可能性があります。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/recipients.py" line="46" />
        <source>{address} is marked as departed but none of the samples is addressed to it.</source>
        <translation>{address} は退職済みとして印が付いていますが、このアドレス宛てのサンプルはありません。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/recipients.py" line="49" />
        <source>Account list line {line} skipped or partly read ({reason}): {text}</source>
        <translation>アカウント一覧の {line} 行目を読み飛ばしたか、一部だけ読み込みました（{reason}）: {text}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/recipients.py" line="51" />
        <source>Account list line {line}: {address} already appeared on line {first_line}.</source>
        <translation>アカウント一覧の {line} 行目: {address} は {first_line} 行目にもあります。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/recipients.py" line="53" />
        <source>The account list {source} has no usable rows.</source>
        <translation>アカウント一覧 {source} に使える行がありません。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/recipients.py" line="54" />
        <source>No address column found in {source}: export the list again as CSV with headers.</source>
        <translation>{source} にアドレスの列が見つかりません。見出し付きのCSVでもう一度書き出してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/recipients.py" line="56" />
        <source>{source} has no header line; the column with @ signs was read as the addresses.</source>
        <translation>{source} には見出し行がありません。@ を含む列をアドレスとして読み込みました。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/recipients.py" line="58" />
        <source>{source} is neither UTF-8 nor Shift_JIS (CP932); some names may look garbled.</source>
        <translation>{source} はUTF-8でもShift_JIS（CP932）でもありません。一部の文字が化けている可能性があります。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/recipients.py" line="60" />
        <source>Cannot read {source}: {error}</source>
        <translation>{source} を読み込めません: {error}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/recipients.py" line="61" />
        <source>{source} is not a text (CSV) file. Export the account list as CSV.</source>
        <translation>{source} はテキスト（CSV）ファイルではありません。アカウント一覧をCSVで書き出してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/recipients.py" line="63" />
        <source>{source} is too large ({size} bytes).</source>
        <translation>{source} は大きすぎます（{size} バイト）。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/recipients.py" line="65" />
        <source>Most of the address was typed in full-width characters: the Japanese input (IME) was on. Ask the customer to press the 半角/全角 key and type it again.</source>
        <translation>アドレスのほとんどが全角で入力されています（日本語入力がオンでした）。お客様に「半角/全角」キーを押してから入力し直していただきましょう。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/recipients.py" line="68" />
        <source>The typed address is not close to any registered address (closest: {closest}, {distance} changes away). Ask which address was registered.</source>
        <translation>入力されたアドレスは、どの登録アドレスにも近くありません（最も近いもの: {closest}、{distance} 文字違い）。どのアドレスで登録したかお客様に確認しましょう。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/recipients.py" line="71" />
        <source>The typed text has no @ sign, so it cannot be an address.</source>
        <translation>入力内容に @ がないため、アドレスになっていません。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/recipients.py" line="73" />
        <source>No registered address given: only typing slips can be shown.</source>
        <translation>登録アドレスが入力されていないため、入力ミスの種類だけを表示しています。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/recipients.py" line="75" />
        <source>Only upper/lower case differs: for addresses this normally does not matter.</source>
        <translation>大文字・小文字だけが異なります。アドレスでは通常区別されません。</translation>
    </message>
</context>
<context>
    <name>RecipientsModel</name>
    <message>
        <location filename="../../wizard/ui/widgets/recipients_table.py" line="79" />
        <source>Left the company</source>
        <translation>退職済み</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/recipients_table.py" line="79" />
        <source>Address</source>
        <translation>アドレス</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/recipients_table.py" line="79" />
        <source>Spam samples</source>
        <translation>迷惑メール数</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/recipients_table.py" line="80" />
        <source>In log</source>
        <translation>ログ件数</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/recipients_table.py" line="80" />
        <source>First seen</source>
        <translation>初回</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/recipients_table.py" line="80" />
        <source>Last seen</source>
        <translation>最終</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/recipients_table.py" line="80" />
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/recipients_table.py" line="86" />
        <source>alias</source>
        <translation>エイリアス</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/recipients_table.py" line="88" />
        <source>forwarding</source>
        <translation>転送</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/recipients_table.py" line="90" />
        <source>mailing list</source>
        <translation>メーリングリスト</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/recipients_table.py" line="92" />
        <source>mailbox</source>
        <translation>メールボックス</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/recipients_table.py" line="94" />
        <source>active</source>
        <translation>有効</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/recipients_table.py" line="96" />
        <source>disabled</source>
        <translation>停止中</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/recipients_table.py" line="98" />
        <source>departed</source>
        <translation>退職</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/recipients_table.py" line="102" />
        <source>not in account list</source>
        <translation>アカウント一覧にない</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/recipients_table.py" line="104" />
        <source>also gets legitimate mail</source>
        <translation>正規のメールも届く</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/recipients_table.py" line="115" />
        <source>%1 left the company</source>
        <translation>%1 は退職済み</translation>
    </message>
</context>
<context>
    <name>RecipientsPage</name>
    <message>
        <location filename="../../wizard/ui/pages/recipients_page.py" line="87" />
        <source>Which of the customer's addresses the spam is sent to, how often and since when. If one belongs to someone who has left, deleting it is the cleanest fix.</source>
        <translation>迷惑メールがお客様のどのアドレスに、どれくらい、いつから届いているかを確認します。退職された方のアドレスなら、削除するのがいちばん確実な対策です。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/recipients_page.py" line="98" />
        <source>&amp;Import account list (CSV)…</source>
        <translation>アカウント一覧を読み込む（CSV）(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/recipients_page.py" line="100" />
        <source>Import the account list exported from the control panel</source>
        <translation>コントロールパネルから書き出したアカウント一覧を読み込む</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/recipients_page.py" line="105" />
        <source>Address to delete</source>
        <translation>削除するアドレス</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/recipients_page.py" line="108" />
        <source>Address to &amp;delete:</source>
        <translation>削除するアドレス(&amp;D):</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/recipients_page.py" line="122" />
        <source>"&amp;Unknown address" checker</source>
        <translation>「未知のアドレス」チェック(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/recipients_page.py" line="95" />
        <source>T&amp;argeted addresses (tick the ones whose owner has left):</source>
        <translation>狙われているアドレス（退職された方のものに印を付けます）(&amp;A):</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/recipients_page.py" line="85" />
        <source>Step 3: Find the address to delete</source>
        <translation>手順 3:削除するアドレスを見つける</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/recipients_page.py" line="123" />
        <source>Security error (certi&amp;ficate) checker</source>
        <translation>セキュリティエラー（証明書）チェック(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/recipients_page.py" line="124" />
        <source>Helpers for logging in to the control panel</source>
        <translation>コントロールパネルへのログインを助けるツール</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/recipients_page.py" line="210" />
        <source>Counting the delivery log…</source>
        <translation>配送ログを集計しています…</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/recipients_page.py" line="222" />
        <source>The recipients could not be counted: %1</source>
        <translation>宛先を集計できませんでした: %1</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/recipients_page.py" line="229" />
        <source>%1 of the customer's addresses receive the spam (%2 samples). The flood started %3.</source>
        <translation>お客様のアドレスのうち %1 件に迷惑メールが届いています（サンプル %2 通）。急増が始まったのは %3 です。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/recipients_page.py" line="233" />
        <source>at an unknown time</source>
        <translation>不明な時刻</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/recipients_page.py" line="235" />
        <source>None of the samples is addressed to the customer's domains.</source>
        <translation>お客様のドメイン宛てのサンプルはありません。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/recipients_page.py" line="237" />
        <source>No samples yet: paste the spam's headers on the first page.</source>
        <translation>まだサンプルがありません。最初のページで迷惑メールのヘッダーを貼り付けてください。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/recipients_page.py" line="243" />
        <source>Account list: %1 accounts imported, %2 lines with problems.</source>
        <translation>アカウント一覧: %1 件を読み込みました。問題のある行は %2 行です。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/recipients_page.py" line="251" />
        <source>(not decided)</source>
        <translation>（未定）</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/recipients_page.py" line="341" />
        <source>Import account list</source>
        <translation>アカウント一覧の読み込み</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/recipients_page.py" line="341" />
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSVファイル (*.csv *.txt);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/recipients_page.py" line="349" />
        <source>Reading the account list…</source>
        <translation>アカウント一覧を読み込んでいます…</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/recipients_page.py" line="364" />
        <source>The account list could not be read: %1</source>
        <translation>アカウント一覧を読み込めませんでした: %1</translation>
    </message>
</context>
<context>
    <name>RecipientsTable</name>
    <message>
        <location filename="../../wizard/ui/widgets/recipients_table.py" line="166" />
        <source>Targeted addresses</source>
        <translation>狙われているアドレス</translation>
    </message>
</context>
</TS>