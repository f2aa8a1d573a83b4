# CSBA Desk — 화면 문구(한국어).
# Rust 쪽과 함께 쓰므로 메시지 ID와 { $변수 }는 en, zh-CN, ja, ko에서 같아야 합니다.

## 브랜드와 내비게이션

app-title = CSBA Desk
nav-inbox = 받은편지함
loading = 불러오는 중…
action-retry = 다시 시도
nav-label = 주 메뉴
nav-queue = 보낼편지함
nav-accounts = 계정
queue-badge-waiting = 전송 대기 { $count }건
queue-badge-failed = 처리되지 않은 작업 { $count }건(확인 필요)

## 받은편지함

inbox-heading = 처리할 케이스
inbox-subheading = CSBA에는 주말과 공휴일을 포함해 24시간 이내에 답변해야 합니다.
inbox-empty-title = 처리할 케이스가 없습니다
inbox-empty-body = CSBA가 확인을 요청하면 여기에 케이스가 표시됩니다.
inbox-list-label = 케이스 목록(긴급한 순)

summary-overdue = 기한 초과 { $count }건
summary-due-soon = 3시간 이내 마감 { $count }건
summary-open = 미처리 { $count }건

## 케이스 유형

kind-product-question = 상품 문의
kind-return = 반품
kind-delivery = 배송
kind-refund = 환불
kind-order-change = 주문 변경

## 케이스 상태

status-open = 답변 대기
status-answered = 답변 완료
status-resolved-by-csba = CSBA가 처리함

## 마켓플레이스

marketplace-jp = Amazon.co.jp
marketplace-jp-country = 일본
marketplace-us = Amazon.com
marketplace-us-country = 미국

## 케이스 행

order-label = 주문 번호
case-reply-language = 답변 언어: { $language }
countdown-left = { $time } 남음
countdown-overdue = 기한 초과 { $time }
due-at = 마감: { $time }
row-draft = 임시 저장
row-pending-replies = 전송 대기 중인 답변 { $count }건

## 케이스 화면

back-to-inbox = 받은편지함으로 돌아가기
back-to-queue = 보낼편지함으로 돌아가기
conversation-label = CSBA와의 대화
message-author-csba = CSBA
message-author-seller = 나
message-late = 기한 이후 전송됨
case-replies-heading = 보낼편지함의 답변
case-reply-see-outbox = 보낼편지함에서 다시 시도하거나 삭제할 수 있습니다.
case-changed-title = 답변을 작성하는 동안 케이스가 변경되었습니다
case-changed-body = CSBA가 새 메시지를 보냈습니다. 답변을 보내기 전에 대화를 다시 확인해 주세요.
case-changed-resolved = CSBA가 이 케이스를 처리했습니다. 대화를 다시 확인해 주세요. 이제 이 케이스에는 답변할 수 없습니다.
case-changed-ack = 확인했습니다

## 답변 입력란

reply-label = 답변
reply-placeholder = CSBA에 보낼 답변을 입력해 주세요. 입력한 내용은 자동으로 저장됩니다.
reply-send = 보내기
reply-sending = 보내는 중…
reply-queued = 답변을 보낼편지함에 추가했습니다. 서비스에 연결되는 대로 전송됩니다.
reply-closed-resolved = 기한이 지나 CSBA가 이 케이스를 처리했으므로 더 이상 답변할 수 없습니다. 아래 내용은 복사할 수 있도록 남겨 두었습니다.
draft-saving = 저장 중…
draft-saved = 임시 저장됨 { $time }

## 보낼편지함

queue-heading = 보낼편지함
queue-subheading = 보낸 작업은 CSBA 서비스가 받을 때까지 보낸 순서대로 여기에서 기다립니다.
queue-list-label = 작업 목록(최신순)
queue-empty-title = 보낼 항목이 없습니다
queue-empty-body = 답변과 그 밖의 작업은 서비스가 받을 때까지 여기에 표시됩니다.
queue-subject-case = 케이스 { $id }
queue-created-at = 추가: { $time }
queue-sent-at = 전송: { $time }
queue-next-attempt = { $count }회 시도, 다음 시도: { $time }
queue-service-detail = 서비스 응답: { $detail }
queue-retry = 다시 시도
queue-discard = 삭제
queue-discard-question = 이 작업을 삭제하시겠습니까? 삭제하면 전송되지 않습니다.
queue-discard-confirm = 삭제
queue-discard-cancel = 유지

queue-state-queued = 전송 대기
queue-state-sending = 전송 중
queue-state-sent = 전송 완료
queue-state-failed = 실패

action-kind-enroll = CSBA 등록
action-kind-pause-enrollment = CSBA 일시 중지
action-kind-resume-enrollment = CSBA 재개
action-kind-tracking-upload = 송장 번호 업로드
action-kind-return-policy = 반품 정책
action-kind-case-reply = 케이스 답변
action-kind-removal-request = 피드백 삭제 요청
action-kind-service-question = CSBA 문의

## 동기화와 서비스

sync-online = 온라인
sync-offline = 오프라인
sync-syncing = 동기화 중…
sync-last = 마지막 동기화: { $time }
sync-never = 아직 동기화되지 않음
sync-now = 지금 동기화
time-just-now = 방금
offline-title = 오프라인 상태입니다
offline-body = 평소처럼 작업을 계속하실 수 있습니다. 임시 저장한 글과 답변은 이 컴퓨터에 보관되며, 연결이 복구되면 자동으로 전송됩니다.
offline-waiting = 전송을 기다리는 작업이 { $count }건 있습니다.
service-sandbox = 샌드박스 · 데모 데이터
service-remote = 실제 계정

## 계정

accounts-heading = 계정
accounts-subheading = 이 앱이 CSBA와 동기화하는 스토어입니다. 스토어마다 서비스 연결과 API 토큰이 따로 있습니다.
accounts-list-label = 이 컴퓨터의 계정
account-seller-id = 셀러 ID
account-service = 서비스
account-service-demo = 내장 데모(샘플 데이터)
account-marketplaces = 마켓플레이스
account-unsent = 보내지 않은 작업 { $count }건
account-demo-note = 앱을 체험해 볼 수 있는 샘플 데이터입니다. 내 스토어를 추가하면 사라집니다.
account-remove = 삭제
account-remove-question = 이 컴퓨터에서 { $name } 계정을 삭제할까요? 이 컴퓨터의 케이스와 임시 저장한 글, 키체인의 API 토큰이 삭제됩니다. 나중에 다시 추가할 수 있습니다.
account-remove-question-unsent = { $name } 계정을 삭제할까요? 아직 보내지 않은 작업 { $count }건은 전송되지 않고 사라집니다. 이 컴퓨터의 케이스와 임시 저장한 글, 키체인의 API 토큰도 삭제됩니다.
account-remove-confirm = 삭제
account-remove-confirm-unsent = 그래도 삭제
account-remove-cancel = 유지
account-add-heading = 스토어 추가
account-add-intro = CSBA 서비스 주소와 스토어의 API 토큰을 입력해 주세요. 추가하기 전에 CSBA Desk가 서비스에 확인합니다.
account-url-label = 서비스 URL
account-token-label = API 토큰
account-token-keychain = 토큰은 시스템 키체인에만 보관되며 CSBA Desk 파일에는 저장되지 않습니다.
account-add = 스토어 추가
account-adding = 확인 중…
account-added = { $name }({ $seller }) 계정을 추가했습니다.
account-added-replaced-demo = { $name }({ $seller }) 계정을 추가했습니다. 데모 계정과 샘플 데이터는 삭제되었으며, 이제 받은편지함에는 실제 케이스만 표시됩니다.

## 설정

language-label = 언어

## 오류

error-unknown = 문제가 발생했습니다. 잠시 후 다시 시도해 주세요.

## 탐색

skip-to-content = 본문으로 건너뛰기
nav-cases = 케이스
nav-orders = 주문 및 배송 추적
nav-enrollment = CSBA 프로그램
nav-collapse = 메뉴 접기
nav-expand = 메뉴 펼치기
badge-cases-due = 답변이 필요한 케이스 { $count }건
badge-orders-without-tracking = 운송장 번호가 없는 주문 { $count }건
nav-returns = 반품 정책
nav-feedback = 구매자 피드백
nav-questions = CSBA 팀 문의
nav-performance = CSBA 효과
nav-settings = 설정
badge-removable-feedback = 삭제를 요청할 수 있는 부정적 피드백 { $count }건
badge-questions-awaiting = CSBA 팀의 답변을 기다리는 문의 { $count }건
back-to-case = 케이스로 돌아가기
back-to-order = 주문으로 돌아가기
back-to-screen = { $name } 화면으로 돌아가기
filter-label = 스토어 및 마켓플레이스
filter-store = 스토어
filter-store-all = 모든 스토어
filter-marketplace = 마켓플레이스
filter-marketplace-all = 모든 마켓플레이스
filter-show-all = 모든 케이스 보기
inbox-empty-filtered-title = 이 스토어 또는 마켓플레이스에는 케이스가 없습니다
inbox-empty-filtered-body = 다른 스토어나 마켓플레이스에는 케이스가 있습니다. 위의 필터를 바꾸면 볼 수 있습니다.
