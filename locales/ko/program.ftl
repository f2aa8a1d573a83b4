# CSBA 프로그램 화면(스토어와 마켓플레이스마다 카드 하나), 수수료 계산, 사례 화면의 답장 언어와 답장 템플릿.

## 프로그램 화면
program-heading = CSBA 프로그램
program-subheading = 스토어와 마켓플레이스별 Amazon 고객 서비스(CSBA) 현황입니다. 어떤 주문이 대상인지, 남은 할 일과 수수료를 확인하세요.
program-list-label = 등록 현황
program-empty = 이 스토어와 마켓플레이스에는 아직 등록 정보가 없습니다. 다음 동기화 후에 표시됩니다.
program-card-title = { $store } · { $marketplace }
program-times-in = 시각은 { $zone } 기준

## 상태
program-state-not-enrolled = 등록 안 됨
program-state-pending-identity-verification = 본인 인증 대기 중
program-state-pending-activation = 곧 시작
program-state-active = 활성
program-state-paused = 일시 중지됨
program-state-lapsed = 만료됨

## 타임라인
program-timeline-label = 타임라인
program-event-enrolled = 등록
program-event-lapses = 본인 인증을 마치지 않으면 만료
program-event-activates = CSBA 응대 시작
program-event-active-since = 활성화된 시각
program-event-paused-since = 일시 중지된 시각
program-event-lapsed = 만료된 시각
program-activation-estimate = 등록 후 약 { $hours }시간 뒤입니다. Amazon은 “몇 시간”이라고만 안내하므로 이 시각은 추정치입니다.
program-activation-exact = 등록 후 { $hours }시간 뒤입니다.
program-lapse-left = 본인 인증 기한까지 { $days }일 { $hours }시간 남았습니다.
program-lapse-note = 그 전에 셀러 센트럴(Seller Central)에서 본인 인증을 마치세요. 14일이 지나면 등록이 만료되어 다시 등록해야 합니다.
program-periods-label = CSBA가 새 주문의 구매자를 응대한 기간
program-period = { $from } – { $until }
program-period-open = { $from } – 현재

## 대상 주문
program-coverage-not-enrolled = CSBA는 활성화된 뒤에 들어온 주문만 맡습니다. 그 전의 주문은 직접 응대해야 합니다.
program-coverage-pending = CSBA가 응대를 시작하기 전에 들어온 주문은 대상이 아닙니다. 그 구매자는 직접 응대해야 합니다.
program-coverage-active = CSBA가 활성화되기 전에 들어온 주문은 대상이 아닙니다. 그 구매자는 직접 응대해야 합니다.
program-coverage-paused = 일시 중지 중에는 새로 들어오는 판매자 배송 주문을 직접 응대해야 합니다. CSBA가 활성이었을 때 들어온 주문은 계속 대상입니다.

## 참여 조건
program-checklist-label = 참여 조건
program-requirement-professional-plan = 프로페셔널 판매 요금제
program-requirement-good-standing = 양호한 계정 상태
program-requirement-identity-verified = 본인 인증 완료
program-requirement-responsive-contact = 주말과 공휴일을 포함해 24시간 안에 CSBA에 답하는 담당자
program-requirement-terms-accepted = 최신 CSBA 약관 동의
program-requirement-invitation = Amazon의 초대
program-requirement-other = 조건 “{ $code }”
program-check-met = 완료
program-check-blocks = 미완료: 등록하기 전에 필요합니다
program-check-delays = 미완료: 등록은 할 수 있지만 완료해야 CSBA가 시작됩니다
program-check-by-enrolling = 등록할 때 동의합니다

## 등록, 일시 중지, 재개
program-terms-version = 약관 버전 { $version }
program-terms-accept = CSBA 약관(버전 { $version })을 읽었으며 동의합니다.
program-enroll = CSBA 등록
program-enrolling = 등록하는 중…
program-enroll-blocked = 위의 미완료 조건을 마친 뒤 등록하세요.
program-pause = CSBA 일시 중지
program-pause-title = { $marketplace }의 CSBA를 일시 중지할까요?
program-pause-body = 일시 중지가 확정된 때부터 새로 들어오는 판매자 배송 주문은 직접 응대해야 합니다. CSBA가 활성이었을 때 들어온 주문은 계속 대상입니다.
program-pause-confirm = 일시 중지
program-resume = CSBA 재개
program-resume-title = { $marketplace }의 CSBA를 재개할까요?
program-resume-body = CSBA는 시작 대기 시간(약 { $hours }시간)을 다시 거친 뒤 응대를 시작합니다. 그때까지 들어온 주문은 직접 응대해야 합니다.
program-resume-confirm = 재개
program-dialog-cancel = 취소
program-pending-queued = { $action }: 전송 대기 중입니다.
program-pending-sending = { $action }: 전송하는 중…
program-pending-failed = { $action } 요청이 거부되었습니다: { $problem }
program-pending-outbox = 보낼편지함 화면에서 다시 시도하거나 삭제하세요.

## 무료 체험과 수수료
program-trial-label = 무료 체험
program-trial-left = 무료 체험이 { $days }일 남았습니다({ $date }까지).
program-trial-period = 무료 체험: { $start } – { $end }
program-fee-label = 현재 수수료(최근 3개월 기준)
program-fee-none = 수수료는 CSBA가 활성화된 뒤에 계산됩니다.
program-fee-in-trial = 무료 체험 중에는 수수료가 없습니다.
program-fee-units = 배송 { $units }개, 구매자 문의 { $contacts }건
program-fee-cpu = 개당 문의율
program-fee-cpu-value = { $cpu }%
program-fee-tier = 등급
program-fee-tier-value = { $tier }등급
program-fee-tier-flat = 정액: 수량이 적어 문의율을 믿을 수 없습니다
program-fee-per-unit = 개당 수수료
program-fee-total = 합계

## 수수료 계산
fee-whatif-label = 수수료 계산해 보기
fee-whatif-intro = 3개월 동안의 배송 수량과 구매자 문의 건수를 입력하면 현재 요금표로 수수료를 계산합니다.
fee-whatif-units = 배송 수량
fee-whatif-contacts = 구매자 문의 건수
fee-whatif-submit = 수수료 계산
fee-whatif-working = 계산하는 중…
fee-whatif-whole-number = 0 이상의 정수를 입력하세요.

## 답장 언어와 템플릿(사례 화면)
reply-lang-label = 답장 언어
reply-lang-queued = { $language } 답장을 보낼편지함에 추가했습니다. 서비스에 연결되면 바로 전송됩니다.
template-menu = 템플릿
template-menu-label = { $language } 답장 템플릿
template-none = 아직 { $language } 템플릿이 없습니다. 답장을 쓴 뒤 템플릿으로 저장하세요.
template-delete = 삭제
template-delete-label = 템플릿 “{ $name }” 삭제
template-save = 템플릿으로 저장
template-name-label = 템플릿 이름
template-save-confirm = 템플릿 저장
template-cancel = 취소
template-saved = { $language } 템플릿 “{ $name }”을(를) 저장했습니다.
template-deleted = 템플릿 “{ $name }”을(를) 삭제했습니다.
template-inserted = 템플릿 “{ $name }”을(를) 넣었습니다.
