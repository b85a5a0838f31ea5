<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>BlocklistPage</name>
    <message>
        <location filename="../../wizard/ui/pages/blocklist_page.py" line="93"/>
        <source>Step 4: Set up the block list</source>
        <translation>手順 4:ブロックリストを設定する</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/blocklist_page.py" line="95"/>
        <source>Find the fixed sender domain behind the spam and decide what to enter in the filter&apos;s block list. Check first what an entry really does on this filter.</source>
        <translation>スパムの送信元に共通するドメインを確認し、フィルタのブロックリストに登録する内容を決めます。まず、このフィルタで登録が実際に何をするのかを確認してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/blocklist_page.py" line="100"/>
        <source>Filter profile</source>
        <translation>フィルタの種類</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/blocklist_page.py" line="101"/>
        <source>Filter &amp;profile:</source>
        <translation>フィルタの種類(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/blocklist_page.py" line="108"/>
        <source>What a block-list entry does on this filter</source>
        <translation>このフィルタでのブロックリスト登録の効果</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/blocklist_page.py" line="114"/>
        <source>Sample</source>
        <translation>サンプル</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/blocklist_page.py" line="114"/>
        <source>Envelope sender</source>
        <translation>エンベロープ送信者</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/blocklist_page.py" line="114"/>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/blocklist_page.py" line="114"/>
        <source>Domain</source>
        <translation>ドメイン</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/blocklist_page.py" line="115"/>
        <source>Local part random?</source>
        <translation>ローカル部がランダム?</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/blocklist_page.py" line="123"/>
        <source>Senders of the spam samples</source>
        <translation>スパムサンプルの送信者</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/blocklist_page.py" line="125"/>
        <source>Senders of the &amp;spam samples:</source>
        <translation>スパムサンプルの送信者(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/blocklist_page.py" line="131"/>
        <source>&amp;Use the suggested entry</source>
        <translation>提案された登録内容を使う(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/blocklist_page.py" line="132"/>
        <source>Add the suggested entry to the block list</source>
        <translation>提案された登録内容をブロックリストに追加</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/blocklist_page.py" line="139"/>
        <source>New block-list entry</source>
        <translation>新しいブロックリスト登録</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/blocklist_page.py" line="140"/>
        <source>New &amp;entry:</source>
        <translation>新しい登録(&amp;E):</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/blocklist_page.py" line="142"/>
        <source>&amp;Add</source>
        <translation>追加(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/blocklist_page.py" line="149"/>
        <source>Block-list entries</source>
        <translation>ブロックリストの登録内容</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/blocklist_page.py" line="151"/>
        <source>Block-list en&amp;tries:</source>
        <translation>ブロックリストの登録内容(&amp;T):</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/blocklist_page.py" line="153"/>
        <source>&amp;Remove selected</source>
        <translation>選択したものを削除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/blocklist_page.py" line="162"/>
        <source>Sender pattern</source>
        <translation>送信者のパターン</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/blocklist_page.py" line="169"/>
        <source>Block list</source>
        <translation>ブロックリスト</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/blocklist_page.py" line="243"/>
        <source>No filter profile could be loaded.</source>
        <translation>フィルタの設定ファイルを読み込めませんでした。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/blocklist_page.py" line="252"/>
        <source>On this filter a block-list entry does NOT block mail. It only adds %1 points to the spam score. The customer sees a change only if the quarantine action (next step) is set to tag, spam folder or delete. Check it on the next page before you tell the customer it is done.</source>
        <translation>このフィルタでは、ブロックリストに登録してもメールは拒否されません。スパムスコアが %1 点加算されるだけです。次の手順の処置を「件名に文字列」「スパムフォルダー」「削除」のいずれかにしない限り、お客様から見える変化はありません。お客様に「設定完了です」とお伝えする前に、次のページで必ず確認してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/blocklist_page.py" line="259"/>
        <source>On this filter a block-list entry rejects the mail at SMTP time: it never reaches the mailbox, and the sending server gets an error.</source>
        <translation>このフィルタでは、ブロックリストに登録したメールは SMTP の時点で拒否されます。メールボックスには届かず、送信側のサーバーにはエラーが返ります。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/blocklist_page.py" line="264"/>
        <source>On this filter a block-list entry silently discards the mail: nobody can get it back.</source>
        <translation>このフィルタでは、ブロックリストに登録したメールは通知なしに破棄され、取り戻せません。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/blocklist_page.py" line="298"/>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/blocklist_page.py" line="298"/>
        <source>no</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/blocklist_page.py" line="305"/>
        <source>No spam samples yet: add them on the first page.</source>
        <translation>スパムのサンプルがまだありません。最初のページで追加してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/blocklist_page.py" line="311"/>
        <source>Suggested entry: %1. It matches %2 of %3 spam samples (%4 with a random-looking local part), on the %5.</source>
        <translation>提案する登録内容: %1。スパムサンプル %3 件中 %2 件に一致します(ローカル部がランダムなもの %4 件、照合対象: %5)。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/blocklist_page.py" line="319"/>
        <source>No entry is suggested for %1.</source>
        <translation>%1 については登録内容を提案しません。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/blocklist_page.py" line="342"/>
        <source>Not added: %1</source>
        <translation>追加しませんでした: %1</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/blocklist_page.py" line="353"/>
        <source>the entry is empty</source>
        <translation>登録内容が空です</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/blocklist_page.py" line="354"/>
        <source>the entry is too long</source>
        <translation>登録内容が長すぎます</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/blocklist_page.py" line="355"/>
        <source>it contains a character a block list cannot take</source>
        <translation>ブロックリストに使えない文字が含まれています</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/blocklist_page.py" line="356"/>
        <source>it is not of the form *@domain or user@domain</source>
        <translation>*@ドメイン または ユーザー@ドメイン の形式ではありません</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/blocklist_page.py" line="357"/>
        <source>the domain is not valid</source>
        <translation>ドメインが正しくありません</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../wizard/ui/widgets/export_dialog.py" line="30"/>
        <source>Export configuration</source>
        <translation>設定のエクスポート</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/export_dialog.py" line="37"/>
        <source>Configuration format</source>
        <translation>設定の形式</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/export_dialog.py" line="38"/>
        <source>SpamAssassin user_prefs</source>
        <translation>SpamAssassin user_prefs</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/export_dialog.py" line="38"/>
        <source>Sieve script</source>
        <translation>Sieve スクリプト</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/export_dialog.py" line="39"/>
        <source>Rspamd multimap + actions</source>
        <translation>Rspamd multimap + actions</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/export_dialog.py" line="40"/>
        <source>Postfix sender access map</source>
        <translation>Postfix 送信者アクセスマップ</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/export_dialog.py" line="44"/>
        <source>&amp;Format:</source>
        <translation>形式(&amp;F):</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/export_dialog.py" line="49"/>
        <source>Configuration text</source>
        <translation>設定の内容</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/export_dialog.py" line="55"/>
        <source>&amp;Save to file…</source>
        <translation>ファイルに保存(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/export_dialog.py" line="56"/>
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/export_dialog.py" line="85"/>
        <source>This format cannot be exported: %1</source>
        <translation>この形式ではエクスポートできません: %1</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/export_dialog.py" line="99"/>
        <source>Save configuration</source>
        <translation>設定を保存</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/export_dialog.py" line="111"/>
        <source>Could not save: %1</source>
        <translation>保存できませんでした: %1</translation>
    </message>
</context>
<context>
    <name>Filter</name>
    <message>
        <location filename="../../wizard/ui/widgets/filter_common.py" line="57"/>
        <source>Deliver normally (only marked in the headers)</source>
        <translation>通常どおり受信する(ヘッダーに印が付くだけ)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/filter_common.py" line="58"/>
        <source>Deliver with a tag at the start of the subject</source>
        <translation>件名の先頭に文字列を付けて受信する</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/filter_common.py" line="59"/>
        <source>Move to the server&apos;s spam folder</source>
        <translation>サーバー内のスパムフォルダーに振り分ける</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/filter_common.py" line="60"/>
        <source>Delete on the server</source>
        <translation>サーバー側で削除する</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/filter_common.py" line="61"/>
        <source>Reject at the server (sender gets an error)</source>
        <translation>サーバーで受信拒否する(送信者にエラーが返る)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/filter_common.py" line="69"/>
        <source>Spam folder (%1)</source>
        <translation>スパムフォルダー(%1)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/filter_common.py" line="71"/>
        <source>Inbox</source>
        <translation>受信箱</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/filter_common.py" line="72"/>
        <source>Inbox, subject tagged</source>
        <translation>受信箱(件名に印)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/filter_common.py" line="73"/>
        <source>Deleted</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/filter_common.py" line="74"/>
        <source>Rejected</source>
        <translation>受信拒否</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/filter_common.py" line="82"/>
        <source>envelope sender and From header</source>
        <translation>エンベロープ送信者と From ヘッダーの両方</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/filter_common.py" line="83"/>
        <source>envelope sender (Return-Path) only</source>
        <translation>エンベロープ送信者(Return-Path)のみ</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/filter_common.py" line="84"/>
        <source>From header only</source>
        <translation>From ヘッダーのみ</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/filter_common.py" line="85"/>
        <source>envelope sender on some samples, From on others</source>
        <translation>サンプルによりエンベロープ送信者または From</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/widgets/filter_common.py" line="87"/>
        <source>no sample</source>
        <translation>該当サンプルなし</translation>
    </message>
</context>
<context>
    <name>Findings</name>
    <message>
        <location filename="../../wizard/ui/messages/filter.py" line="8"/>
        <source>The block list changes nothing the customer can see: with the action &quot;{action}&quot; the entries ({entries}) only add {points} points and the spam still arrives in the inbox. Choose the spam folder, a subject tag or deletion as the action.</source>
        <translation>ブロックリストを設定しても、お客様から見える変化はありません。処置が「{action}」のままでは、登録内容({entries})はスコアを {points} 点加算するだけで、スパムは受信箱に届き続けます。処置を「スパムフォルダー」「件名に文字列」「削除」のいずれかにしてください。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/filter.py" line="13"/>
        <source>Known-good mail {source} would be caught ({outcome}, score {score}, because of the {reason}).</source>
        <translation>正常なメール {source} が引っかかります({outcome}、スコア {score}、原因: {reason})。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/filter.py" line="16"/>
        <source>The filter is not 100% accurate: normal mail may be judged as spam too.</source>
        <translation>フィルタの精度は100%ではありません。正常なメールもスパムと判定されることがあります。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/filter.py" line="18"/>
        <source>The spam folder &quot;{folder}&quot; can only be seen in webmail: ask the customer to check both her mail program and webmail for a while.</source>
        <translation>スパムフォルダー「{folder}」はウェブメールでしか見られません。しばらくはメールソフトとウェブメールの両方をご確認いただくようお願いしてください。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/filter.py" line="22"/>
        <source>Spam goes into the folder &quot;{folder}&quot;: ask the customer to look into it now and then.</source>
        <translation>スパムはフォルダー「{folder}」に入ります。ときどき中をご確認いただくようお願いしてください。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/filter.py" line="24"/>
        <source>If normal mail is often judged as spam, the filter&apos;s sensitivity can be changed in the control panel.</source>
        <translation>正常なメールが頻繁にスパム判定される場合は、コントロールパネルでフィルタの感度を変更できます。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/filter.py" line="27"/>
        <source>Deleted mail cannot be recovered: a false positive is lost without anyone noticing.</source>
        <translation>削除されたメールは復元できません。誤判定されたメールも誰にも気づかれずに失われます。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/filter.py" line="29"/>
        <source>Rejected mail never arrives; the sender&apos;s server gets an error instead.</source>
        <translation>拒否されたメールは届かず、送信側のサーバーにエラーが返ります。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/filter.py" line="31"/>
        <source>The mail still arrives in the inbox with &quot;{tag}&quot; in the subject; the customer can sort on it with a rule in her mail program.</source>
        <translation>メールは件名に「{tag}」が付いて受信箱に届きます。お客様のメールソフトの振り分けルールで仕分けできます。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/filter.py" line="35"/>
        <source>&quot;Deliver normally&quot; only marks spam in hidden headers: the customer sees no change.</source>
        <translation>「通常どおり受信」では、スパムは見えないヘッダーに印が付くだけで、お客様から見える変化はありません。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/filter.py" line="37"/>
        <source>The entry {pattern} matches none of the spam samples.</source>
        <translation>登録内容 {pattern} はどのスパムサンプルにも一致しません。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/filter.py" line="39"/>
        <source>{pattern} matches {source} only on a sender this filter does not compare (it compares: {compares}).</source>
        <translation>{pattern} は {source} に、このフィルタが照合しない送信者でしか一致しません(照合対象: {compares})。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/filter.py" line="42"/>
        <source>Entries are refused at SMTP time (compared with: {compares}); the mail never reaches the mailbox.</source>
        <translation>登録した送信者は SMTP の時点で拒否され(照合対象: {compares})、メールボックスには届きません。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/filter.py" line="45"/>
        <source>No spam score in the headers of {sources}: the score shown is an estimate.</source>
        <translation>{sources} のヘッダーにはスパムスコアがありません。表示しているスコアは推定値です。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/filter.py" line="47"/>
        <source>The action &quot;{action}&quot; is not offered by {profile} (offered: {offered}).</source>
        <translation>処置「{action}」は {profile} にはありません(選べる処置: {offered})。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/filter.py" line="49"/>
        <source>Unknown sensitivity &quot;{sensitivity}&quot; (levels: {levels}); the default is used.</source>
        <translation>感度「{sensitivity}」はありません(選べる感度: {levels})。既定値を使います。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/filter.py" line="51"/>
        <source>Entry refused: {reason}.</source>
        <translation>登録できません: {reason}。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/filter.py" line="52"/>
        <source>{domain} is a free-mail or big provider: blocking {pattern} would block every one of its users. Block single addresses instead.</source>
        <translation>{domain} はフリーメールまたは大手のプロバイダーです。{pattern} を登録すると、その利用者全員からのメールが止まります。個別のアドレスを登録してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/filter.py" line="56"/>
        <source>{pattern} would block the customer&apos;s own domain {domain}.</source>
        <translation>{pattern} はお客様ご自身のドメイン {domain} を止めてしまいます。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/filter.py" line="58"/>
        <source>{pattern} would block {domain}, which sent known-good mail (a partner?).</source>
        <translation>{pattern} は正常なメールを送ってきた {domain}(取引先?)を止めてしまいます。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/filter.py" line="60"/>
        <source>No sender address found in the spam samples.</source>
        <translation>スパムサンプルに送信者アドレスが見つかりません。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/filter.py" line="61"/>
        <source>Only {matched} of {total} spam samples come from {domain} (others: {others}); one entry will not catch them all.</source>
        <translation>{domain} からのスパムは {total} 件中 {matched} 件だけです(他: {others})。1つの登録ではすべては止まりません。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/filter.py" line="64"/>
        <source>Only one spam sample: ask for more to confirm that {domain} is fixed.</source>
        <translation>スパムのサンプルが1件だけです。{domain} が固定か確かめるため、ほかのサンプルもいただいてください。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/filter.py" line="66"/>
        <source>The local parts at {domain} do not look random: a single address entry may be enough.</source>
        <translation>{domain} のローカル部はランダムに見えません。アドレス単位の登録で足りるかもしれません。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/filter.py" line="68"/>
        <source>The entry for {domain} matches the samples only on: {scope}. Check which sender the filter compares.</source>
        <translation>{domain} の登録がサンプルに一致するのは {scope} だけです。フィルタがどの送信者を照合するか確認してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/filter.py" line="71"/>
        <source>The sender domain {domain} cannot be used as a block-list entry: {reason}.</source>
        <translation>送信元ドメイン {domain} はブロックリストに登録できません: {reason}。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/messages/filter.py" line="73"/>
        <source>Suggested entry {pattern}: matches {matched} of {total} spam samples.</source>
        <translation>提案する登録内容 {pattern}: スパムサンプル {total} 件中 {matched} 件に一致します。</translation>
    </message>
</context>
<context>
    <name>QuarantinePage</name>
    <message>
        <location filename="../../wizard/ui/pages/quarantine_page.py" line="77"/>
        <source>Step 5: Choose what happens to spam</source>
        <translation>手順 5:迷惑メールの処置を選ぶ</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/quarantine_page.py" line="79"/>
        <source>See what each setting does to these very samples before the customer changes it.</source>
        <translation>お客様が設定を変える前に、それぞれの設定でこのサンプルがどうなるかを確認します。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/quarantine_page.py" line="86"/>
        <source>Warning: the block list has no visible effect</source>
        <translation>警告: ブロックリストに目に見える効果がありません</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/quarantine_page.py" line="89"/>
        <source>Action for mail judged as spam</source>
        <translation>スパムと判定されたメールの処置</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/quarantine_page.py" line="97"/>
        <source>Filter sensitivity</source>
        <translation>フィルタの感度</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/quarantine_page.py" line="98"/>
        <source>Filter se&amp;nsitivity:</source>
        <translation>フィルタの感度(&amp;N):</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/quarantine_page.py" line="104"/>
        <source>Cautions for the chosen action</source>
        <translation>選んだ処置の注意点</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/quarantine_page.py" line="108"/>
        <source>Sample</source>
        <translation>サンプル</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/quarantine_page.py" line="108"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/quarantine_page.py" line="108"/>
        <source>Score</source>
        <translation>スコア</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/quarantine_page.py" line="109"/>
        <source>Block-list hit</source>
        <translation>ブロックリスト一致</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/quarantine_page.py" line="109"/>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/quarantine_page.py" line="117"/>
        <source>What the filter will do to each sample</source>
        <translation>フィルタが各サンプルをどう扱うか</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/quarantine_page.py" line="118"/>
        <source>&amp;What happens to each sample:</source>
        <translation>各サンプルの扱い(&amp;W):</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/quarantine_page.py" line="128"/>
        <source>E&amp;xport configuration…</source>
        <translation>設定をエクスポート(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/quarantine_page.py" line="129"/>
        <source>Export the filter configuration for an engine</source>
        <translation>フィルタの設定をエンジン用にエクスポート</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/quarantine_page.py" line="178"/>
        <source>No filter profile could be loaded.</source>
        <translation>フィルタの設定ファイルを読み込めませんでした。</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/quarantine_page.py" line="180"/>
        <source>Filter: %1</source>
        <translation>フィルタ: %1</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/quarantine_page.py" line="285"/>
        <source>block list</source>
        <translation>ブロックリスト</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/quarantine_page.py" line="287"/>
        <source>spam score</source>
        <translation>スパムスコア</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/quarantine_page.py" line="324"/>
        <source>≈%1 (estimated)</source>
        <translation>約 %1(推定)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/quarantine_page.py" line="326"/>
        <source> (+%1 block list)</source>
        <translation>(ブロックリスト +%1)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/quarantine_page.py" line="327"/>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/quarantine_page.py" line="327"/>
        <source>no</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/quarantine_page.py" line="328"/>
        <source>Known-good</source>
        <translation>正常なメール</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/quarantine_page.py" line="328"/>
        <source>Spam</source>
        <translation>スパム</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/pages/quarantine_page.py" line="346"/>
        <source>%1 of %2 spam samples would leave the inbox; %3 of %4 known-good messages would stay in the inbox.</source>
        <translation>スパム %2 件中 %1 件が受信箱から外れます。正常なメール %4 件中 %3 件は受信箱に残ります。</translation>
    </message>
</context>
</TS>
