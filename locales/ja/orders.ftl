# 注文と追跡番号の画面：出荷待ちの注文、個別入力、一括アップロード。
orders-heading = 注文と追跡番号
orders-subheading = 出荷期限までに、有効な追跡番号で出荷を通知してください。出荷期限はマーケットプレイスの現地時間です。
orders-count = { $count } 件
orders-to-ship-heading = 出荷待ち
orders-to-ship-empty = 出荷待ちの注文はありません。すべての注文に追跡番号があります。
orders-ship-by = 出荷期限 { $date }
orders-ship-by-none = 出荷期限なし
orders-quantity = 数量 { $count }
orders-queued = 送信待ち：{ $number }
orders-queued-failed = 拒否：{ $number }（送信トレイを確認）
orders-enter-tracking = 追跡番号を入力
orders-open-case = この注文のケースを開く
orders-pending-heading = 保留中
orders-pending-note = 支払い待ち — 出荷しないでください
orders-pending-empty = 支払い待ちの注文はありません。
orders-shipped-heading = 出荷済み
orders-shipped-empty = 出荷通知済みの注文はまだありません。
orders-col-order = 注文
orders-col-item = 商品
orders-col-tracking = 追跡番号
orders-col-carrier = 配送業者
orders-col-ship-date = 出荷日
orders-rate-heading = 有効な追跡番号の率（過去30日）
orders-rate-target = 目標 { $target } %
orders-rate-meets = 目標を達成
orders-rate-below = 目標未達
orders-rate-detail = { $shipped } 件中 { $valid } 件が有効
orders-rate-none = 過去30日の出荷なし

# 個別入力
orders-entry-heading = 注文 { $order } の追跡番号
orders-entry-number = 追跡番号
orders-entry-carrier = 配送業者
orders-entry-carrier-choose = 配送業者を選択
orders-entry-carrier-auto = 番号から判別
orders-entry-ship-date = 出荷日
orders-entry-submit = 出荷を通知
orders-entry-cancel = キャンセル
orders-entry-checking = 確認中…
orders-verdict-valid = 有効な追跡番号です
orders-verdict-invalid = 無効：{ $reason }
orders-verdict-normalized = 登録される番号
orders-verdict-format = 形式：{ $format }
orders-verdict-carrier = 配送業者：{ $carrier }
orders-verdict-candidates = この形式は複数の配送業者が使っています（{ $carriers }）。どれか選んでください。
orders-check-digit-passed = チェックディジット：一致
orders-check-digit-failed = チェックディジット：不一致（どこかの数字の入力ミスと思われます）
orders-check-digit-none = この形式にはチェックディジットがありません
orders-rejection-other = 受け付けられません（{ $code }）。
orders-problem-other = このバージョンでは説明できない問題です（{ $code }）。

# 一括アップロード
orders-upload-heading = 一括アップロード
orders-upload-intro = Amazon の出荷通知フラットファイル、CSV、または Excel ブックを使えます。まず内容を確認し、送信待ちに入れるまで何も送信しません。
orders-upload-store = ストア
orders-upload-marketplace = 出荷日のない行の出荷日
orders-upload-marketplace-auto = 注文のマーケットプレイスの今日
orders-upload-carrier = 配送業者のない行の配送業者
orders-upload-carrier-auto = 番号から判別
orders-upload-choose = ファイルを選択…
orders-upload-drop = またはこのウィンドウのどこかにドロップ（50 { "MB" } まで）
orders-upload-drop-over = ドロップするとファイルを確認します
orders-upload-several = { $count } 個のファイルがドロップされました。最初の { $name } だけを確認します。
orders-upload-checking = { $name } を確認中…
orders-upload-kind = { $kind }、{ $encoding }
orders-upload-kind-flat_file = Amazon フラットファイル
orders-upload-kind-csv = { "CSV" }
orders-upload-kind-tsv = タブ区切りテキスト
orders-upload-kind-xlsx = Excel ブック
orders-upload-counts = { $rows } 行中 { $valid } 行が送信可能
orders-upload-problems-heading = 直すべき問題：{ $count } 件
orders-upload-col-line = 行
orders-upload-col-column = 列
orders-upload-col-problem = 問題
orders-upload-whole-file = ファイル
orders-upload-ambiguous-heading = 配送業者がはっきりしない行：{ $count } 行
orders-upload-ambiguous-row = { $line } 行目：{ $number }（注文 { $order }）は { $carriers } のどれにも当てはまります。上で配送業者を選んで確認し直さない限り、最初の業者で登録されます。
orders-upload-unchecked = 注文がまだこのコンピューターにないため、ここでは確認できませんでした。サービス側で確認されます。
orders-upload-queue = { $count } 件の出荷を送信待ちに入れる
orders-upload-fix-first = ファイルの問題をすべて直し、もう一度確認すると送信待ちに入れられます。
orders-upload-progress = サービスが { $batches } バッチ中 { $done } バッチに応答しました…
orders-upload-done = 完了：{ $count } 件の出荷が確定しました。
orders-upload-failed = { $count } バッチが拒否されました。送信トレイを確認してください。
orders-upload-results-heading = サービスが記録した内容
orders-upload-result-ambiguous = 配送業者は推定です。違う場合は個別入力で直してください

# テンプレートとサンプル
orders-templates-heading = テンプレートとサンプルファイル
orders-template-flat = Amazon フラットファイルのテンプレートを保存
orders-template-csv = { "CSV" } テンプレートを保存
orders-template-sample = 間違いを含むサンプルファイルで試す
orders-template-saved = 保存先：
orders-template-check = 今すぐ確認

# アプリが加えるアップロードの問題。
import-problem-ship_date_in_future = 出荷日が未来の日付です。
import-problem-ship_date_needs_marketplace = 出荷日がなく、注文のマーケットプレイスもわかりません。日付を入力するか、上でマーケットプレイスを選んで現地の今日の日付を使ってください。

# 配送業者（バックエンドのコード別）。
carrier-china-post = 中国郵政
carrier-japan-post = 日本郵便（国際郵便）
carrier-upu-s10 = 郵便（{ "UPU S10" }）
carrier-ups = UPS
carrier-fedex = FedEx
carrier-usps = USPS
carrier-dhl-express = { "DHL Express" }
carrier-yamato = ヤマト運輸
carrier-sagawa = 佐川急便
carrier-japan-post-domestic = 日本郵便（ゆうパック）
carrier-yunexpress = { "YunExpress" }
carrier-4px = { "4PX" }
carrier-cainiao = 菜鳥（{ "Cainiao" }）
carrier-sf-express = { "SF Express" }（順豊）
carrier-amazon-logistics = Amazon ロジスティクス
carrier-dhl-ecommerce = { "DHL eCommerce" }
