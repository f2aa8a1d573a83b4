# `csba` 명령줄 도구입니다.
cli-token-empty = 표준 입력으로 받은 토큰이 없습니다.
cli-no-data-dir = 데이터 폴더를 찾을 수 없습니다. 환경 변수 { "CSBA_DATA_DIR" }를 설정해 주세요.
cli-no-cases = 아직 케이스가 없습니다. CSBA Desk를 열거나 동기화해서 가져와 주세요.
cli-body-unreadable = { $path }을(를) 읽을 수 없습니다.
cli-body-not-utf8 = { $path }은(는) { "UTF-8" } 텍스트가 아닙니다. { "UTF-8" }로 다시 저장한 뒤 시도해 주세요.
cli-reply-empty = 답변 내용이 비어 있습니다.
cli-reply-unknown-case = 이 컴퓨터에 “{ $case }” 케이스가 없습니다. 동기화한 뒤 { "csba cases list" }로 케이스 ID를 확인해 주세요.
cli-reply-queued = 케이스 { $case }에 대한 답변을 전송 대기열에 추가했습니다(#{ $entry }). 다음 동기화 때 전송되며, 다시 시작해도 사라지지 않습니다.
cli-outbox-empty = 전송을 기다리는 항목이 없습니다.
cli-outbox-queued = 전송 대기 중
cli-outbox-sending = 전송 중
cli-outbox-sent = 전송 완료
cli-outbox-failed = 서비스가 거부함({ $code }). 수정한 뒤 다시 보내 주세요
cli-token-unreadable = 표준 입력을 읽을 수 없습니다.
cli-token-malformed = 표준 입력으로 받은 내용은 토큰이 아닙니다. 공백 없이 한 줄로 토큰만 넣어 주세요.
cli-reply-unknown-case-in-account = 이 컴퓨터의 계정 #{ $id }에 “{ $case }” 케이스가 없습니다. 동기화한 뒤 { "csba cases list" }로 케이스 ID를 확인해 주세요.
cli-reply-choose-account = 여러 계정에 “{ $case }” 케이스가 있습니다({ $accounts }). { "--account" }로 하나를 지정해 주세요.
cli-runtime-failed = 이 컴퓨터에서 네트워크 연결을 준비할 수 없습니다.

# 서비스와의 통신.
cli-service-unreachable = { $url }의 CSBA 서비스에 연결할 수 없습니다. 주소와 인터넷 연결을 확인해 주세요.
cli-service-token-rejected = { $url }의 CSBA 서비스가 API 토큰을 거부했습니다. 토큰 전체를 복사했는지, 폐기된 토큰은 아닌지 확인해 주세요.
cli-service-error = { $url }의 CSBA 서비스 자체에 문제가 생겼습니다({ $code }). 잠시 후 다시 시도해 주세요.
cli-service-refused = { $url }의 CSBA 서비스가 요청을 거부했습니다({ $code }).
cli-service-not-csba = { $url } 주소의 응답이 CSBA 서비스의 응답이 아닙니다(HTTP { $status }). 주소를 확인해 주세요.

# 키체인(시스템마다 부르는 이름).
cli-keychain-name-secret-service = 시스템 키링({ "Secret Service" }: { "GNOME Keyring" } 또는 { "KWallet" })
cli-keychain-name-macos = { "macOS" } 키체인
cli-keychain-name-windows = { "Windows" } 자격 증명 관리자

# csba account
cli-account-url-invalid = “{ $url }”은(는) 서비스 주소가 아닙니다. { "http://" } 또는 { "https://" }로 시작하는 주소를 입력해 주세요(예: { "https://csba.example.com" }).
cli-account-nothing-saved = 아무것도 저장하지 않았습니다.
cli-account-keychain-unavailable = API 토큰을 저장하지 못했습니다. { $keychain }이(가) 잠겨 있거나 사용할 수 없습니다. 잠금을 해제하거나 실행한 뒤 이 명령을 다시 실행해 주세요. 이 컴퓨터에는 아무것도 기록하지 않았습니다. 토큰은 키체인에만 보관되며 다른 곳에는 저장되지 않습니다.
cli-account-added = 계정 { $account }을(를) 추가했습니다(서비스: { $url }, 마켓플레이스: { $marketplaces }). API 토큰은 { $keychain }에 보관되어 있습니다.
cli-account-demo-replaced = 실제 기한과 섞이지 않도록 데모 계정과 샘플 케이스를 이 컴퓨터에서 삭제했습니다.
cli-account-next-sync = { "csba sync" }를 실행하면 이 계정의 케이스와 주문을 가져옵니다.
cli-account-no-marketplaces = 아직 없음
cli-account-list-empty = 아직 계정이 없습니다. { "csba account add --url" } 뒤에 서비스 주소를 붙여 추가해 주세요.
cli-account-sandbox = 샌드박스(데모)
cli-account-last-sync = 마지막 동기화: { $at }
cli-account-never-synced = 동기화한 적 없음
cli-account-queue = 전송 대기 { $queued }건, 거부됨 { $failed }건
cli-account-token-present = 토큰이 { $keychain }에 있음
cli-account-token-missing = { $keychain }에 토큰이 없음: 계정을 다시 추가해 주세요
cli-account-token-keychain_unavailable = { $keychain }이(가) 잠겨 있거나 사용할 수 없음
cli-account-token-not_needed = 토큰 필요 없음
cli-account-unknown = 계정 #{ $id }이(가) 없습니다. { "csba account list" }를 확인해 주세요.
cli-account-none = 사용할 계정이 없습니다. { "csba account add" }로 추가해 주세요.
cli-account-choose = 계정이 여러 개입니다: { $accounts }. { "--account" }로 하나를 지정해 주세요.
cli-account-remove-unsent = 계정 { $account }에 아직 전송되지 않은 작업이 { $unsent }건 있습니다(대기 { $queued }건, 전송 중 { $sending }건, 거부됨 { $failed }건). 먼저 동기화하거나, { "--force" }를 붙여 계정을 삭제하고 이 작업들을 버려 주세요.
cli-account-remove-keychain = 아무것도 삭제하지 않았습니다. { $keychain }이(가) 잠겨 있거나 사용할 수 없어 계정의 API 토큰을 삭제할 수 없습니다. 잠금을 해제한 뒤 다시 시도하거나, { "--force" }를 붙여 토큰은 키체인에 남겨 둔 채 계정을 삭제해 주세요.
cli-account-remove-token-left = { $keychain }이(가) 잠겨 있거나 사용할 수 없습니다. API 토큰은 “{ $entry }” 항목으로 남아 있습니다. 키체인을 다시 사용할 수 있게 되면 직접 삭제해 주세요.
cli-account-removed = 계정 { $account }을(를) 삭제했습니다. 이 컴퓨터에 있던 데이터와 API 토큰도 함께 삭제했습니다.

# csba sync
cli-sync-no-accounts = 동기화할 계정이 없습니다. { "csba account add" }로 추가해 주세요.
cli-sync-done = { $account }: 전송 { $sent }건, 재시도 대기 { $retried }건, 거부됨 { $failed }건, 받은 변경 { $pulled }건.
cli-sync-resynced = 서비스에 이 컴퓨터의 변경 피드 읽기 위치가 더 이상 남아 있지 않아 케이스와 주문을 처음부터 다시 가져왔습니다. 임시 저장한 답변과 전송 대기 중인 작업은 그대로 유지됩니다.
cli-sync-retry-later = 전송하지 못한 작업은 대기열에 남아 있다가 이후 동기화 때 다시 전송됩니다.
cli-sync-action-refused = 거부됨: #{ $entry } { $kind } { $object }({ $code }). { "csba outbox" }를 확인해 주세요.
cli-sync-skipped-sandbox = { $account }: 건너뛰었습니다. 데모 계정은 CSBA Desk 앱 안에만 있으며 앱이 직접 동기화합니다.
cli-sync-token-missing = { $account }: 동기화하지 않았습니다. { $keychain }에 이 계정의 API 토큰이 없습니다. { "csba account add --url" } { $url }로 다시 추가해 주세요.
cli-sync-keychain-unavailable = { $account }: 동기화하지 않았습니다. { $keychain }이(가) 잠겨 있거나 사용할 수 없어 API 토큰을 읽을 수 없습니다. 잠금을 해제한 뒤 다시 동기화해 주세요.
cli-sync-failed = { $account }: 동기화하지 않았습니다. { $reason }

# csba tracking upload
cli-upload-unknown-marketplace = “{ $marketplace }”은(는) 마켓플레이스가 아닙니다. JP 또는 US를 사용해 주세요.
cli-upload-wrong-marketplace = 계정 { $account }은(는) { $marketplace } 마켓플레이스에서 판매하지 않습니다.
cli-upload-problem-ship_date_in_future = 발송일이 미래 날짜입니다.
cli-upload-problem-ship_date_needs_marketplace = 발송일이 없고 주문의 마켓플레이스도 알 수 없습니다. 날짜를 입력하거나, { "--marketplace" }로 마켓플레이스를 지정해 현지의 오늘 날짜를 사용해 주세요.
cli-upload-orders-unchecked = 이 컴퓨터에 아직 이 계정의 주문이 없어(먼저 동기화해 주세요) 여기서는 주문을 확인하지 않았습니다. 업로드가 도착하면 서비스가 확인합니다.
cli-upload-nothing-queued = 전송 대기열에 아무것도 추가하지 않았습니다.
cli-upload-queued = 계정 { $account }의 발송 확인 { $rows }건을 전송 대기열에 추가했습니다(총 { $batches }개 묶음). { "csba sync" }(또는 실행 중인 CSBA Desk 앱)가 전송하며, 서비스는 묶음마다 전체를 받아들이거나 전체를 거부합니다.
cli-orders-to-ship = 발송 대기: { $count }
cli-orders-pending = 결제 대기(아직 발송하지 마세요): { $count }
cli-orders-tracking-rate = { $marketplace } 최근 30일 유효 추적률: { $rate } %({ $shipped }건 중 { $valid }건)
cli-enrollment-trial = 무료 체험 { $days }일 남음
cli-enrollment-terms = 약관 버전 { $version }
cli-enrollment-queued = 보낼 목록에 추가했습니다(#{ $entry }). { "csba sync" } 또는 실행 중인 앱이 보냅니다.
cli-enrollment-state-not_enrolled = 가입 안 함
cli-enrollment-state-pending_identity_verification = 본인 확인 대기
cli-enrollment-state-pending_activation = 시작 대기
cli-enrollment-state-active = 사용 중
cli-enrollment-state-paused = 일시 중지
cli-enrollment-state-lapsed = 만료(다시 가입 필요)
