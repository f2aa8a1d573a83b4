# エラーはコードとして画面に渡され、メッセージ ID は `error-<コード>` です。
error-replica-unavailable = このパソコンに保存されたデータを読み込めませんでした。CSBA Desk を再起動してください。繰り返し発生する場合は、ディスクの空き容量をご確認ください。
error-replica-too-new = このデータは新しいバージョンの CSBA Desk で保存されています。アプリを更新してください。
error-token-missing = { $account } の API トークンが保存されていません。「アカウント」画面（または「{ "csba account add" }」）でストアを追加し直してください。
error-keychain-unavailable = システムのキーチェーンがロックされているか利用できないため、API トークンを読み込めません。キーチェーンのロックを解除してから、もう一度お試しください。
error-unknown-locale = 「{ $locale }」は CSBA Desk で選べる言語ではありません。
error-sandbox-failed = 内蔵のデモサービスを起動できませんでした。
error-autostart-failed = このデスクトップではログイン時の自動起動を変更できませんでした。
error-service-unreachable = CSBA サービスに接続できません。オフラインで作業中です。接続が戻りしだい自動で同期します。
error-sync-refused = CSBA サービスに同期を拒否されました。アカウントと API トークンをご確認ください。

## 返信と送信トレイ（アプリ自身のチェック）

error-reply-empty = 返信が空です。内容を入力してから送信してください。
error-case-resolved = このケースは CSBA がすでに解決したため、返信を受け付けていません。ケースを開いて対応結果をご確認ください。入力した文章が必要な場合は、コピーして保存してください。
error-case-not-found = ケース { $case } はこのパソコンにありません。次の同期を待つか、ケース番号をご確認ください。
error-action-not-failed = この操作はすでに拒否された状態ではありません（送信待ち・送信中・送信済みのいずれかです）。対応は不要です。送信トレイはまもなく更新されます。
error-token-rejected = このアカウントの API トークンが CSBA サービスに受け付けられませんでした。「アカウント」画面（または「{ "csba account add" }」）で新しいトークンを使ってストアを追加し直してください。

## アカウントの追加と削除（アプリ自身のチェック）

error-account-url-invalid = サービスのアドレスになっていません。{ "https://" }（または { "http://" }）から始まる CSBA サービスの URL をすべて入力してください。
error-token-empty = ストアの API トークンを入力してください。
error-token-malformed = API トークンの形式になっていません。空白や改行を含めずに、トークン全体をもう一度コピーしてください。
error-not-csba-service = このアドレスから応答はありましたが、CSBA サービスではありません。URL をご確認ください。
error-service-failed = トークンの確認中に CSBA サービスで問題が発生しました。数分後にもう一度お試しください。
error-account-has-unsent = このアカウントには、まだ送信されていない操作が { $count } 件あります。アカウントを削除すると、これらは失われます。
error-account-unknown = このアカウントはすでにこのパソコンにありません。一覧はまもなく更新されます。

## CSBA サービスが操作を拒否した理由（サービスのエラーコード）

error-unauthorized = このアカウントの API トークンがサービスに受け付けられませんでした。「{ "csba account add" }」で新しいトークンを追加してから、再試行してください。
error-not-found = この操作の対象がサービス上に見つかりません。削除された可能性があります。セラーセントラルで確認してから、この操作を破棄してください。
error-invalid-request = サービスがこのリクエストに誤りを見つけました。サービスからの詳細を確認し、指摘された箇所を修正してから送り直してください。
error-invalid-cursor = このパソコンの同期位置をサービスが認識できませんでした。「今すぐ同期」を押してください。繰り返し発生する場合は、CSBA Desk を再起動してください。
error-cursor-expired = サービスが履歴を保持する期間より長くオフラインでした。CSBA Desk がケースを取得し直します。下書きと未送信の返信はそのまま残ります。
error-payload-too-large = このリクエストはサービスで扱える大きさを超えています。小さく分けて（たとえば 1 回のアップロードの行数を減らして）送り直してください。
error-unsupported-media-type = サービスがこのリクエストの形式を読み取れませんでした。CSBA Desk を更新してから再試行してください。
error-internal = CSBA サービスで内部エラーが発生しました。数分後にもう一度お試しください。
error-idempotency-key-missing = 重複防止用のキーがないため、サービスはこのリクエストを処理しませんでした。CSBA Desk を更新してから再試行してください。
error-idempotency-key-reused = この操作のキーで別の内容のリクエストがすでに届いていたため、サービスが受け付けませんでした。セラーセントラルで操作が完了しているかご確認のうえ、完了していなければ再試行してください（再試行では新しいキーを使います）。
error-idempotency-key-in-flight = サービスはこのリクエストの最初の送信をまだ処理しています。しばらくお待ちください。自動で再試行します。
error-enrollment-conflict = 現在の CSBA の登録状況では、この変更はできません（すでに有効、またはすでに一時停止中など）。現在の状況をご確認のうえ、再試行するか破棄してください。
error-enrollment-ineligible = このアカウントは、このマーケットプレイスで CSBA を利用するための要件をまだすべて満たしていません。セラーセントラルで要件を満たしてから再試行してください。
error-shipment-rejected = 追跡番号のアップロードがまとめて拒否されたため、どの行も反映されていません。指摘された行を修正して、ファイルをもう一度アップロードしてください。
error-return-policy-rejected = この返品ポリシーはマーケットプレイスのルールに反しているため、受け付けられませんでした。指摘された違反をすべて修正してから、もう一度提出してください。
error-removal-not-allowed = この評価は削除依頼の対象になりません（90 日を過ぎている、理由が該当しないなど）。この依頼は破棄してください。
error-removal-already-requested = この評価にはすでに削除依頼が出ています。そちらの結果をお待ちいただき、この依頼は破棄してください。
error-reply-too-long = この文章は { $count } 文字あります。CSBA が受け付けるのは { $max } 文字までです。短くしてから送信してください。
error-reply-language-invalid = このマーケットプレイスの CSBA は「{ $language }」での返信を受け付けていません。次の中から選んでください：{ $allowed }。
error-template-name-empty = テンプレートに名前を付けてください。
error-template-empty = テンプレートの本文を入力してください。
error-template-not-found = このテンプレートはもうありません。別のウィンドウで削除された可能性があります。
error-order-not-found = 注文 { $order } はこのパソコンにありません。次の同期を待つか、注文番号をご確認ください。
error-order-not-shippable = 注文 { $order } には今は追跡番号を登録できません（ステータス：{ $status }）。
error-tracking-invalid = この追跡番号は正しくありません。理由は入力欄の下のチェック結果をご覧ください。
error-carrier-unknown = 配送業者を選んでください。この番号は複数の業者の形式に当てはまるか、指定された業者は CSBA Desk が対応していないものです。
error-ship-date-in-future = 出荷日が今日（マーケットプレイスの時間帯で { $today }）より後になっています。
error-ship-date-invalid = 出荷日を正しい日付で入力してください。
error-ship-date-before-order = 出荷日が注文日（{ $placed }）より前になっています。
error-marketplace-unknown = CSBA Desk にはこのマーケットプレイスのルールがありません。
error-upload-unreadable = ファイル { $path } を読み込めませんでした。ファイルがあること、開く権限があることをご確認ください。
error-upload-is-folder = { $path } はフォルダです。ファイルを 1 つ選ぶか、ドロップしてください。
error-upload-too-large = このファイルは { $size_mb } MB あります。一度にアップロードできるのは { $max_mb } MB までです。小さいファイルに分けてください。
error-upload-not-a-file = { $path } は通常のファイルではありません。このパソコンに保存されたファイルを選ぶか、ドロップしてください。
error-upload-has-problems = ファイルにまだ { $count } 件の問題があります。修正してからもう一度チェックしてください。送信キューには何も追加されていません。
error-upload-not-found = このアップロードはもうキューへの追加待ちではありません。ファイルをもう一度選んでください。
error-enrollment-not-found = このストアには { $marketplace } の CSBA 登録情報がまだありません。次の同期をお待ちください。
error-enrollment-not-allowed = 現在の状態では CSBA をこのように変更できないか、すでに変更の処理中です。
error-terms-not-accepted = 先に現在の CSBA 規約（バージョン { $version }）を読み、同意してください。
error-fee-input-invalid = 整数で入力してください。出荷数と、出荷数の 100 倍以内の問い合わせ件数です。
error-service-refused = サービスがこの操作を拒否しました（コード { $code }）。セラーセントラルでご確認のうえ、再試行するか破棄してください。
error-policy-not-compliant = この返品ポリシーには、マーケットプレイスのルールに反する箇所がまだ { $count } か所あります。各項目に表示された指摘をすべて直してから提出してください。
error-policy-version-not-found = この返品ポリシーのバージョン { $version } はこのパソコンにありません。次の同期をお待ちください。
error-feedback-not-found = 評価 { $feedback } はこのパソコンにありません。次の同期をお待ちください。
error-ground-not-possible = この削除理由はこの評価には当てはまりません。この評価に表示された理由から選んでください。
error-removal-not-possible = この評価の削除を依頼できる 90 日間の期限は過ぎています。
error-explanation-missing = この理由がこの評価に当てはまる根拠を書いてください。
error-explanation-too-long = 説明は { $count } 文字あります。受け付けられるのは { $max } 文字までです。短くしてください。
error-question-missing = CSBA チームへの質問を入力してください。
error-question-too-long = 質問は { $count } 文字あります。受け付けられるのは { $max } 文字までです。短くしてください。
error-text-too-long = 上限を超える長さの文章だったため、受け付けられませんでした。短くしてから、もう一度送信してください。
error-invalid-text = 送信できない文字（制御文字や壊れた絵文字など。ほかのアプリから貼り付けたときによく混ざります）が含まれています。取り除いてから、もう一度送信してください。
error-unavailable = サービスが一時的に混み合っています。内容は失われていません。まもなく自動で再送信します。
error-request-timeout = リクエストがサービスに届くまでに時間がかかりすぎたため、適用されませんでした。自動で再送信します。
error-rate-limited = 短時間にサービスへ送ったリクエストが多すぎました。内容は失われていません。サービスが指定した時間だけ待ってから、自動で再送信します。

## 通知設定（アプリ自身のチェック）
error-alert-threshold-out-of-range = 通知は期限の { $max_days } 日前までしか設定できません。
error-alert-threshold-repeated = この通知タイミングはすでに設定されています。
error-alert-too-many-thresholds = 通知タイミングは期限の種類ごとに { $max } 件までです。
error-quiet-minute-out-of-range = 00:00 から 23:59 までの時刻を入力してください。
error-quiet-hours-empty = おやすみ時間の終了時刻は、開始時刻と別の時刻にしてください。
error-update-signature-invalid = この更新は拒否されました。署名が CSBA Desk の署名鍵と一致しないため、正規の配布元からのものではない可能性があります。何もインストールされていません。
error-update-unreachable = 更新サーバーに接続できませんでした。インターネット接続を確認して、もう一度お試しください。
error-update-manifest-invalid = 更新サーバーからの応答を読み取れないか、このコンピューター向けの更新が含まれていません。しばらくしてからもう一度お試しください。
error-update-install-failed = 更新をインストールできませんでした。CSBA Desk は現在のバージョンのまま動作します。
error-update-not-available = インストールできる更新はありません。先に更新を確認してください。
