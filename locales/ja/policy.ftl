# 返品ポリシーの確認とフィードバック削除。

## コマンド

policy-unknown-marketplace = 「{ $value }」はマーケットプレイスとして認識できません。{ "JP" } または { "US" } を指定してください。
policy-bad-date = 「{ $value }」は日付として認識できません。{ "YYYY-MM-DD" } の形式で入力してください。
policy-file-unreadable = 返品ポリシーのファイル { $path } を読み込めません。パスとアクセス権限を確認してください。
policy-json-syntax = { $path }、{ $line } 行 { $column } 列目：{ "JSON" } の形式が正しくありません。
policy-json-unknown-field = { $path }、{ $line } 行 { $column } 列目：返品ポリシーに「{ $name }」という項目はありません。
policy-json-missing-field = { $path }、{ $line } 行 { $column } 列目：必須項目「{ $name }」がありません。
policy-json-unknown-value = { $path }、{ $line } 行 { $column } 列目：「{ $name }」は指定できる値ではありません。
policy-json-invalid-country = { $path }、{ $line } 行 { $column } 列目：「{ $name }」は 2 文字の国コード（{ "JP" }、{ "US" } など）ではありません。
policy-json-invalid = { $path }、{ $line } 行 { $column } 列目：{ $detail }
policy-compliant = この返品ポリシーは { $marketplace } のすべてのルールを満たしています。
policy-not-compliant = この返品ポリシーは { $marketplace } のルールに { $count } 件違反しています：
policy-rule-line = ルール { $rule }：{ $text }

## 違反内容

policy-violation-return-window-too-short = 返品受付期間が短すぎます。購入者が商品到着後 { $limit } 日以上返品をリクエストできるようにしてください。
policy-violation-return-address-missing = 購入者に商品の返送を求めていますが、返品先住所が指定されていません。
policy-violation-return-address-incomplete = 返品先住所に住所が入力されていません。
policy-violation-return-address-outside-marketplace = 返品先住所がマーケットプレイスの国外にあるため、購入者にその住所への返送を求めることはできません。
policy-violation-returnless-threshold-missing = 一定金額以下は返品不要で返金する設定ですが、その金額が指定されていません。
policy-violation-refund-too-slow = 返品商品の到着後 { $limit } 営業日以内に返金する必要があります。
policy-violation-seller-must-pay-return-shipping = 返品理由「{ $reason }」の返送料は、購入者ではなく出品者が負担する必要があります。
policy-violation-free-returns-required = { $category }：返品理由にかかわらず、購入者の返送料を無料にする必要があります。
policy-violation-category-must-be-returnable = { $category }：このカテゴリーの返品は受け付ける必要があります。
policy-violation-category-must-be-non-returnable = { $category }：このカテゴリーは Amazon で返品できません。返品不可に設定してください。
policy-violation-category-excluded-from-csba = { $category }：このマーケットプレイスでは、このカテゴリーは CSBA の対象外です。
policy-violation-restocking-fee-on-compliant-return = 期間内に元の状態で返品された商品に、再入荷手数料を請求することはできません。
policy-violation-restocking-fee-too-high = 再入荷手数料は商品価格の { $limit }% までです。

## ルール

policy-rule-policy-returnless-threshold = 一定金額以下を返品不要で返金するポリシーでは、その金額を明記する必要があります。
policy-rule-jp-return-window = Amazon.co.jp では商品到着後 30 日以上返品を受け付けます。出品者のポリシーをこれより厳しくすることはできません。
policy-rule-jp-return-address-domestic = 購入者に返送を求める場合、返品先住所は日本国内である必要があります。国内住所がない場合は返品不要の返金となります。
policy-rule-jp-returns-accepted = ポリシーに沿った返品は受け付け、全額を返金する必要があります。返品不可にできるのは食品・飲料・危険物のみです。
policy-rule-jp-refund-within-business-days = 返品商品の到着後 2 営業日以内に返金してください。期限を過ぎると、Amazon が出品者に代わって返金することがあります。
policy-rule-jp-seller-paid-reasons = 15 の返品理由（不良、破損、誤配送、欠品、配達遅延など）では返送料を出品者が負担します。購入者負担にできるのは残りの 7 つのみです。
policy-rule-jp-free-returns-apparel-bags-shoes = 服・ファッション小物、バッグ、シューズは、購入者がどの理由を選んでも返送料無料にする必要があります。
policy-rule-jp-non-returnable-categories = 食品、飲料、危険物または危険物の可能性がある商品は、一切返品を受け付けません。
policy-rule-jp-excluded-categories = Amazon.co.jp では、医薬品と医療機器は CSBA の対象外です。
policy-rule-jp-full-refund-for-compliant-returns = ポリシーに沿って返品された商品は全額返金します。手数料を差し引けるのは、期限後の返品や使用済み・破損した商品の場合のみです。
policy-rule-us-return-window = Amazon.com ではほとんどの商品を到着後 30 日間返品できます。出品者のポリシーはそれと同等以上の条件にする必要があります。
policy-rule-us-return-address-domestic-or-prepaid = 海外の出品者は、米国内の返品先住所、前払いの返品用ラベル、または返品不要の返金のいずれかを用意する必要があります。
policy-rule-us-returns-accepted = Amazon の返品ポリシーの範囲内の返品は受け付ける必要があります。出品者のポリシーは Amazon と同等以上の条件にしてください。
policy-rule-us-refund-within-business-days = 返品商品を受け取ってから 2 営業日以内に返金してください。
policy-rule-us-seller-paid-reasons = 出品者に原因がある返品（不良、破損、誤配送、説明と異なる、配達遅延、欠品）では、返送料を出品者が負担します。
policy-rule-us-free-returns-fashion = 服・ファッション小物、バッグ、シューズは、理由にかかわらず返送料無料です。
policy-rule-us-non-returnable-categories = Amazon.com では食料品と危険物は返品できませんが、出品者が任意で返品を受け付けることは認められています。
policy-rule-us-excluded-categories = Amazon.com では、CSBA の対象外となるカテゴリーはありません。
policy-rule-us-restocking-fee-limits = 再入荷手数料を請求できるのは、期限後の返品や使用済み・破損した商品の場合のみで、上限は商品価格の 50% です。

## 返品理由（最初の 15 は出品者負担、残りの 7 は購入者負担にできる理由）

return-reason-performance-or-quality-not-adequate = 性能・品質が期待を下回る
return-reason-not-compatible-with-intended-use = 目的に合わない、または使用できない
return-reason-damaged-due-to-inadequate-packaging = 梱包が不十分で商品が破損していた
return-reason-missed-estimated-delivery = お届け予定日までに届かなかった
return-reason-missing-parts-or-accessories = 部品や付属品が足りない
return-reason-damaged-in-shipping = 配送中に破損した
return-reason-wrong-item-sent = 間違った商品が送られてきた
return-reason-defective = 不良品、または正常に動作しない
return-reason-received-extra-or-different-item = 注文した商品以外の商品が届いた
return-reason-unauthorized-purchase = 購入した覚えがない
return-reason-inaccurate-website-description = サイト上の商品説明が正確でない
return-reason-battery-dead = 電池切れ、または正常に動作しない
return-reason-missing-documents-or-manual-or-warranty = 書類・取扱説明書・保証書がない
return-reason-missing-certificate-of-authenticity = 品質証明書・鑑定書がない
return-reason-no-shine-discolored-or-unacceptable-condition = 光沢がない・変色している・状態に問題がある
return-reason-accidental-order = 誤って注文した
return-reason-better-price-found = Amazon より安い同じ商品を見つけた
return-reason-no-longer-needed = 不要になった、または欲しくなくなった
return-reason-incompatible-with-existing-system = 部品が現在のシステムと互換性がない
return-reason-installation-cost-higher-than-expected = 取り付け費用が予想を上回った
return-reason-size-too-small = サイズ違い：小さすぎる・短すぎる
return-reason-size-too-large = サイズ違い：大きすぎる・長すぎる

## 商品カテゴリー

policy-category-apparel = 服・ファッション小物
policy-category-bags = バッグ
policy-category-shoes = シューズ
policy-category-food = 食品
policy-category-beverages = 飲料
policy-category-hazmat = 危険物
policy-category-drugs = 医薬品
policy-category-medical-devices = 医療機器
policy-category-electronics = 家電・電子機器
policy-category-home = ホーム＆キッチン
policy-category-toys = おもちゃ
policy-category-beauty = ビューティー
policy-category-books = 本
policy-category-other = その他

## フィードバック

feedback-sentiment-negative = 低い評価
feedback-sentiment-neutral = 普通の評価
feedback-sentiment-positive = 高い評価
feedback-ground-caused-by-csba = CSBA のカスタマーサービスが原因
feedback-ground-obscene-language = わいせつまたは侮辱的な表現を含む
feedback-ground-sellers-personal-information = 出品者の個人情報を含む
feedback-ground-entirely-product-review = 内容がすべて商品レビュー
feedback-ground-amazon-fulfilled-delivery-complaint = Amazon が配送した注文の配送に関する苦情
feedback-possible-ground = 削除の対象となる可能性があります：{ $ground }。リクエストを送る前にコメントを確認してください。
feedback-recipient-csba-team = CSBA チームへメールで送信
feedback-recipient-feedback-manager = Seller Central で評価の削除をリクエスト
feedback-error-out-of-time = 削除をリクエストできるのは、評価が投稿されてから 90 日以内です。
feedback-error-not-negative = CSBA チームに削除を依頼できるのは、低い評価（星 1 つまたは 2 つ）のみです。
feedback-error-not-handled-by-csba = この注文は CSBA が対応していないため、CSBA チームはこの評価を削除できません。
feedback-error-not-fulfilled-by-amazon = この注文は Amazon の配送ではないため、配送に関する苦情は削除の理由になりません。
feedback-error-seller-name-missing = 出品者名を入力してください。CSBA チームへのメールの件名に必要です。
feedback-error-order-id-missing = 注文番号を入力してください。
feedback-error-explanation-missing = この評価を削除すべき理由を、1〜2 文で説明してください。
feedback-error-question-missing = 注文についての質問を入力してください。
feedback-error-feedback-window-unreadable = 評価の削除期限を読み込めませんでした。CSBA Desk を更新してください。
