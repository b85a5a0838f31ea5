<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>Findings</name>
    <message>
        <location filename="../../wizard/ui/messages/maillog.py" line="8" />
        <source>After {since}, {count} messages from {domain} were scored as spam ({rules}, +{score_delta}) and all were delivered to {delivered_to}: the block list only adds score while the action is 'deliver'.</source>
        <translation>{since} 以降、{domain} からのメール {count} 通はスパムと判定されました（{rules}、+{score_delta}）が、すべて {delivered_to} に配送されています。処置が「通常どおり受信」の間は、ブロックリストはスパムスコアを加算するだけです。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/maillog.py" line="12" />
        <source>After {since}, {count} messages from {domain} arrived; {delivered} of them were still delivered to {delivered_to} although scored as spam ({rules}).</source>
        <translation>{since} 以降、{domain} からのメールが {count} 通届きました。そのうち {delivered} 通は、スパムと判定された（{rules}）にもかかわらず {delivered_to} に配送されています。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/maillog.py" line="16" />
        <source>After {since}, {count} messages from {domain} were delivered to {delivered_to} without being scored as spam: the block list is not being applied (is the spam filter switched on for this address?).</source>
        <translation>{since} 以降、{domain} からのメール {count} 通はスパム判定されないまま {delivered_to} に配送されています。ブロックリストが適用されていません（このアドレスでスパムフィルタが有効になっているかご確認ください）。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/maillog.py" line="20" />
        <source>After {since}, {count} messages from {domain} were moved to the folder '{folder}': the action works.</source>
        <translation>{since} 以降、{domain} からのメール {count} 通は「{folder}」フォルダーに振り分けられています。設定した処置は機能しています。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/maillog.py" line="23" />
        <source>After {since}, {count} messages from {domain} were discarded on the server.</source>
        <translation>{since} 以降、{domain} からのメール {count} 通はサーバー上で削除されています。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/maillog.py" line="25" />
        <source>After {since}, {count} messages from {domain} were refused by the server.</source>
        <translation>{since} 以降、{domain} からのメール {count} 通はサーバーで受信を拒否されています。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/maillog.py" line="27" />
        <source>No message from {domain} arrived after {since} in this log.</source>
        <translation>このログでは、{since} 以降に {domain} からのメールは届いていません。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/maillog.py" line="29" />
        <source>{count} messages to {address} were refused as 'user unknown' (the address no longer exists), the first at {first}.</source>
        <translation>{address} 宛てのメール {count} 通は「ユーザー不明」として受信を拒否されています（このアドレスはもう存在しません）。最初の拒否は {first} です。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/maillog.py" line="33" />
        <source>Spam to {recipient} started at {first} ({count} messages in this log).</source>
        <translation>{recipient} 宛てのスパムは {first} から届き始めています（このログで {count} 通）。</translation>
    </message>
</context>
<context>
    <name>HourlyChart</name>
    <message>
        <location filename="../../wizard/ui/widgets/verification_panel.py" line="80" />
        <source>Spam per hour and recipient</source>
        <translation>宛先別・1時間ごとのスパム件数</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/verification_panel.py" line="101" />
        <source>others</source>
        <translation>その他</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/verification_panel.py" line="125" />
        <source>No spam counted yet.</source>
        <translation>まだスパムは集計されていません。</translation>
    </message>
</context>
<context>
    <name>LogPanel</name>
    <message>
        <location filename="../../wizard/ui/widgets/log_panel.py" line="81" />
        <source>&amp;Import log file…</source>
        <translation>ログファイルを読み込む(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/log_panel.py" line="82" />
        <source>Read the mail server's delivery log (maillog, mail.log; .gz and .bz2 too). You can also drop files here.</source>
        <translation>メールサーバーの配送ログ（maillog、mail.log。.gz・.bz2 も可）を読み込みます。ここにファイルをドロップすることもできます。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/log_panel.py" line="85" />
        <source>&amp;Cancel</source>
        <translation>中止(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/log_panel.py" line="91" />
        <source>Log import progress</source>
        <translation>ログ読み込みの進捗</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/log_panel.py" line="93" />
        <source>No server log imported yet.</source>
        <translation>サーバーログはまだ読み込まれていません。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/log_panel.py" line="106" />
        <source>What the server log shows for each sample</source>
        <translation>サンプルごとのサーバーログの記録</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/log_panel.py" line="107" />
        <source>&amp;Server log for the pasted samples:</source>
        <translation>貼り付けたサンプルのサーバーログ(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/log_panel.py" line="124" />
        <source>Sample</source>
        <translation>サンプル</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/log_panel.py" line="124" />
        <source>Found by</source>
        <translation>照合方法</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/log_panel.py" line="124" />
        <source>Client IP</source>
        <translation>送信元IP</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/log_panel.py" line="124" />
        <source>HELO</source>
        <translation>HELO</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/log_panel.py" line="125" />
        <source>Spam filter</source>
        <translation>スパムフィルタ</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/log_panel.py" line="125" />
        <source>Recipient</source>
        <translation>宛先</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/log_panel.py" line="125" />
        <source>What happened</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/log_panel.py" line="130" />
        <source>Import server log</source>
        <translation>サーバーログの読み込み</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/log_panel.py" line="131" />
        <source>Mail logs (*.log *.gz *.bz2 *.xz maillog* mail.log* mainlog* *);;All files (*)</source>
        <translation>メールログ (*.log *.gz *.bz2 *.xz maillog* mail.log* mainlog* *);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/log_panel.py" line="144" />
        <source>Reading %1 …</source>
        <translation>%1 を読み込んでいます…</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/log_panel.py" line="154" />
        <location filename="../../wizard/ui/widgets/log_panel.py" line="183" />
        <source>Import cancelled.</source>
        <translation>読み込みを中止しました。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/log_panel.py" line="176" />
        <source>The log could not be read: %1</source>
        <translation>ログを読み込めませんでした: %1</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/log_panel.py" line="189" />
        <source>%1 messages from %2 lines; %3 lines not understood.</source>
        <translation>%2 行から %1 通のメールを読み取りました（解釈できなかった行: %3 行）。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/log_panel.py" line="235" />
        <source>(no log imported)</source>
        <translation>（ログ未読み込み）</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/log_panel.py" line="238" />
        <source>not found</source>
        <translation>見つかりません</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/log_panel.py" line="239" />
        <source>No record of this message in the imported log.</source>
        <translation>読み込んだログにこのメールの記録はありません。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/log_panel.py" line="241" />
        <source>queue id</source>
        <translation>キューID</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/log_panel.py" line="241" />
        <source>Message-ID</source>
        <translation>Message-ID</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/log_panel.py" line="243" />
        <source>not scanned</source>
        <translation>未検査</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/log_panel.py" line="245" />
        <source>spam</source>
        <translation>スパム</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/log_panel.py" line="245" />
        <source>not spam</source>
        <translation>スパムではない</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/log_panel.py" line="253" />
        <source>no delivery recorded</source>
        <translation>配送記録なし</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/log_panel.py" line="264" />
        <source>delivered to the inbox</source>
        <translation>受信箱に配送</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/log_panel.py" line="265" />
        <source>moved to folder '%1'</source>
        <translation>「%1」フォルダーに振り分け</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/log_panel.py" line="266" />
        <source>deleted on the server</source>
        <translation>サーバー上で削除</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/log_panel.py" line="267" />
        <source>refused by the server</source>
        <translation>サーバーで受信拒否</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/log_panel.py" line="268" />
        <source>returned to the sender</source>
        <translation>送信者に返送</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/log_panel.py" line="269" />
        <source>not delivered yet</source>
        <translation>未配送</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/log_panel.py" line="270" />
        <source>unclear</source>
        <translation>不明</translation>
    </message>
</context>
<context>
    <name>VerificationPanel</name>
    <message>
        <location filename="../../wizard/ui/widgets/verification_panel.py" line="37" />
        <source>inbox</source>
        <translation>受信箱</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/verification_panel.py" line="38" />
        <source>spam folder</source>
        <translation>スパムフォルダー</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/verification_panel.py" line="39" />
        <source>discarded</source>
        <translation>破棄</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/verification_panel.py" line="40" />
        <source>refused at SMTP time</source>
        <translation>SMTP の段階で拒否</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/verification_panel.py" line="41" />
        <source>bounced</source>
        <translation>エラーで返送</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/verification_panel.py" line="42" />
        <source>deferred</source>
        <translation>配送保留</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/verification_panel.py" line="43" />
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/verification_panel.py" line="183" />
        <source>Only &amp;until (e.g. when the action was changed):</source>
        <translation>この日時まで(&amp;U)（処置を変更した日時など）:</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/verification_panel.py" line="189" />
        <source>&amp;Check the log</source>
        <translation>ログで確認(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/verification_panel.py" line="193" />
        <source>What the log shows</source>
        <translation>ログからわかること</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/verification_panel.py" line="200" />
        <source>Block list &amp;set at:</source>
        <translation>ブロックリスト設定日時(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/verification_panel.py" line="202" />
        <source>Entries:</source>
        <translation>登録内容:</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/verification_panel.py" line="208" />
        <source>&amp;Findings:</source>
        <translation>確認結果(&amp;F):</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/verification_panel.py" line="210" />
        <source>Spam per hour and recipient:</source>
        <translation>宛先別・1時間ごとのスパム件数:</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/verification_panel.py" line="229" />
        <source>(no block-list entries decided yet)</source>
        <translation>（ブロックリストの登録内容はまだ決まっていません）</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/verification_panel.py" line="256" />
        <source>Import the server log on the trace page first.</source>
        <translation>先に経路確認のページでサーバーログを読み込んでください。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/verification_panel.py" line="277" />
        <source>No block-list entries to check.</source>
        <translation>確認するブロックリストの登録がありません。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/verification_panel.py" line="279" />
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/verification_panel.py" line="281" />
        <source>Outcomes after the change: %1</source>
        <translation>変更後の結果: %1</translation>
    </message>
</context>
</TS>