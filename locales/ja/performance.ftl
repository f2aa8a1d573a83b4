# 効果画面（ui/src/performance）：CSBA の効果は？

performance-heading = CSBA の効果は？
performance-subheading = ストアとマーケットプレイスごとに週単位の指標を表示し、CSBA が対応を始めた日を示します。その後の変化を確認できます。
performance-empty = このストアまたはマーケットプレイスの週次データはまだありません。
performance-panel-heading = { $store } · { $marketplace }
performance-activated = { $date } から CSBA が有効
performance-never-active = このマーケットプレイスでは CSBA はまだ有効になっていません。
performance-paused = 一時停止：{ $from } – { $to }
performance-paused-since = { $from } から一時停止中
performance-activation-short = CSBA 開始
performance-paused-short = 一時停止
performance-odr-limit = アカウント健全性の基準：{ $percent } 未満
performance-tracking-target = アカウント健全性の目標：{ $percent } 以上
performance-chart-label = { $metric }（週ごと）。直近の確定週：{ $value }
performance-week-of = 週の初日
performance-no-weeks = 記録された週はまだありません。
performance-no-comparison = CSBA の前後を比べるには、まだ週数が足りません。
performance-comparison-heading = CSBA の導入前と導入後
performance-col-metric = 指標
performance-col-before = 導入前（{ $from } – { $to }）
performance-col-after = 直近 13 週（{ $from } – { $to }）
performance-col-change = 変化
performance-better = 改善
performance-worse = 悪化

## 指標

performance-metric-response-hours = 購入者への返信時間
performance-metric-response-seconds = 購入者への返信時間
performance-metric-a-to-z-claim-rate = マーケットプレイス保証申請率
performance-metric-negative-feedback-rate = 低評価率
performance-metric-order-defect-rate = 注文不良率
performance-metric-valid-tracking-rate = 有効な追跡率
performance-metric-contacts-per-unit = 出荷 1 点あたりの問い合わせ数
performance-metric-fee-minor = その週の CSBA 手数料
performance-metric-fee = CSBA 手数料
