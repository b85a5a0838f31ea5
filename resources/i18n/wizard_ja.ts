<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>CustomerSentPage</name>
    <message>
        <source>&amp;Password changed for the mail account (a new, unused one)</source>
        <translation>メールアカウントのパスワードを変更した(ほかで使っていない新しいもの)(&amp;P)</translation>
    </message>
    <message>
        <source>New password entered in every mail app and &amp;smartphone</source>
        <translation>すべてのメールソフトとスマートフォンに新しいパスワードを入力した(&amp;S)</translation>
    </message>
    <message>
        <source>Full &amp;malware scan of the PC run, with updated definitions</source>
        <translation>定義ファイルを更新してパソコンのフルスキャンを実行した(&amp;M)</translation>
    </message>
    <message>
        <source>Our submission &amp;log checked for logins from unknown places</source>
        <translation>当社の送信ログで、心当たりのない場所からのログインを確認した(&amp;L)</translation>
    </message>
    <message>
        <source>Mailbox &amp;forwarding and auto-reply rules checked for changes</source>
        <translation>メールボックスの転送設定と自動返信に変更がないか確認した(&amp;F)</translation>
    </message>
    <message>
        <source>Customer advised to warn &amp;contacts who may have received the mail</source>
        <translation>メールを受け取った可能性のある相手への連絡をお勧めした(&amp;C)</translation>
    </message>
    <message>
        <source>Step 2b: The customer's PC or account sent this mail</source>
        <translation>手順 2b:お客様のパソコンまたはアカウントから送信されています</translation>
    </message>
    <message>
        <source>Deleting an address will not help here. Secure the account and the PC first, then check that no more mail goes out.</source>
        <translation>この場合、アドレスを削除しても解決しません。まずアカウントとパソコンの安全を確保し、その後メールが送信されていないことを確認します。</translation>
    </message>
    <message>
        <source>Checklist (tick each item when it is done)</source>
        <translation>チェックリスト(完了した項目にチェックを入れてください)</translation>
    </message>
    <message>
        <source>Why: a PC infected with malware can send spam through the customer's own connection, and a stolen password lets anyone send through our server as the customer. Changing the password stops the second at once; the scan is needed for the first. Our submission log shows from where the account logged in to send.</source>
        <translation>理由:ウイルスに感染したパソコンは、お客様の回線から迷惑メールを送信することがあります。また、パスワードが盗まれると、第三者がお客様になりすまして当社サーバーから送信できてしまいます。パスワードの変更で後者はすぐに止まり、前者にはスキャンが必要です。当社の送信ログで、アカウントがどこからログインして送信したかを確認できます。</translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) came from the customer's own PC or network.</source>
        <translation>
            <numerusform>%n 通のサンプルが、お客様ご自身のパソコンまたはネットワークから送信されています。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) went out through a logged-in submission with the customer's account.</source>
        <translation>
            <numerusform>%n 通のサンプルが、お客様のアカウントでログインして送信されています。</numerusform>
        </translation>
    </message>
    <message>
        <source>No sample points to the customer's PC or account.</source>
        <translation>お客様のパソコンやアカウントを示すサンプルはありません。</translation>
    </message>
    <message>
        <source>%1 of %2 done. Open items go into the follow-up list of the summary.</source>
        <translation>%2 項目中 %1 項目完了。未完了の項目は、まとめの「次回の確認事項」に入ります。</translation>
    </message>
</context>
<context>
    <name>Findings</name>
    <message>
        <source>This input could not be read: {message}</source>
        <translation>この入力は読み取れませんでした: {message}</translation>
    </message>
</context>
<context>
    <name>FindingsList</name>
    <message>
        <source>Findings, most serious first</source>
        <translation>検出事項(重要度の高い順)</translation>
    </message>
    <message>
        <source>No findings.</source>
        <translation>検出事項はありません。</translation>
    </message>
    <message>
        <source>%1 critical, %2 warnings, %3 notes</source>
        <translation>重大 %1 件、警告 %2 件、情報 %3 件</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>Critical</source>
        <translation>重大</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>情報</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>重要度</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>サンプル</translation>
    </message>
</context>
<context>
    <name>HopTable</name>
    <message>
        <source>Received lines, oldest first</source>
        <translation>Received 行(古い順)</translation>
    </message>
    <message>
        <source>Route of the mail, read from the bottom line of the &amp;header upwards (step 1 is where it started):</source>
        <translation>メールの配送経路(ヘッダーの一番下の行から上へ読みます。1 が出発点です)(&amp;H):</translation>
    </message>
    <message>
        <source>Select a line to see it exactly as written in the header.</source>
        <translation>行を選ぶと、ヘッダーに書かれたとおりの内容が表示されます。</translation>
    </message>
    <message>
        <source>Selected Received line as written</source>
        <translation>選択した Received 行(原文)</translation>
    </message>
</context>
<context>
    <name>HopTableModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Sent by (name / DNS)</source>
        <translation>送信元(名乗った名前 / DNS 名)</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP アドレス</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>受信したサーバー</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>遅延</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>意味</translation>
    </message>
    <message>
        <source>Handed to us here</source>
        <translation>当社への受け渡し点</translation>
    </message>
    <message>
        <source>Claimed origin (forgeable)</source>
        <translation>自称の送信元(偽装可能)</translation>
    </message>
    <message>
        <source>Our server</source>
        <translation>当社のサーバー</translation>
    </message>
    <message>
        <source>Outside, written by the sender's side</source>
        <translation>外部(送信者側の記録)</translation>
    </message>
    <message>
        <source>Logged-in submission</source>
        <translation>ログイン送信</translation>
    </message>
    <message>
        <source>Not a relay</source>
        <translation>中継ではない</translation>
    </message>
    <message>
        <source>From header %1</source>
        <translation>%1 ヘッダーより</translation>
    </message>
    <message>
        <source>Odd time</source>
        <translation>時刻が不自然</translation>
    </message>
    <message>
        <source>, </source>
        <comment>separator between the meanings of one Received line</comment>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>PastePage</name>
    <message>
        <source>Step 1: Paste the headers of the spam</source>
        <translation>手順 1:迷惑メールのヘッダーを貼り付ける</translation>
    </message>
    <message>
        <source>Ask for the headers of one or more spam messages. Paste each one and add it, or drop .eml / .msg / .mbox files here.</source>
        <translation>迷惑メール 1 通以上のヘッダー情報をお客様にお願いします。1 通ずつ貼り付けて追加するか、.eml / .msg / .mbox ファイルをここにドロップします。</translation>
    </message>
    <message>
        <source>&amp;Paste the header text here:</source>
        <translation>ヘッダー情報をここに貼り付け(&amp;P):</translation>
    </message>
    <message>
        <source>Received: from …
Received: from …
Subject: …
From: …</source>
        <translation>Received: from …
Received: from …
Subject: …
From: …</translation>
    </message>
    <message>
        <source>Pasted mail headers</source>
        <translation>貼り付けたメールヘッダー</translation>
    </message>
    <message>
        <source>What the pasted text contains</source>
        <translation>貼り付けた内容の読み取り結果</translation>
    </message>
    <message>
        <source>&amp;Add as sample</source>
        <translation>サンプルに追加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Open files…</source>
        <translation>ファイルを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>C&amp;lear box</source>
        <translation>欄をクリア(&amp;L)</translation>
    </message>
    <message>
        <source>Collected &amp;samples:</source>
        <translation>集めたサンプル(&amp;S):</translation>
    </message>
    <message>
        <source>Collected samples</source>
        <translation>集めたサンプル</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>削除(&amp;R)</translation>
    </message>
    <message>
        <source>Mark as known-&amp;good mail</source>
        <translation>正常なメールとして扱う(&amp;G)</translation>
    </message>
    <message>
        <source>How to show the headers, for the customer's mail &amp;client:</source>
        <translation>ヘッダーの表示方法(お客様のメールソフト)(&amp;C):</translation>
    </message>
    <message>
        <source>Customer's mail client</source>
        <translation>お客様のメールソフト</translation>
    </message>
    <message>
        <source>Steps to read to the customer</source>
        <translation>お客様に読み上げる手順</translation>
    </message>
    <message>
        <source>Copy st&amp;eps</source>
        <translation>手順をコピー(&amp;E)</translation>
    </message>
    <message>
        <source>No guide available.</source>
        <translation>案内がありません。</translation>
    </message>
    <message>
        <source>Paste the header text the customer sent, or drop .eml / .msg / .mbox files on this page.</source>
        <translation>お客様から届いたヘッダー情報を貼り付けるか、.eml / .msg / .mbox ファイルをこの画面にドロップしてください。</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>読み取り中…</translation>
    </message>
    <message numerus="yes">
        <source>Recognised one message with %n Received line(s).</source>
        <translation>
            <numerusform>メール 1 通を読み取りました(Received 行 %n 行)。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Recognised %n messages pasted one after another.</source>
        <translation>
            <numerusform>続けて貼り付けられたメール %n 通を読み取りました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Subject: %1 / From: %2</source>
        <translation>件名: %1 / 差出人: %2</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(なし)</translation>
    </message>
    <message>
        <source>There are no Received lines: this is only the visible part of the mail. Ask for the full headers (see the guide).</source>
        <translation>Received 行がありません。見えている部分だけのようです。ヘッダー全体をお願いしてください(右の手順を参照)。</translation>
    </message>
    <message>
        <source>This text is too large to be mail headers. Ask the customer for the headers of one message only.</source>
        <translation>メールヘッダーとしては大きすぎます。1 通分のヘッダーだけをお送りいただくようお願いしてください。</translation>
    </message>
    <message>
        <source>This does not look like mail headers. Ask the customer for the full header text: the lines that start with "Received:", "From:" and "Subject:" (the guide on the right shows where to find them).</source>
        <translation>メールヘッダーではないようです。「Received:」「From:」「Subject:」で始まる行を含むヘッダー全体をお客様にお願いしてください(表示方法は右の手順にあります)。</translation>
    </message>
    <message>
        <source>The text could not be read: %1</source>
        <translation>読み取れませんでした: %1</translation>
    </message>
    <message numerus="yes">
        <source>Added %n sample(s).</source>
        <translation>
            <numerusform>サンプルを %n 件追加しました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reading %n file(s)…</source>
        <translation>
            <numerusform>ファイル %n 件を読み込み中…</numerusform>
        </translation>
    </message>
    <message>
        <source>file too large</source>
        <translation>ファイルが大きすぎます</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Open mail files</source>
        <translation>メールファイルを開く</translation>
    </message>
    <message>
        <source>Mail files (*.eml *.msg *.mbox *.mbx *.txt);;All files (*)</source>
        <translation>メールファイル (*.eml *.msg *.mbox *.mbx *.txt);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>good</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>spam</source>
        <translation>迷惑</translation>
    </message>
    <message>
        <source>Collected &amp;samples: %1 spam, %2 known-good</source>
        <translation>集めたサンプル(&amp;S): 迷惑メール %1 件、正常なメール %2 件</translation>
    </message>
    <message>
        <source>Mark as &amp;spam</source>
        <translation>迷惑メールとして扱う(&amp;S)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>システムの設定に従う</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>表示言語</translation>
    </message>
    <message>
        <source>e.g. 192.0.2.0/24 .mail.example.ne.jp</source>
        <translation>例: 192.0.2.0/24 .mail.example.ne.jp</translation>
    </message>
    <message>
        <source>Our mail servers</source>
        <translation>当社のメールサーバー</translation>
    </message>
    <message>
        <source>&amp;Offline: skip DNS and block-list look-ups</source>
        <translation>オフライン:DNS とブロックリストの照会を行わない(&amp;O)</translation>
    </message>
    <message>
        <source>your name as it appears on cases</source>
        <translation>案件に記録するお名前</translation>
    </message>
    <message>
        <source>Agent name</source>
        <translation>担当者名</translation>
    </message>
    <message>
        <source>empty: this computer; postgresql://host/db for a shared desk store</source>
        <translation>空欄: このパソコン / 窓口で共有する場合: postgresql://ホスト/DB</translation>
    </message>
    <message>
        <source>Case store</source>
        <translation>案件の保存先</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>表示言語(&amp;L):</translation>
    </message>
    <message>
        <source>Our &amp;mail servers (networks or host names):</source>
        <translation>当社のメールサーバー(ネットワークまたはホスト名)(&amp;M):</translation>
    </message>
    <message>
        <source>A&amp;gent name:</source>
        <translation>担当者名(&amp;G):</translation>
    </message>
    <message>
        <source>Case &amp;store (takes effect at the next start):</source>
        <translation>案件の保存先(&amp;S)(次回起動時から有効):</translation>
    </message>
    <message>
        <source>&amp;About…</source>
        <translation>このアプリについて(&amp;A)…</translation>
    </message>
    <message>
        <source>Not a network or host name: %1</source>
        <translation>ネットワークまたはホスト名ではありません: %1</translation>
    </message>
    <message>
        <source>The case store must be empty, sqlite:///path or postgresql://…</source>
        <translation>案件の保存先は空欄、sqlite:///パス、または postgresql://… で指定してください</translation>
    </message>
</context>
<context>
    <name>SpamWizard</name>
    <message>
        <source>Spam Support Wizard</source>
        <translation>迷惑メール対応ウィザード</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>設定(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>次へ(&amp;N) &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 戻る(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>完了(&amp;F)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Working in the background</source>
        <translation>バックグラウンドで処理中</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>処理中…</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>deliver normally (spam only marked in the headers)</source>
        <translation>通常どおり受信する(ヘッダーに印が付くだけ)</translation>
    </message>
    <message>
        <source>deliver with a tag at the start of the subject</source>
        <translation>件名の先頭に目印を付けて受信する</translation>
    </message>
    <message>
        <source>move to the server's spam folder</source>
        <translation>サーバー内のスパムフォルダーに振り分ける</translation>
    </message>
    <message>
        <source>delete on the server</source>
        <translation>サーバー側で削除する</translation>
    </message>
    <message>
        <source>reject at the server</source>
        <translation>サーバーで受信を拒否する</translation>
    </message>
    <message>
        <source>not chosen</source>
        <translation>未選択</translation>
    </message>
    <message>
        <source>Step 6: Summary and follow-up</source>
        <translation>手順 6:まとめと次回の確認</translation>
    </message>
    <message>
        <source>Copy the case note into the ticket, and agree with the customer what will be checked at the next call.</source>
        <translation>ケースメモをチケットにコピーし、次回のお電話で確認することをお客様と合意します。</translation>
    </message>
    <message>
        <source>Case &amp;note for the ticket:</source>
        <translation>チケット用ケースメモ(&amp;N):</translation>
    </message>
    <message>
        <source>Case note</source>
        <translation>ケースメモ</translation>
    </message>
    <message>
        <source>Copy the case note</source>
        <translation>ケースメモをコピー</translation>
    </message>
    <message>
        <source>&amp;Rewrite from the case</source>
        <translation>ケースから書き直す(&amp;R)</translation>
    </message>
    <message>
        <source>What was decided</source>
        <translation>決めたこと</translation>
    </message>
    <message>
        <source>Check at the next call</source>
        <translation>次回の確認事項</translation>
    </message>
    <message>
        <source>C&amp;opy note</source>
        <translation>メモをコピー(&amp;O)</translation>
    </message>
    <message>
        <source>Case note and follow-u&amp;p</source>
        <translation>ケースメモと次回の確認(&amp;P)</translation>
    </message>
    <message>
        <source>Check in the server &amp;log</source>
        <translation>サーバーログで確認(&amp;L)</translation>
    </message>
    <message>
        <source>Report and hand-o&amp;ver</source>
        <translation>報告書と引き継ぎ(&amp;V)</translation>
    </message>
    <message>
        <source>The customer's PC or account is the sender: secure it first (%1 of %2 checklist items done).</source>
        <translation>お客様のパソコンまたはアカウントが送信元:まず安全を確保する(チェックリスト %2 項目中 %1 項目完了)。</translation>
    </message>
    <message>
        <source>Left the company: %1</source>
        <translation>退職者のアドレス: %1</translation>
    </message>
    <message>
        <source>Delete the address %1 in the control panel.</source>
        <translation>コントロールパネルでアドレス %1 を削除する。</translation>
    </message>
    <message>
        <source>Block list: %1</source>
        <translation>ブロックリスト: %1</translation>
    </message>
    <message>
        <source>Spam filter action: %1</source>
        <translation>スパム判定時の処置: %1</translation>
    </message>
    <message>
        <source>Sensitivity: %1</source>
        <translation>フィルタの感度: %1</translation>
    </message>
    <message>
        <source>Nothing decided yet.</source>
        <translation>まだ何も決まっていません。</translation>
    </message>
    <message>
        <source>Still open: %1</source>
        <translation>未完了: %1</translation>
    </message>
    <message>
        <source>Check the submission log again: no more logins from unknown places after the password change.</source>
        <translation>送信ログを再確認する:パスワード変更後に心当たりのないログインがないこと。</translation>
    </message>
    <message>
        <source>%1 was deleted: mail to it is now refused by our server. Check whether the spam moves on to other addresses (in the original case it did).</source>
        <translation>%1 を削除しました。このアドレスあてのメールは当社サーバーで拒否されます。迷惑メールが別のアドレスに移っていないか確認します(元の事例では移りました)。</translation>
    </message>
    <message>
        <source>Block list set: load tomorrow's delivery log and check what became of mail from %1.</source>
        <translation>ブロックリストを設定済み:明日の配送ログを読み込み、%1 からのメールがどう処理されたか確認します。</translation>
    </message>
    <message>
        <source>Warning: with the action "deliver normally" a block-list entry only adds spam score, and the mail still reaches the inbox.</source>
        <translation>注意:処置が「通常どおり受信する」のままでは、ブロックリストはスパムスコアを加算するだけで、メールは受信箱に届きます。</translation>
    </message>
    <message>
        <source>Spam now goes to the server's spam folder, which is only visible in webmail: ask the customer to look there for wanted mail for a while; sensitivity can be lowered if good mail is caught.</source>
        <translation>迷惑メールはサーバー内のスパムフォルダーに振り分けられます。このフォルダーはウェブメールでのみ見られるため、しばらくは必要なメールが入っていないかご確認いただきます。正常なメールが振り分けられる場合は感度を下げられます。</translation>
    </message>
    <message>
        <source>Spam is deleted on the server and cannot be recovered: ask whether any expected mail has gone missing.</source>
        <translation>迷惑メールはサーバーで削除され、元に戻せません。届くはずのメールが届いていないか伺います。</translation>
    </message>
    <message>
        <source>Spam arrives with a tag in the subject: the customer can sort it with a rule in the mail app.</source>
        <translation>迷惑メールは件名に目印が付いて届きます。メールソフトの振り分けルールで整理していただけます。</translation>
    </message>
    <message>
        <source>If spam continues, ask for the headers of a new one and compare it with this case.</source>
        <translation>迷惑メールが続く場合は、新しいメールのヘッダーをいただき、このケースと比較します。</translation>
    </message>
    <message>
        <source>[Spam case] %1</source>
        <translation>【迷惑メール対応】%1</translation>
    </message>
    <message>
        <source>Customer: %1</source>
        <translation>お客様: %1</translation>
    </message>
    <message>
        <source>Samples: %1 spam, %2 known-good</source>
        <translation>サンプル: 迷惑メール %1 件、正常なメール %2 件</translation>
    </message>
    <message>
        <source>Spam dated %1 to %2</source>
        <translation>迷惑メールの日時: %1 ~ %2</translation>
    </message>
    <message>
        <source>Trace: %1 of %2 spam samples were sent from the customer's PC or account.</source>
        <translation>経路: 迷惑メール %2 件中 %1 件が、お客様のパソコンまたはアカウントから送信。</translation>
    </message>
    <message>
        <source>Trace: handed to our server from outside (%1); not from the customer's PC (%2).</source>
        <translation>経路: 外部(%1)から当社サーバーに配送。お客様のパソコン(%2)からの送信ではない。</translation>
    </message>
    <message>
        <source>Trace: handed to our server from outside (%1); the customer's PC was not compared.</source>
        <translation>経路: 外部(%1)から当社サーバーに配送。お客様のパソコンとの照合は未実施。</translation>
    </message>
    <message>
        <source>Sender domains: %1</source>
        <translation>送信元ドメイン: %1</translation>
    </message>
    <message>
        <source>Sent to: %1</source>
        <translation>宛先: %1</translation>
    </message>
    <message>
        <source>Decided:</source>
        <translation>決めたこと:</translation>
    </message>
    <message>
        <source>Next call:</source>
        <translation>次回の確認事項:</translation>
    </message>
    <message>
        <source>Server log check:</source>
        <translation>サーバーログの確認結果:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>メモ:</translation>
    </message>
    <message>
        <source>Copied. Paste it into the ticket.</source>
        <translation>コピーしました。チケットに貼り付けてください。</translation>
    </message>
</context>
<context>
    <name>TalkPanel</name>
    <message>
        <source>Talk script for this step</source>
        <translation>この手順のトークスクリプト</translation>
    </message>
    <message>
        <source>&amp;What to say</source>
        <translation>お客様へのご案内(&amp;W)</translation>
    </message>
    <message>
        <source>Cop&amp;y script</source>
        <translation>スクリプトをコピー(&amp;Y)</translation>
    </message>
    <message>
        <source>Copy the talk script</source>
        <translation>トークスクリプトをコピー</translation>
    </message>
    <message>
        <source>No talk script for this step.</source>
        <translation>この手順のトークスクリプトはありません。</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>コピーしました。</translation>
    </message>
</context>
<context>
    <name>TracePage</name>
    <message>
        <source>Step 2: Trace where the spam came from</source>
        <translation>手順 2:迷惑メールの送信元をたどる</translation>
    </message>
    <message>
        <source>Read the Received lines from the bottom up. The line where the mail was handed to our server shows the real sender's address.</source>
        <translation>Received 行を下から順に読みます。当社サーバーにメールが渡された行に、本当の送信元のアドレスが記録されています。</translation>
    </message>
    <message>
        <source>Sa&amp;mple:</source>
        <translation>サンプル(&amp;M):</translation>
    </message>
    <message>
        <source>Sample shown</source>
        <translation>表示中のサンプル</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Handoff and claimed origin explained</source>
        <translation>受け渡し元と自称の送信元の説明</translation>
    </message>
    <message>
        <source>&amp;Route and server log</source>
        <translation>配送経路とサーバーログ(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Findings</source>
        <translation>検出事項(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;DNS and block lists</source>
        <translation>DNS とブロックリスト(&amp;D)</translation>
    </message>
    <message>
        <source>e.g. 198.51.100.77 pc1.example.co.jp</source>
        <translation>例: 198.51.100.77 pc1.example.co.jp</translation>
    </message>
    <message>
        <source>Customer's PC IP address or host name</source>
        <translation>お客様のパソコンの IP アドレスまたはホスト名</translation>
    </message>
    <message>
        <source>Customer's &amp;PC IP or name:</source>
        <translation>お客様のパソコンの IP または名前(&amp;P):</translation>
    </message>
    <message>
        <source>Compar&amp;e</source>
        <translation>照合(&amp;E)</translation>
    </message>
    <message>
        <source>good</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>spam</source>
        <translation>迷惑</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(件名なし)</translation>
    </message>
    <message>
        <source>Analysing…</source>
        <translation>分析中…</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) analysed</source>
        <translation>
            <numerusform>%n 通を分析済み</numerusform>
        </translation>
    </message>
    <message>
        <source>, in Japan</source>
        <translation>(国内)</translation>
    </message>
    <message>
        <source>, in the home country</source>
        <translation>(国内)</translation>
    </message>
    <message>
        <source>, abroad (%1)</source>
        <translation>(海外: %1)</translation>
    </message>
    <message>
        <source>Analysing the samples…</source>
        <translation>サンプルを分析中…</translation>
    </message>
    <message>
        <source>The samples could not be read. Go back and ask for the full headers.</source>
        <translation>サンプルを読み取れませんでした。前の手順に戻り、ヘッダー全体をお願いしてください。</translation>
    </message>
    <message>
        <source>No sample yet. Go back to step 1 and paste the headers.</source>
        <translation>サンプルがまだありません。手順 1 に戻ってヘッダーを貼り付けてください。</translation>
    </message>
    <message>
        <source>Sent from the customer's PC (%1). The customer's machine is the sender.</source>
        <translation>お客様のパソコン(%1)から送信されています。送信元はお客様のパソコンです。</translation>
    </message>
    <message>
        <source>Sent through a logged-in submission from %1: someone used the customer's account and password.</source>
        <translation>%1 からログインして送信されています。お客様のアカウントとパスワードが使われました。</translation>
    </message>
    <message>
        <source>No outside sender address in the Received lines. Ask for the complete headers of the message.</source>
        <translation>Received 行に外部の送信元アドレスがありません。メールのヘッダー全体をお願いしてください。</translation>
    </message>
    <message>
        <source>Claims to come from %1%2, but no outside relay handed it to us: check the headers.</source>
        <translation>%1%2 から送信されたと記載されていますが、外部から当社に渡された記録がありません。ヘッダーをご確認ください。</translation>
    </message>
    <message>
        <source>Sent from %1%2; not from the customer's PC.</source>
        <translation>%1%2 から送信されています。お客様のパソコンから送信されたものではありません。</translation>
    </message>
    <message>
        <source>Sent from %1%2. Enter the customer's PC address below to confirm it is not theirs.</source>
        <translation>%1%2 から送信されています。お客様のパソコンでないことを確かめるには、下にお客様のパソコンのアドレスを入力してください。</translation>
    </message>
    <message>
        <source>no DNS name</source>
        <translation>DNS 名なし</translation>
    </message>
    <message>
        <source>our server</source>
        <translation>当社のサーバー</translation>
    </message>
    <message>
        <source>Handoff: %1 (%2) handed the mail to %3 %4. This address is the one that really sent it to us, and the one to check against block lists.</source>
        <translation>受け渡し元: %1(%2)が %4 に %3 へメールを渡しました。このアドレスが実際に当社へ送ってきた相手で、ブロックリストで確認すべきアドレスです。</translation>
    </message>
    <message>
        <source>a private address</source>
        <translation>プライベートアドレス</translation>
    </message>
    <message>
        <source>a public address</source>
        <translation>グローバルアドレス</translation>
    </message>
    <message>
        <source>Claimed origin: the lowest line names %1 (%2). Lines below the handoff are written by the sender and can be forged.</source>
        <translation>自称の送信元: 一番下の行には %1(%2)と書かれています。受け渡し元より下の行は送信者が書いたもので、偽装できます。</translation>
    </message>
    <message>
        <source>Across the %1 spam samples: %2 came from the customer's PC or account.</source>
        <translation>迷惑メール %1 件のうち %2 件が、お客様のパソコンまたはアカウントから送信されています。</translation>
    </message>
    <message>
        <source>Across the %1 spam samples: %2 different sending addresses, none of them the customer's; %3 of them abroad.</source>
        <translation>迷惑メール %1 件の送信元アドレスは %2 種類で、いずれもお客様のものではありません。そのうち %3 件は海外です。</translation>
    </message>
    <message>
        <source>Across the %1 spam samples: %2 different sending addresses, none of them the customer's.</source>
        <translation>迷惑メール %1 件の送信元アドレスは %2 種類で、いずれもお客様のものではありません。</translation>
    </message>
    <message>
        <source>Not an IP address or PC name: %1</source>
        <translation>IP アドレスまたはパソコン名ではありません: %1</translation>
    </message>
    <message>
        <source>Comparing the samples with the customer's PC…</source>
        <translation>サンプルをお客様のパソコンと照合中…</translation>
    </message>
    <message>
        <source>Still comparing the samples; press Next again in a moment.</source>
        <translation>サンプルを照合中です。少し待ってから、もう一度「次へ」を押してください。</translation>
    </message>
</context>
<context>
    <name>_StepList</name>
    <message>
        <source>1. Paste the headers</source>
        <translation>1. ヘッダーの貼り付け</translation>
    </message>
    <message>
        <source>2. Trace the origin</source>
        <translation>2. 送信元の確認</translation>
    </message>
    <message>
        <source>2b. Customer's PC or account sent it</source>
        <translation>2b. お客様側からの送信</translation>
    </message>
    <message>
        <source>3. Address to delete</source>
        <translation>3. 削除するアドレス</translation>
    </message>
    <message>
        <source>4. Block list</source>
        <translation>4. ブロックリスト</translation>
    </message>
    <message>
        <source>5. What the filter does</source>
        <translation>5. スパム判定時の処置</translation>
    </message>
    <message>
        <source>6. Summary and follow-up</source>
        <translation>6. まとめと次回の確認</translation>
    </message>
</context>
</TS>