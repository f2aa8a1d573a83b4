# CSBA Desk — 画面の文言（日本語）。
# Rust 側と共用のため、メッセージ ID と { $変数 } は en・zh-CN・ja・ko で揃えてください。

## ブランドとナビゲーション

app-title = CSBA Desk
nav-inbox = 受信トレイ
loading = 読み込み中…
action-retry = 再試行
nav-label = メインメニュー
nav-queue = 送信トレイ
nav-accounts = アカウント
queue-badge-waiting = 送信待ち { $count } 件
queue-badge-failed = 送信できなかった操作 { $count } 件（対応が必要です）

## 受信トレイ

inbox-heading = 対応が必要なケース
inbox-subheading = CSBA への回答期限は 24 時間です（土日・祝日を含みます）。
inbox-empty-title = 対応待ちのケースはありません
inbox-empty-body = CSBA から確認の依頼が届くと、ここに表示されます。
inbox-list-label = ケース一覧（緊急度順）

summary-overdue = 期限超過 { $count } 件
summary-due-soon = 3 時間以内に期限 { $count } 件
summary-open = 未対応 { $count } 件

## ケースの種類

kind-product-question = 商品に関する質問
kind-return = 返品
kind-delivery = 配送
kind-refund = 返金
kind-order-change = 注文内容の変更

## ケースの状態

status-open = 返信待ち
status-answered = 返信済み
status-resolved-by-csba = CSBA が対応済み

## マーケットプレイス

marketplace-jp = Amazon.co.jp
marketplace-jp-country = 日本
marketplace-us = Amazon.com
marketplace-us-country = アメリカ

## ケース行

order-label = 注文番号
case-reply-language = 返信言語：{ $language }
countdown-left = 残り { $time }
countdown-overdue = 期限超過 { $time }
due-at = 期限：{ $time }
row-draft = 下書き
row-pending-replies = 送信待ちの返信 { $count } 件

## ケース画面

back-to-inbox = 受信トレイに戻る
back-to-queue = 送信トレイに戻る
conversation-label = CSBA とのやり取り
message-author-csba = CSBA
message-author-seller = あなた
message-late = 期限後に送信
case-replies-heading = 送信トレイ内の返信
case-reply-see-outbox = 送信トレイから再試行または破棄できます。
case-changed-title = 返信の作成中にケースが更新されました
case-changed-body = CSBA から新しいメッセージが届きました。送信する前に、やり取りをもう一度ご確認ください。
case-changed-resolved = CSBA がこのケースを解決しました。やり取りをご確認ください。このケースにはもう返信できません。
case-changed-ack = 確認しました

## 返信欄

reply-label = 返信内容
reply-placeholder = CSBA への返信を入力してください。入力内容は自動で保存されます。
reply-send = 送信
reply-sending = 送信中…
reply-queued = 返信を送信トレイに追加しました。サービスに接続できしだい送信します。
reply-closed-resolved = 期限を過ぎたため CSBA がこのケースを解決しました。返信は受け付けられません。下の文章はコピーできるように残しています。
draft-saving = 保存中…
draft-saved = 下書きを保存しました（{ $time }）

## 送信トレイ

queue-heading = 送信トレイ
queue-subheading = 送信した操作は、CSBA サービスが受け付けるまで、送信した順にここで待機します。
queue-list-label = 操作の一覧（新しい順）
queue-empty-title = 送信待ちの操作はありません
queue-empty-body = 返信などの操作は、サービスが受け付けるまでここに表示されます。
queue-subject-case = ケース { $id }
queue-created-at = 追加：{ $time }
queue-sent-at = 送信：{ $time }
queue-next-attempt = { $count } 回試行、次回：{ $time }
queue-service-detail = サービスからの応答：{ $detail }
queue-retry = 再試行
queue-discard = 破棄
queue-discard-question = この操作を破棄しますか？破棄すると送信されません。
queue-discard-confirm = 破棄する
queue-discard-cancel = 残す

queue-state-queued = 送信待ち
queue-state-sending = 送信中
queue-state-sent = 送信済み
queue-state-failed = 失敗

action-kind-enroll = CSBA への登録
action-kind-pause-enrollment = CSBA の一時停止
action-kind-resume-enrollment = CSBA の再開
action-kind-tracking-upload = 追跡番号のアップロード
action-kind-return-policy = 返品ポリシー
action-kind-case-reply = ケースへの返信
action-kind-removal-request = 評価の削除依頼
action-kind-service-question = CSBA への問い合わせ

## 同期とサービス

sync-online = オンライン
sync-offline = オフライン
sync-syncing = 同期中…
sync-last = 最終同期：{ $time }
sync-never = 未同期
sync-now = 今すぐ同期
time-just-now = たった今
offline-title = オフラインです
offline-body = このまま作業を続けられます。下書きや返信はこのパソコンに保存され、接続が戻ると自動で送信されます。
offline-waiting = 送信待ちの操作が { $count } 件あります。
service-sandbox = サンドボックス・デモデータ
service-remote = 本番アカウント

## アカウント

accounts-heading = アカウント
accounts-subheading = このデスクが CSBA と同期しているストアです。ストアごとにサービスへの接続と API トークンがあります。
accounts-list-label = このパソコンのアカウント
account-seller-id = セラー ID
account-service = サービス
account-service-demo = 内蔵デモ（サンプルデータ）
account-marketplaces = マーケットプレイス
account-unsent = 未送信の操作：{ $count } 件
account-demo-note = 操作を試すためのサンプルデータです。ご自身のストアを追加すると消えます。
account-remove = 削除
account-remove-question = { $name } をこのパソコンから削除しますか？このパソコン上のケースと下書き、キーチェーン内の API トークンが削除されます。あとで追加し直すこともできます。
account-remove-question-unsent = { $name } を削除しますか？まだ送信されていない操作 { $count } 件は送信されず、失われます。このパソコン上のケースと下書き、キーチェーン内の API トークンも削除されます。
account-remove-confirm = 削除する
account-remove-confirm-unsent = それでも削除する
account-remove-cancel = 残す
account-add-heading = ストアを追加
account-add-intro = CSBA サービスのアドレスと、ストアの API トークンを入力してください。追加する前に、サービスに問い合わせて確認します。
account-url-label = サービスの URL
account-token-label = API トークン
account-token-keychain = トークンはシステムのキーチェーンにのみ保存され、CSBA Desk のファイルには書き込まれません。
account-add = ストアを追加
account-adding = 確認中…
account-added = { $name }（{ $seller }）を追加しました。
account-added-replaced-demo = { $name }（{ $seller }）を追加しました。デモアカウントとサンプルデータは削除されたため、受信トレイには実際のケースだけが表示されます。

## 設定

language-label = 言語

## エラー

error-unknown = 問題が発生しました。もう一度お試しください。

## ナビゲーション

skip-to-content = 本文へ移動
nav-cases = ケース
nav-orders = 注文と追跡番号
nav-enrollment = CSBA プログラム
nav-collapse = メニューを折りたたむ
nav-expand = メニューを展開
badge-cases-due = 返信待ちのケース { $count } 件
badge-orders-without-tracking = 追跡番号が未登録の注文 { $count } 件
nav-returns = 返品ポリシー
nav-feedback = 評価
nav-questions = CSBA への問い合わせ
nav-performance = CSBA の効果
nav-settings = 設定
badge-removable-feedback = 削除を依頼できる低評価 { $count } 件
badge-questions-awaiting = CSBA チームの回答待ちの問い合わせ { $count } 件
back-to-case = ケースに戻る
back-to-order = 注文に戻る
back-to-screen = { $name }に戻る
filter-label = ストアとマーケットプレイス
filter-store = ストア
filter-store-all = すべてのストア
filter-marketplace = マーケットプレイス
filter-marketplace-all = すべてのマーケットプレイス
filter-show-all = すべてのケースを表示
inbox-empty-filtered-title = このストア・マーケットプレイスのケースはありません
inbox-empty-filtered-body = ほかのストアやマーケットプレイスにはケースがあります。上の絞り込みを変更すると表示されます。
