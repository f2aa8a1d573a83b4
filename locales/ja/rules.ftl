# CSBA のルール：マーケットプレイス、祝日、期限、登録、手数料。

## マーケットプレイスのデータ
marketplace-data-unknown = 「{ $value }」は不明なマーケットプレイスです。JP または US を指定してください。
marketplace-data-error-unknown-marketplace = 不明なマーケットプレイスです。JP または US を指定してください。
marketplace-data-error-data-invalid = CSBA Desk に組み込まれたマーケットプレイスのルールが破損しています。アプリを再インストールしてください。
marketplace-data-error-no-rules-in-force = この日付に適用される、このマーケットプレイスの CSBA ルールはありません。
marketplace-data-channel-email = メール
marketplace-data-channel-phone = 電話
marketplace-data-channel-chat = チャット
marketplace-data-channel-sms = ショートメッセージ

## 祝日
holiday-error-holiday-year-out-of-range = この年の祝日データがまだないため、営業日を数えられません。
holiday-new-years-day = 元日
holiday-coming-of-age-day = 成人の日
holiday-national-foundation-day = 建国記念の日
holiday-emperors-birthday = 天皇誕生日
holiday-vernal-equinox-day = 春分の日
holiday-showa-day = 昭和の日
holiday-constitution-memorial-day = 憲法記念日
holiday-greenery-day = みどりの日
holiday-childrens-day = こどもの日
holiday-marine-day = 海の日
holiday-mountain-day = 山の日
holiday-respect-for-the-aged-day = 敬老の日
holiday-autumnal-equinox-day = 秋分の日
holiday-sports-day = スポーツの日
holiday-culture-day = 文化の日
holiday-labour-thanksgiving-day = 勤労感謝の日
holiday-enthronement-day = 天皇の即位の日
holiday-enthronement-ceremony-day = 即位礼正殿の儀の行われる日
holiday-substitute-holiday = 振替休日
holiday-citizens-holiday = 国民の休日
holiday-martin-luther-king-jr-day = キング牧師記念日
holiday-washingtons-birthday = ワシントン誕生日（大統領の日）
holiday-memorial-day = 戦没将兵追悼記念日
holiday-juneteenth = 奴隷解放記念日（ジューンティーンス）
holiday-independence-day = 独立記念日
holiday-labor-day = 労働者の日
holiday-columbus-day = コロンブス・デー
holiday-veterans-day = 退役軍人の日
holiday-thanksgiving-day = 感謝祭
holiday-christmas-day = クリスマス

## 期限
deadline-date = { $year }年{ $month }月{ $day }日（{ $weekday ->
        [1] 月
        [2] 火
        [3] 水
        [4] 木
        [5] 金
        [6] 土
       *[7] 日
    }）
deadline-refund-due = 返金期限：{ $date } { $time }（{ $zone }）。返品の到着後、2 営業日目の終わりまでです。過ぎると、Amazon が出品者に代わって購入者に返金することがあります。
deadline-case-respond-by = 回答期限：{ $date } { $time }（UTC）。ケースの作成から 24 時間後で、土日祝日も含みます。
deadline-error-timestamp = 「{ $value }」は日時として読み取れません。{ "RFC 3339" } 形式（例：{ "2026-11-20T10:00:00+09:00" }）で指定してください。
deadline-error-ambiguous-local-time = マーケットプレイスのタイムゾーンでは、この日の終わりを特定できません。
deadline-alert-six-hours = このケースの回答期限まで 6 時間を切りました（残り { $time }）。
deadline-alert-two-hours = このケースの回答期限まで 2 時間を切りました（残り { $time }）。
deadline-alert-thirty-minutes = このケースの回答期限まで 30 分以内です（残り { $time }）。
deadline-alert-overdue = このケースは期限を { $time } 過ぎています。今後は CSBA が独自に判断して対応します。

## 登録
enrollment-state-not-enrolled = 未登録
enrollment-state-pending-identity-verification = 本人確認待ち
enrollment-state-pending-activation = まもなく開始
enrollment-state-active = 利用中
enrollment-state-paused = 一時停止中
enrollment-state-lapsed = 失効（再登録が必要）
enrollment-error-not-invited = このマーケットプレイスの CSBA は招待制で、このアカウントは招待を受けていません。
enrollment-error-already-enrolled = このアカウントは、このマーケットプレイスで CSBA に登録済みです。
enrollment-error-not-enrolled = このアカウントは、このマーケットプレイスで CSBA に登録していません。
enrollment-error-not-active = CSBA が利用中ではないため、一時停止できません。
enrollment-error-not-paused = CSBA が一時停止中ではないため、再開できません。
enrollment-error-not-pending-verification = この登録は本人確認待ちではありません。
enrollment-error-lapsed-reenroll-required = 登録から本人確認の完了まで 14 日を超えたため、登録が失効しました。もう一度登録してください。
enrollment-error-event-before-last-change = この操作の日時が、登録の前回の変更より前になっています。
enrollment-requirement-professional-plan = 大口出品プラン
enrollment-requirement-good-standing = 良好な状態のアカウント
enrollment-requirement-identity-verified = 本人確認の完了（CSBA は確認後に開始します）
enrollment-requirement-responsive-contact = CSBA からの問い合わせに 24 時間以内（土日祝日を含む）に回答できる連絡先
enrollment-requirement-terms-accepted = CSBA 利用規約への同意
enrollment-requirement-invitation = Amazon からの招待
enrollment-activation-estimate = CSBA は登録から約 { $hours } 時間後に開始する見込みです。Amazon の案内は「数時間後」のみのため、この時間は目安です。

## 手数料
fees-summary = { $marketplace }：商品あたりの問い合わせ率 { $cpu }%、第 { $tier } 段階。手数料：1 点あたり { $fee } × { $units } 点 = { $total }。
fees-summary-unreliable = { $marketplace }：{ $units } 点では少なすぎて商品あたりの問い合わせ率（{ $cpu }%）が信頼できないため、一律の手数料が適用されます：1 点あたり { $fee } × { $units } 点 = { $total }。
fees-in-trial = この日付は無料体験期間中のため、手数料はかかりません。
fees-amount-usd = { $amount }ドル
fees-amount-jpy = { $amount }円
fees-error-date = 「{ $value }」は日付として読み取れません。{ "YYYY-MM-DD" } 形式で指定してください。
fees-error-fee-overflow = 数値が大きすぎるため、手数料を計算できません。
