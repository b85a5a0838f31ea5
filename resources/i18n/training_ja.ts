<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../wizard/ui/about_dialog.py" line="48" />
        <source>About Spam Support Wizard</source>
        <translation>迷惑メール対応ウィザードについて</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/about_dialog.py" line="57" />
        <source>Spam Support Wizard {version}</source>
        <translation>迷惑メール対応ウィザード {version}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/about_dialog.py" line="66" />
        <source>A troubleshooting wizard for spam cases on support calls. This application includes the following components:</source>
        <translation>電話サポートで迷惑メールの相談に対応するためのウィザードです。このアプリケーションには次のコンポーネントが含まれています。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/about_dialog.py" line="73" />
        <source>Bundled components and their licences</source>
        <translation>同梱コンポーネントとライセンス</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/about_dialog.py" line="74" />
        <source>Component</source>
        <translation>コンポーネント</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/about_dialog.py" line="74" />
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/about_dialog.py" line="74" />
        <source>Licence</source>
        <translation>ライセンス</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/about_dialog.py" line="75" />
        <source>Notes</source>
        <translation>備考</translation>
    </message>
</context>
<context>
    <name>CustomerPanel</name>
    <message>
        <location filename="../../wizard/ui/practice.py" line="221" />
        <source>Customer: {name}</source>
        <translation>お客様: {name}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="227" />
        <source>Elapsed time</source>
        <translation>経過時間</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="232" />
        <source>Conversation with the customer</source>
        <translation>お客様との会話</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="240" />
        <source>&amp;Say or do:</source>
        <translation>話す・行う(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="246" />
        <source>&amp;Detail:</source>
        <translation>詳細(&amp;D):</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="251" />
        <source>&amp;Go</source>
        <translation>実行(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="254" />
        <source>&amp;Finish and debrief</source>
        <translation>終了して振り返り(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="279" />
        <source>Time: {m:02d}:{s:02d}</source>
        <translation>経過: {m:02d}:{s:02d}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="292" />
        <source>Customer</source>
        <translation>お客様</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="293" />
        <source>You</source>
        <translation>あなた</translation>
    </message>
</context>
<context>
    <name>DebriefDialog</name>
    <message>
        <location filename="../../wizard/ui/practice.py" line="306" />
        <source>Debrief</source>
        <translation>振り返り</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="311" />
        <source>Score: {score} / {max}</source>
        <translation>得点: {score} / {max}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="320" />
        <source>Critical action</source>
        <translation>重要な対応</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="320" />
        <source>Points</source>
        <translation>得点</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="320" />
        <source>Why it matters</source>
        <translation>なぜ大切か</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="348" />
        <source>{when}: {score} / {max} ({percent}%)</source>
        <translation>{when}: {score} / {max}({percent}%)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="351" />
        <source>Your progress on this scenario:</source>
        <translation>このシナリオのこれまでの成績:</translation>
    </message>
</context>
<context>
    <name>Practice</name>
    <message>
        <location filename="../../wizard/ui/practice.py" line="42" />
        <source>Ask the customer to send the headers of a spam</source>
        <translation>迷惑メールのヘッダーを送っていただくよう依頼する</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="43" />
        <source>Ask which mail program the customer uses</source>
        <translation>お使いのメールソフトを伺う</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="44" />
        <source>Guide the customer to show and copy the headers</source>
        <translation>ヘッダーの表示とコピーの手順を案内する</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="45" />
        <source>Ask since when the spam arrives</source>
        <translation>いつから届いているか伺う</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="46" />
        <source>Ask for the customer's IP address / PC name</source>
        <translation>お客様のIPアドレス/パソコン名を伺う</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="47" />
        <source>Trace the Received chain bottom-up</source>
        <translation>Received を下から順に追って配送経路を確認する</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="48" />
        <source>Check the server's delivery log for these messages</source>
        <translation>サーバーの配送記録と照合する</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="49" />
        <source>Check block lists / SPF / DMARC of the sender</source>
        <translation>送信元のブロックリスト/SPF/DMARC を確認する</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="50" />
        <source>State where the mail came from</source>
        <translation>発信元を判断して伝える</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="51" />
        <source>Review which addresses the spam targets</source>
        <translation>どの宛先に届いているか確認する</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="52" />
        <source>Mark an address as belonging to someone who left</source>
        <translation>退職者のアドレスとして印を付ける</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="53" />
        <source>Have the customer delete an address</source>
        <translation>アドレスの削除を案内する</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="54" />
        <source>Compare the address the customer typed with the registered one</source>
        <translation>入力されたアドレスと登録アドレスを比べる</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="55" />
        <source>Read the registered address back letter by letter</source>
        <translation>登録アドレスを1文字ずつ読み上げて確認する</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="56" />
        <source>Check the control panel's certificate</source>
        <translation>コントロールパネルの証明書を確認する</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="57" />
        <source>Guide the customer past the browser's certificate warning</source>
        <translation>ブラウザーの証明書の警告を越える手順を案内する</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="58" />
        <source>Suggest trying another device (smartphone / other PC)</source>
        <translation>別の端末(スマートフォン/別のパソコン)を提案する</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="59" />
        <source>Agree to continue in a later call</source>
        <translation>後ほど改めてお電話することにする</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="60" />
        <source>Review the sender pattern across samples</source>
        <translation>差出人のパターンを確認する</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="61" />
        <source>Add a block-list entry</source>
        <translation>ブロックリストに登録する</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="62" />
        <source>Simulate what the filter will do to the samples</source>
        <translation>フィルタの動きをシミュレーションする</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="63" />
        <source>Choose the action for spam</source>
        <translation>スパム判定時の処置を選ぶ</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="64" />
        <source>Choose the sensitivity level</source>
        <translation>感度を選ぶ</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="65" />
        <source>Warn that good mail can be caught (check the spam folder)</source>
        <translation>正常なメールも判定され得ることを伝える(スパムフォルダーを確認)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="66" />
        <source>Explain the spam folder is only visible in webmail</source>
        <translation>スパムフォルダーはウェブメールでしか見えないことを伝える</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="67" />
        <source>Explain the sensitivity can be tuned</source>
        <translation>感度を調整できることを伝える</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="68" />
        <source>Add an allow-list entry for a legitimate sender</source>
        <translation>正規の送信者を許可リストに登録する</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="69" />
        <source>Have the customer change the mail password</source>
        <translation>メールのパスワード変更を案内する</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="70" />
        <source>Have the customer run a malware scan on the PC</source>
        <translation>パソコンのウイルススキャンを案内する</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="71" />
        <source>Check the submission (authenticated sending) log</source>
        <translation>認証送信(サブミッション)の記録を確認する</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="72" />
        <source>Explain bounces for mail the customer never sent</source>
        <translation>送っていないメールの不達通知の仕組みを説明する</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="73" />
        <source>Advise publishing SPF / DMARC for the customer's domain</source>
        <translation>お客様ドメインの SPF/DMARC 公開を勧める</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="74" />
        <source>Verify in the delivery log what happened after the change</source>
        <translation>変更後の実際の動きを配送記録で確かめる</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="75" />
        <source>Agree when to check again</source>
        <translation>次の確認日を決める</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="76" />
        <source>Write the case note for the ticket</source>
        <translation>チケットに対応記録を書く</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="77" />
        <source>The case continues in the next call</source>
        <translation>次の電話に続く</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="82" />
        <source>external, customer or account</source>
        <translation>external(外部)/customer(お客様PC)/account(アカウント)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="83" />
        <location filename="../../wizard/ui/practice.py" line="84" />
        <source>address</source>
        <translation>アドレス</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="85" />
        <source>pattern, e.g. *@domain</source>
        <translation>パターン(例: *@domain)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="86" />
        <source>deliver, tag, folder, delete</source>
        <translation>deliver / tag / folder / delete</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="87" />
        <source>low, standard, high</source>
        <translation>low / standard / high</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="88" />
        <source>pattern</source>
        <translation>パターン</translation>
    </message>
</context>
<context>
    <name>PracticeLauncher</name>
    <message>
        <location filename="../../wizard/ui/practice.py" line="365" />
        <source>Practice</source>
        <translation>練習</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="374" />
        <source>&amp;Trainee:</source>
        <translation>研修生(&amp;T):</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="380" />
        <source>Scenarios</source>
        <translation>シナリオ</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="389" />
        <source>&amp;Start</source>
        <translation>開始(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/practice.py" line="404" />
        <source>  (best: {percent}%)</source>
        <translation>  (最高: {percent}%)</translation>
    </message>
</context>
<context>
    <name>PracticeWindow</name>
    <message>
        <location filename="../../wizard/ui/practice.py" line="430" />
        <source>Practice: {title}</source>
        <translation>練習: {title}</translation>
    </message>
</context>
</TS>