# CSBA Desk — 画面の文言（日本語）。
# Rust 側と共用のため、メッセージ ID と { $変数 } は en・zh-CN・ja・ko で揃えてください。

## ブランドとナビゲーション

app-title = CSBA Desk
nav-inbox = 受信トレイ
loading = 読み込み中…
action-retry = 再試行

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

## 同期とサービス

sync-online = オンライン
sync-offline = オフライン
sync-syncing = 同期中…
sync-last = 最終同期：{ $time }
sync-never = 未同期
service-sandbox = サンドボックス・デモデータ
service-remote = 本番アカウント

## 設定

language-label = 言語

## エラー

error-unknown = 問題が発生しました。もう一度お試しください。
