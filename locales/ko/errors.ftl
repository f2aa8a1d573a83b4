# 오류는 코드로 화면에 전달되며, 메시지 ID는 `error-<코드>`입니다.
error-replica-unavailable = 이 컴퓨터에 저장된 데이터를 읽을 수 없습니다. CSBA Desk를 다시 시작해 주세요. 문제가 계속되면 디스크 여유 공간을 확인해 주세요.
error-replica-too-new = 이 데이터는 더 최신 버전의 CSBA Desk에서 저장되었습니다. 앱을 업데이트해 주세요.
error-token-missing = { $account }에 대한 API 토큰이 저장되어 있지 않습니다. ‘계정’ 화면(또는 “{ "csba account add" }” 명령)에서 스토어를 다시 추가해 주세요.
error-keychain-unavailable = 시스템 키체인이 잠겨 있거나 사용할 수 없어 API 토큰을 읽을 수 없습니다. 키체인 잠금을 해제한 뒤 다시 시도해 주세요.
error-unknown-locale = “{ $locale }”은(는) CSBA Desk에서 지원하지 않는 언어입니다.
error-sandbox-failed = 내장 데모 서비스를 시작하지 못했습니다.
error-autostart-failed = 이 데스크톱에서는 로그인 시 자동 실행 설정을 바꾸지 못했습니다.
error-service-unreachable = CSBA 서비스에 연결할 수 없습니다. 지금은 오프라인 상태이며, 연결이 복구되면 자동으로 동기화됩니다.
error-sync-refused = CSBA 서비스가 동기화를 거부했습니다. 계정과 API 토큰을 확인해 주세요.

## 답변과 보낼편지함(앱 자체 확인)

error-reply-empty = 답변이 비어 있습니다. 내용을 입력한 뒤 보내 주세요.
error-case-resolved = CSBA가 이미 이 케이스를 처리했으므로 더 이상 답변을 받지 않습니다. 케이스를 열어 처리 결과를 확인해 주세요. 작성한 내용이 필요하면 따로 복사해 주세요.
error-case-not-found = 이 컴퓨터에 케이스 { $case }이(가) 없습니다. 다음 동기화를 기다리거나 케이스 번호를 확인해 주세요.
error-action-not-failed = 이 작업은 더 이상 거부된 상태가 아닙니다(전송 대기, 전송 중 또는 전송 완료). 따로 하실 일은 없으며, 보낼편지함이 곧 갱신됩니다.
error-token-rejected = CSBA 서비스가 이 계정의 API 토큰을 받아들이지 않았습니다. ‘계정’ 화면(또는 “{ "csba account add" }” 명령)에서 새 토큰으로 스토어를 다시 추가해 주세요.

## 계정 추가와 삭제(앱 자체 확인)

error-account-url-invalid = 서비스 주소가 아닙니다. { "https://" }(또는 { "http://" })로 시작하는 CSBA 서비스 URL 전체를 입력해 주세요.
error-token-empty = 스토어의 API 토큰을 입력해 주세요.
error-token-malformed = API 토큰 형식이 아닙니다. 공백이나 줄바꿈 없이 토큰 전체를 다시 복사해 주세요.
error-not-csba-service = 이 주소에서 응답은 왔지만 CSBA 서비스가 아닙니다. URL을 확인해 주세요.
error-service-failed = 토큰을 확인하는 중에 CSBA 서비스에 문제가 발생했습니다. 몇 분 뒤에 다시 시도해 주세요.
error-account-has-unsent = 이 계정에는 아직 보내지 않은 작업이 { $count }건 있습니다. 계정을 삭제하면 이 작업은 사라집니다.
error-account-unknown = 이 계정은 더 이상 이 컴퓨터에 없습니다. 목록이 곧 갱신됩니다.

## CSBA 서비스가 작업을 거부한 이유(서비스 오류 코드)

error-unauthorized = 서비스가 이 계정의 API 토큰을 받아들이지 않았습니다. “{ "csba account add" }” 명령으로 새 토큰을 추가한 뒤 다시 시도해 주세요.
error-not-found = 서비스에서 이 작업의 대상을 찾을 수 없습니다. 삭제되었을 수 있습니다. 셀러 센트럴에서 확인한 뒤 이 작업을 삭제해 주세요.
error-invalid-request = 서비스가 이 요청에서 잘못된 부분을 발견했습니다. 서비스가 알려 준 세부 내용을 확인하고 수정한 뒤 다시 보내 주세요.
error-invalid-cursor = 서비스가 이 컴퓨터의 동기화 위치를 인식하지 못했습니다. ‘지금 동기화’를 눌러 주세요. 문제가 계속되면 CSBA Desk를 다시 시작해 주세요.
error-cursor-expired = 서비스가 기록을 보관하는 기간보다 오래 오프라인 상태였습니다. CSBA Desk가 케이스를 다시 내려받으며, 임시 저장한 글과 보내지 않은 답변은 그대로 유지됩니다.
error-payload-too-large = 이 요청은 서비스가 처리할 수 있는 크기를 넘었습니다. 더 작게 나누어(예: 한 번에 올리는 행 수를 줄여) 다시 보내 주세요.
error-unsupported-media-type = 서비스가 이 요청의 형식을 읽지 못했습니다. CSBA Desk를 업데이트한 뒤 다시 시도해 주세요.
error-internal = CSBA 서비스에 내부 문제가 발생했습니다. 몇 분 뒤에 다시 시도해 주세요.
error-idempotency-key-missing = 중복 방지 키가 없어 서비스가 이 요청을 처리하지 않았습니다. CSBA Desk를 업데이트한 뒤 다시 시도해 주세요.
error-idempotency-key-reused = 이 작업의 키로 내용이 다른 요청이 이미 접수되어 서비스가 이번 요청을 거부했습니다. 셀러 센트럴에서 작업이 완료되었는지 확인하고, 완료되지 않았다면 다시 시도해 주세요(다시 시도하면 새 키를 사용합니다).
error-idempotency-key-in-flight = 서비스가 이 요청의 첫 번째 전송을 아직 처리하고 있습니다. 잠시 기다려 주세요. 자동으로 다시 시도합니다.
error-enrollment-conflict = 현재 CSBA 등록 상태에서는 이렇게 변경할 수 없습니다(예: 이미 활성화되었거나 이미 일시 중지됨). 현재 상태를 확인한 뒤 다시 시도하거나 이 작업을 삭제해 주세요.
error-enrollment-ineligible = 이 계정은 이 마켓플레이스에서 CSBA를 이용하기 위한 요건을 아직 모두 충족하지 못했습니다. 셀러 센트럴에서 요건을 갖춘 뒤 다시 시도해 주세요.
error-shipment-rejected = 서비스가 송장 번호 업로드 전체를 거부하여 어떤 행도 반영되지 않았습니다. 지적된 행을 수정한 뒤 파일을 다시 올려 주세요.
error-return-policy-rejected = 이 반품 정책은 마켓플레이스 규칙에 맞지 않아 접수되지 않았습니다. 지적된 위반 사항을 모두 수정한 뒤 다시 제출해 주세요.
error-removal-not-allowed = 이 피드백은 삭제 요청 대상이 아닙니다(90일이 지났거나 사유가 해당하지 않는 경우 등). 이 요청은 삭제해 주세요.
error-removal-already-requested = 이 피드백에 대한 삭제 요청이 이미 접수되어 있습니다. 기존 요청의 결과를 기다려 주시고, 이 요청은 삭제해 주세요.
error-reply-too-long = 이 글은 { $count }자입니다. CSBA는 최대 { $max }자까지 받습니다. 줄인 뒤 보내 주세요.
error-reply-language-invalid = 이 마켓플레이스의 CSBA는 “{ $language }” 답변을 받지 않습니다. 다음 중에서 골라 주세요: { $allowed }.
error-template-name-empty = 템플릿 이름을 입력해 주세요.
error-template-empty = 템플릿 내용을 입력해 주세요.
error-template-not-found = 이 템플릿은 더 이상 없습니다. 다른 창에서 삭제되었을 수 있습니다.
error-order-not-found = 이 컴퓨터에 주문 { $order }이(가) 없습니다. 다음 동기화를 기다리거나 주문 번호를 확인해 주세요.
error-order-not-shippable = 주문 { $order }에는 지금 추적 번호를 등록할 수 없습니다(상태: { $status }).
error-tracking-invalid = 올바른 추적 번호가 아닙니다. 이유는 입력란 아래의 확인 결과를 봐 주세요.
error-carrier-unknown = 배송사를 선택해 주세요. 이 번호는 여러 배송사의 형식에 맞거나, 입력한 배송사는 CSBA Desk가 지원하지 않습니다.
error-ship-date-in-future = 발송일이 오늘(마켓플레이스 시간대 기준 { $today })보다 뒤입니다.
error-ship-date-invalid = 발송일을 올바른 날짜로 입력해 주세요.
error-ship-date-before-order = 발송일이 주문일({ $placed })보다 앞섭니다.
error-marketplace-unknown = CSBA Desk에 이 마켓플레이스의 규칙이 없습니다.
error-upload-unreadable = 파일 { $path }을(를) 읽을 수 없습니다. 파일이 있는지, 열 권한이 있는지 확인해 주세요.
error-upload-is-folder = { $path }은(는) 폴더입니다. 파일 하나를 선택하거나 끌어다 놓아 주세요.
error-upload-too-large = 이 파일은 { $size_mb }MB입니다. 한 번에 최대 { $max_mb }MB까지 올릴 수 있습니다. 더 작은 파일로 나눠 주세요.
error-upload-not-a-file = { $path }은(는) 일반 파일이 아닙니다. 이 컴퓨터에 저장된 파일을 선택하거나 끌어다 놓아 주세요.
error-upload-has-problems = 파일에 아직 문제가 { $count }건 있습니다. 고친 뒤 다시 확인해 주세요. 보낼 목록에는 아무것도 추가되지 않았습니다.
error-upload-not-found = 이 업로드는 더 이상 대기 중이 아닙니다. 파일을 다시 선택해 주세요.
error-enrollment-not-found = 이 스토어에는 아직 { $marketplace } CSBA 가입 기록이 없습니다. 다음 동기화를 기다려 주세요.
error-enrollment-not-allowed = 현재 상태에서는 CSBA를 이렇게 바꿀 수 없거나, 이미 변경이 처리 중입니다.
error-terms-not-accepted = 먼저 현재 CSBA 약관(버전 { $version })을 읽고 동의해 주세요.
error-fee-input-invalid = 정수로 입력해 주세요. 발송 수량과, 수량의 100배를 넘지 않는 문의 수입니다.
error-service-refused = 서비스가 이 작업을 거절했습니다(코드 { $code }). 셀러 센트럴에서 확인한 뒤 다시 시도하거나 삭제해 주세요.
error-policy-not-compliant = 이 반품 정책에는 아직 마켓플레이스 규칙에 맞지 않는 곳이 { $count }군데 있습니다. 각 항목에 표시된 지적 사항을 모두 고친 뒤 제출해 주세요.
error-policy-version-not-found = 이 반품 정책의 { $version }번째 버전이 이 컴퓨터에 없습니다. 다음 동기화를 기다려 주세요.
error-feedback-not-found = 이 컴퓨터에 피드백 { $feedback }이(가) 없습니다. 다음 동기화를 기다려 주세요.
error-ground-not-possible = 이 삭제 사유는 이 피드백에 해당하지 않습니다. 이 피드백에 표시된 사유 중에서 골라 주세요.
error-removal-not-possible = 이 피드백의 삭제를 요청할 수 있는 90일 기한이 지났습니다.
error-explanation-missing = 이 사유가 이 피드백에 해당하는 이유를 적어 주세요.
error-explanation-too-long = 설명이 { $count }자입니다. 최대 { $max }자까지 받습니다. 줄여 주세요.
error-question-missing = CSBA 팀에 보낼 질문을 입력해 주세요.
error-question-too-long = 질문이 { $count }자입니다. 최대 { $max }자까지 받습니다. 줄여 주세요.
error-text-too-long = 허용 길이를 넘는 글이어서 서비스가 받지 않았습니다. 줄인 뒤 다시 보내 주세요.
error-invalid-text = 보낼 수 없는 문자(제어 문자나 깨진 이모지 등, 다른 프로그램에서 붙여 넣을 때 자주 섞입니다)가 들어 있습니다. 지운 뒤 다시 보내 주세요.
error-unavailable = 서비스가 잠시 혼잡합니다. 내용은 사라지지 않았으며 곧 자동으로 다시 보냅니다.
error-request-timeout = 요청이 서비스에 너무 늦게 도착해 적용되지 않았습니다. 자동으로 다시 보냅니다.
error-rate-limited = 짧은 시간에 서비스로 보낸 요청이 너무 많았습니다. 내용은 사라지지 않았으며, 서비스가 요청한 시간만큼 기다린 뒤 자동으로 다시 보냅니다.

## 알림 설정(앱 자체 확인)
error-alert-threshold-out-of-range = 알림은 마감 { $max_days }일 전까지만 설정할 수 있습니다.
error-alert-threshold-repeated = 이미 목록에 있는 알림 시점입니다.
error-alert-too-many-thresholds = 알림 시점은 마감 종류마다 최대 { $max }개까지입니다.
error-quiet-minute-out-of-range = 00:00부터 23:59 사이의 시각을 입력해 주세요.
error-quiet-hours-empty = 방해 금지 시간의 종료 시각은 시작 시각과 달라야 합니다.
error-update-signature-invalid = 이 업데이트를 거부했습니다. 서명이 CSBA Desk의 서명 키와 일치하지 않아 정식 배포본이 아닐 수 있습니다. 아무것도 설치되지 않았습니다.
error-update-unreachable = 업데이트 서버에 연결할 수 없습니다. 인터넷 연결을 확인한 후 다시 시도해 주세요.
error-update-manifest-invalid = 업데이트 서버의 응답을 읽을 수 없거나 이 컴퓨터용 업데이트가 없습니다. 잠시 후 다시 시도해 주세요.
error-update-install-failed = 업데이트를 설치하지 못했습니다. CSBA Desk는 현재 버전으로 계속 실행됩니다.
error-update-not-available = 설치할 업데이트가 없습니다. 먼저 업데이트를 확인해 주세요.
