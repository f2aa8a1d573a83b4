# CSBA 규칙: 마켓플레이스, 공휴일, 기한, 가입, 수수료.

## 마켓플레이스 데이터
marketplace-data-unknown = 알 수 없는 마켓플레이스 ‘{ $value }’입니다. JP 또는 US를 입력하세요.
marketplace-data-error-unknown-marketplace = 알 수 없는 마켓플레이스입니다. JP 또는 US를 입력하세요.
marketplace-data-error-data-invalid = CSBA Desk에 내장된 마켓플레이스 규칙이 손상되었습니다. 앱을 다시 설치하세요.
marketplace-data-error-no-rules-in-force = 해당 날짜에 이 마켓플레이스에 적용되는 CSBA 규칙이 없습니다.
marketplace-data-channel-email = 이메일
marketplace-data-channel-phone = 전화
marketplace-data-channel-chat = 채팅
marketplace-data-channel-sms = 문자 메시지

## 공휴일
holiday-error-holiday-year-out-of-range = 해당 연도의 공휴일 정보가 아직 없어 영업일을 계산할 수 없습니다.
holiday-new-years-day = 새해 첫날
holiday-coming-of-age-day = 성년의 날
holiday-national-foundation-day = 건국기념일
holiday-emperors-birthday = 일왕 탄생일
holiday-vernal-equinox-day = 춘분의 날
holiday-showa-day = 쇼와의 날
holiday-constitution-memorial-day = 헌법기념일
holiday-greenery-day = 녹색의 날
holiday-childrens-day = 어린이날
holiday-marine-day = 바다의 날
holiday-mountain-day = 산의 날
holiday-respect-for-the-aged-day = 경로의 날
holiday-autumnal-equinox-day = 추분의 날
holiday-sports-day = 스포츠의 날
holiday-culture-day = 문화의 날
holiday-labour-thanksgiving-day = 근로감사의 날
holiday-enthronement-day = 일왕 즉위일
holiday-enthronement-ceremony-day = 즉위 예식일
holiday-substitute-holiday = 대체 휴일
holiday-citizens-holiday = 국민의 휴일
holiday-martin-luther-king-jr-day = 마틴 루서 킹 주니어 기념일
holiday-washingtons-birthday = 워싱턴 탄생일(대통령의 날)
holiday-memorial-day = 현충일(메모리얼 데이)
holiday-juneteenth = 노예 해방 기념일(준틴스)
holiday-independence-day = 독립기념일
holiday-labor-day = 노동절
holiday-columbus-day = 콜럼버스의 날
holiday-veterans-day = 재향군인의 날
holiday-thanksgiving-day = 추수감사절
holiday-christmas-day = 크리스마스

## 기한
deadline-date = { $year }년 { $month }월 { $day }일 ({ $weekday ->
        [1] 월
        [2] 화
        [3] 수
        [4] 목
        [5] 금
        [6] 토
       *[7] 일
    })
deadline-refund-due = 환불 기한: { $date } { $time }({ $zone }). 반품이 도착한 후 두 번째 영업일이 끝날 때까지입니다. 기한이 지나면 아마존이 셀러를 대신해 구매자에게 환불할 수 있습니다.
deadline-case-respond-by = 답변 기한: { $date } { $time }(UTC). 케이스가 생성된 후 24시간이며, 주말과 공휴일도 포함됩니다.
deadline-error-timestamp = ‘{ $value }’은(는) 올바른 날짜와 시간이 아닙니다. { "RFC 3339" } 형식(예: { "2026-11-20T10:00:00+09:00" })으로 입력하세요.
deadline-error-ambiguous-local-time = 마켓플레이스 시간대 기준으로 이 날의 끝을 정할 수 없습니다.
deadline-alert-six-hours = 이 케이스의 답변 기한까지 6시간이 채 남지 않았습니다(남은 시간 { $time }).
deadline-alert-two-hours = 이 케이스의 답변 기한까지 2시간이 채 남지 않았습니다(남은 시간 { $time }).
deadline-alert-thirty-minutes = 이 케이스의 답변 기한까지 30분 이내입니다(남은 시간 { $time }).
deadline-alert-overdue = 이 케이스는 기한이 { $time } 지났습니다. 이제 CSBA가 자체 판단으로 처리합니다.

## 가입
enrollment-state-not-enrolled = 가입 안 함
enrollment-state-pending-identity-verification = 신원 확인 대기 중
enrollment-state-pending-activation = 곧 시작
enrollment-state-active = 이용 중
enrollment-state-paused = 일시 중지됨
enrollment-state-lapsed = 만료됨(다시 가입 필요)
enrollment-error-not-invited = 이 마켓플레이스의 CSBA는 초대를 받은 셀러만 이용할 수 있으며, 이 계정은 초대를 받지 않았습니다.
enrollment-error-already-enrolled = 이 계정은 이 마켓플레이스에서 이미 CSBA에 가입되어 있습니다.
enrollment-error-not-enrolled = 이 계정은 이 마켓플레이스에서 CSBA에 가입되어 있지 않습니다.
enrollment-error-not-active = CSBA가 이용 중이 아니므로 일시 중지할 수 없습니다.
enrollment-error-not-paused = CSBA가 일시 중지 상태가 아니므로 다시 시작할 수 없습니다.
enrollment-error-not-pending-verification = 이 가입은 신원 확인 대기 상태가 아닙니다.
enrollment-error-lapsed-reenroll-required = 가입 후 신원 확인까지 14일이 넘게 걸려 가입이 만료되었습니다. 다시 가입하세요.
enrollment-error-event-before-last-change = 이 작업의 일시가 가입 정보의 마지막 변경보다 이전입니다.
enrollment-requirement-professional-plan = 프로페셔널 판매 플랜
enrollment-requirement-good-standing = 양호한 상태의 계정
enrollment-requirement-identity-verified = 신원 확인 완료(CSBA는 확인 후에 시작됩니다)
enrollment-requirement-responsive-contact = CSBA 문의에 24시간 이내(주말 및 공휴일 포함)에 답변할 수 있는 연락처
enrollment-requirement-terms-accepted = CSBA 이용약관 동의
enrollment-requirement-invitation = 아마존의 초대
enrollment-activation-estimate = CSBA는 가입 후 약 { $hours }시간 뒤에 시작될 것으로 예상됩니다. 아마존은 ‘몇 시간 후’라고만 안내하므로 이 시간은 추정치입니다.

## 수수료
fees-summary = { $marketplace }: 상품당 문의율 { $cpu }%, { $tier }단계. 수수료: 상품당 { $fee } × { $units }개 = { $total }.
fees-summary-unreliable = { $marketplace }: { $units }개는 너무 적어 상품당 문의율({ $cpu }%)을 신뢰할 수 없으므로 고정 수수료가 적용됩니다: 상품당 { $fee } × { $units }개 = { $total }.
fees-in-trial = 이 날짜는 무료 체험 기간이므로 수수료가 부과되지 않습니다.
fees-amount-usd = { $amount }달러
fees-amount-jpy = { $amount }엔
fees-error-date = ‘{ $value }’은(는) 올바른 날짜가 아닙니다. { "YYYY-MM-DD" } 형식으로 입력하세요.
fees-error-fee-overflow = 숫자가 너무 커서 수수료를 계산할 수 없습니다.
