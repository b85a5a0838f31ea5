<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>Findings</name>
    <message>
        <location filename="../../wizard/ui/messages/cases.py" line="9" />
        <source>Previous call: {when}, {agent}. {notes}</source>
        <translation>前回の通話：{when}、担当 {agent}。{notes}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/cases.py" line="10" />
        <source>Deleted the address {address} ({when}).</source>
        <translation>アドレス {address} を削除しました（{when}）。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/cases.py" line="11" />
        <source>Marked as belonging to someone who left: {addresses} ({when}).</source>
        <translation>退職者のアドレスとして記録：{addresses}（{when}）。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/cases.py" line="13" />
        <source>Block list set: {entries} ({when}).</source>
        <translation>ブロックリストに登録：{entries}（{when}）。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/cases.py" line="14" />
        <source>Action for spam set to "{value}" ({when}).</source>
        <translation>迷惑メールの処理方法を「{value}」に設定（{when}）。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/cases.py" line="15" />
        <source>Filter sensitivity set to "{value}" ({when}).</source>
        <translation>フィルターの感度を「{value}」に設定（{when}）。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/cases.py" line="17" />
        <source>Server profile: {value} ({when}).</source>
        <translation>サーバー構成：{value}（{when}）。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/cases.py" line="18" />
        <source>Note: {text} ({when}).</source>
        <translation>メモ：{text}（{when}）。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/cases.py" line="19" />
        <source>{kind}: {value} ({when}).</source>
        <translation>{kind}：{value}（{when}）。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/cases.py" line="20" />
        <source>Address {address} deleted on {day}: load today's log and check that mail to it is now refused.</source>
        <translation>{day}にアドレス {address} を削除：本日のログを読み込み、このアドレス宛てのメールが受信拒否されているか確認してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/cases.py" line="23" />
        <source>Block list set on {day}: load today's log to check it (on a score-based filter an entry only adds points).</source>
        <translation>{day}にブロックリストを設定：本日のログを読み込んで効果を確認してください（スコア方式のフィルターでは、登録しても点数が加算されるだけです）。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/cases.py" line="26" />
        <source>Action "{value}" set on {day}: load today's log and check that spam no longer reaches the inbox; ask the customer to look at the spam folder in webmail for wanted mail.</source>
        <translation>{day}に処理方法を「{value}」に設定：本日のログで迷惑メールが受信箱に届いていないか確認し、必要なメールが紛れていないか、ウェブメールの迷惑メールフォルダーをお客様にご確認いただいてください。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/cases.py" line="29" />
        <source>Sensitivity "{value}" set on {day}: ask whether wanted mail is being caught or spam still gets through.</source>
        <translation>{day}に感度を「{value}」に設定：必要なメールが止められていないか、迷惑メールがまだ届いていないかをお客様に伺ってください。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/cases.py" line="32" />
        <source>Follow-up due {due}: {what}</source>
        <translation>{due} 期限の確認事項：{what}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/cases.py" line="36" />
        <source>deliver normally</source>
        <translation>通常どおり配送</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/cases.py" line="37" />
        <source>tag the subject</source>
        <translation>件名に目印を付ける</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/cases.py" line="38" />
        <source>move to the server's spam folder</source>
        <translation>サーバーの迷惑メールフォルダーへ移動</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/cases.py" line="39" />
        <source>delete on the server</source>
        <translation>サーバー上で削除</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/cases.py" line="40" />
        <source>refuse at the server</source>
        <translation>サーバーで受信拒否</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/cases.py" line="41" />
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/cases.py" line="42" />
        <source>medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/cases.py" line="43" />
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/cases.py" line="48" />
        <source>Address deleted</source>
        <translation>削除したアドレス</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/cases.py" line="49" />
        <source>Addresses of people who left</source>
        <translation>退職者のアドレス</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/cases.py" line="50" />
        <source>Block list</source>
        <translation>ブロックリスト</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/cases.py" line="51" />
        <source>Action for spam</source>
        <translation>迷惑メールの処理方法</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/cases.py" line="52" />
        <source>Filter sensitivity</source>
        <translation>フィルターの感度</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/cases.py" line="53" />
        <source>Server profile</source>
        <translation>サーバー構成</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/cases.py" line="54" />
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/cases.py" line="55" />
        <source>Verification</source>
        <translation>確認</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/cases.py" line="60" />
        <source>check in the delivery log what the block list did</source>
        <translation>配送ログでブロックリストの効果を確認</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/cases.py" line="61" />
        <source>check in the delivery log that spam is handled by the chosen action</source>
        <translation>配送ログで迷惑メールが選んだ方法で処理されているか確認</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/cases.py" line="63" />
        <source>check in the delivery log that mail to the deleted address is refused</source>
        <translation>配送ログで削除したアドレス宛てのメールが受信拒否されているか確認</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/cases.py" line="65" />
        <source>ask whether the new sensitivity suits the customer</source>
        <translation>新しい感度で問題がないかお客様に伺う</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/cases.py" line="70" />
        <source>1. Paste the headers</source>
        <translation>1. ヘッダーの貼り付け</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/cases.py" line="71" />
        <source>2. Trace the origin</source>
        <translation>2. 送信元の調査</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/cases.py" line="72" />
        <source>2b. Customer's PC or account</source>
        <translation>2b. お客様のPC・アカウント</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/cases.py" line="73" />
        <source>3. Address to delete</source>
        <translation>3. 削除するアドレス</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/cases.py" line="74" />
        <source>4. Block list</source>
        <translation>4. ブロックリスト</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/cases.py" line="75" />
        <source>5. What the filter does</source>
        <translation>5. フィルターの処理</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/cases.py" line="76" />
        <source>6. Summary and follow-up</source>
        <translation>6. まとめと今後の確認</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="420" />
        <source>New case</source>
        <translation>新しい案件</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="422" />
        <source>Customer name</source>
        <translation>お客様名</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="425" />
        <source>Customer's mail domain</source>
        <translation>お客様のメールドメイン</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="429" />
        <source>&amp;Customer:</source>
        <translation>お客様(&amp;C):</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="431" />
        <source>Mail &amp;domain:</source>
        <translation>メールドメイン(&amp;D):</translation>
    </message>
</context>
<context>
    <name>ReportExportWidget</name>
    <message>
        <location filename="../../wizard/ui/report_export.py" line="119" />
        <source>Japanese</source>
        <translation>日本語</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/report_export.py" line="120" />
        <source>English</source>
        <translation>英語</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/report_export.py" line="121" />
        <source>Report language</source>
        <translation>報告書の言語</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/report_export.py" line="122" />
        <source>Report &amp;language:</source>
        <translation>報告書の言語(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/report_export.py" line="124" />
        <source>&amp;Mask addresses, host names and IPs</source>
        <translation>アドレス・ホスト名・IPを伏せ字にする(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/report_export.py" line="125" />
        <source>Redacted report</source>
        <translation>伏せ字版の報告書</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/report_export.py" line="126" />
        <source>&amp;Copy ticket note</source>
        <translation>チケット用メモをコピー(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/report_export.py" line="128" />
        <source>Save &amp;HTML…</source>
        <translation>HTMLで保存(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/report_export.py" line="130" />
        <source>Save &amp;PDF…</source>
        <translation>PDFで保存(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/report_export.py" line="132" />
        <source>Save case &amp;file for hand-over…</source>
        <translation>引き継ぎ用の案件ファイルを保存(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/report_export.py" line="173" />
        <source>Ticket note copied.</source>
        <translation>チケット用メモをコピーしました。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/report_export.py" line="188" />
        <source>Could not write {path}: {error}</source>
        <translation>{path} を書き込めませんでした：{error}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/report_export.py" line="193" />
        <source>Saved {path}</source>
        <translation>{path} を保存しました</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/report_export.py" line="201" />
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/report_export.py" line="201" />
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/report_export.py" line="202" />
        <source>Case files (*.json)</source>
        <translation>案件ファイル (*.json)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/report_export.py" line="205" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>SaveStatusLabel</name>
    <message>
        <location filename="../../wizard/ui/case_binding.py" line="374" />
        <source>Case save status</source>
        <translation>案件の保存状態</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/case_binding.py" line="382" />
        <source>Saved (version {version})</source>
        <translation>保存しました（版 {version}）</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/case_binding.py" line="386" />
        <source>Could not save the case: {error}</source>
        <translation>案件を保存できませんでした：{error}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/case_binding.py" line="390" />
        <source>The case {id} was also changed by {agents}; both sides were kept.</source>
        <translation>案件 {id} は {agents} も変更していました。両方の変更を残しました。</translation>
    </message>
</context>
<context>
    <name>SinceLastCallPanel</name>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="121" />
        <source>&lt;b&gt;Since last call&lt;/b&gt;</source>
        <translation>&lt;b&gt;前回の通話以降&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="126" />
        <source>Since last call: decisions and what to verify now</source>
        <translation>前回の通話以降：決定事項と今回確認すること</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="140" />
        <source>Select a case to see what was decided and what to check now.</source>
        <translation>案件を選ぶと、決定事項と今回確認することが表示されます。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="145" />
        <source>Case {id}: {customer}</source>
        <translation>案件 {id}：{customer}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="147" />
        <source>Decided:</source>
        <translation>決定事項：</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="148" />
        <source>• nothing yet</source>
        <translation>• まだありません</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="150" />
        <source>Verify now:</source>
        <translation>今回確認すること：</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="151" />
        <source>• nothing to verify</source>
        <translation>• 確認することはありません</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="172" />
        <source>Spam Support Wizard: cases</source>
        <translation>迷惑メール対応ウィザード：案件</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="180" />
        <source>Customer, mail address, domain or IP address</source>
        <translation>お客様名、メールアドレス、ドメイン、IPアドレス</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="182" />
        <source>Search cases</source>
        <translation>案件を検索</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="183" />
        <source>&amp;Search:</source>
        <translation>検索(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="194" />
        <source>Customer</source>
        <translation>お客様</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="194" />
        <source>Domain</source>
        <translation>ドメイン</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="194" />
        <source>Step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="194" />
        <source>Saved</source>
        <translation>保存日時</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="195" />
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="200" />
        <source>Open cases</source>
        <translation>対応中の案件</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="207" />
        <source>&amp;Open cases:</source>
        <translation>対応中の案件(&amp;O):</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="212" />
        <source>Follow-ups due today</source>
        <translation>本日期限の確認事項</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="216" />
        <source>&amp;Follow-ups due today:</source>
        <translation>本日期限の確認事項(&amp;F):</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="221" />
        <source>&amp;New case</source>
        <translation>新しい案件(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="222" />
        <source>Start a new case</source>
        <translation>新しい案件を始める</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="224" />
        <source>&amp;Resume</source>
        <translation>再開(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="225" />
        <source>Resume the selected case</source>
        <translation>選んだ案件を再開する</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="229" />
        <source>&amp;Import case file…</source>
        <translation>案件ファイルを読み込む(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="230" />
        <source>Import a case file handed over by another desk</source>
        <translation>他の担当から引き継いだ案件ファイルを読み込む</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="232" />
        <source>&amp;Practice…</source>
        <translation>練習(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="234" />
        <source>Practise a training scenario with a simulated customer</source>
        <translation>模擬のお客様を相手に研修シナリオを練習する</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="275" />
        <source>The case store could not be opened: {error}</source>
        <translation>案件の保存先を開けませんでした：{error}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="314" />
        <source>{due}  {customer}: {what}</source>
        <translation>{due}　{customer}：{what}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="322" />
        <source>No case matches the search.</source>
        <translation>検索に一致する案件はありません。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="323" />
        <source>No open cases. Start a new one.</source>
        <translation>対応中の案件はありません。新しい案件を始めてください。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="331" />
        <source>The case store could not be read: {error}</source>
        <translation>案件の保存先を読み込めませんでした：{error}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="386" />
        <location filename="../../wizard/ui/start_screen.py" line="390" />
        <source>Import case file</source>
        <translation>案件ファイルの読み込み</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="386" />
        <source>Case files (*.json);;All files (*)</source>
        <translation>案件ファイル (*.json);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="395" />
        <source>The case store is not open.</source>
        <translation>案件の保存先が開かれていません。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="399" />
        <source>The file could not be read: {error}</source>
        <translation>ファイルを読み込めませんでした：{error}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="403" />
        <source>This file was not imported: {error}</source>
        <translation>このファイルは読み込みませんでした：{error}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="407" />
        <source>Case {id} is already here; nothing was imported.</source>
        <translation>案件 {id} はすでにあります。何も読み込んでいません。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="409" />
        <source>The case store refused the import: {error}</source>
        <translation>案件の保存先が読み込みを受け付けませんでした：{error}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_screen.py" line="410" />
        <source>Imported case {id}.</source>
        <translation>案件 {id} を読み込みました。</translation>
    </message>
</context>
</TS>