# Rust 쪽이 표시하는 마감 알림 문구: 데스크톱 알림, 트레이의 툴팁과 메뉴, 창 제목의 개수.

## 마감 대상(트레이 메뉴에 들어가도록 짧게)
alert-what-case-reply = 주문 { $label } 케이스
alert-what-refund = 환불 { $label }
alert-what-service-question = 문의 { $label }
alert-what-identity-verification = 본인 인증 { $label }
alert-what-feedback-removal = 피드백 { $label }
alert-what-tracking = 송장 번호 { $label }

## 마감 시각(마켓플레이스의 시간대)
alert-deadline-today = { $time }({ $zone })
alert-deadline-date = { $month }월 { $day }일 { $time }({ $zone })

## 알림 한 건
alert-title-left = { $what }: { $time } 남음
alert-title-due-now = { $what }: 지금 마감
alert-title-overdue = { $what }: 마감 후 { $time } 지남
alert-body-case-reply = { $deadline }까지 답변해 주세요. 기한이 지나면 CSBA가 답변을 기다리지 않고 결정합니다.
alert-body-case-reply-overdue = 답변 기한({ $deadline })이 지났습니다. CSBA가 답변을 기다리지 않고 결정합니다. 늦더라도 답변은 도움이 됩니다.
alert-body-refund = { $deadline }까지 구매자에게 환불해 주세요.
alert-body-refund-overdue = 환불 기한({ $deadline })이 지났습니다. 지금 바로 구매자에게 환불해 주세요.
alert-body-service-question = CSBA 팀은 { $deadline }까지 문의에 답변해야 합니다.
alert-body-service-question-overdue = CSBA 팀의 답변 기한({ $deadline })이 지났습니다. 다시 문의해 주세요.
alert-body-identity-verification = { $deadline }까지 셀러 센트럴에서 본인 인증을 마쳐 주세요. 기한이 지나면 CSBA 등록이 만료됩니다.
alert-body-identity-verification-overdue = CSBA 등록이 { $deadline }에 만료되었습니다. 다시 등록해 주세요.
alert-body-feedback-removal = 삭제 요청은 { $deadline }까지 할 수 있습니다. 기한이 지나면 이 피드백은 삭제할 수 없습니다.
alert-body-feedback-removal-overdue = 이 피드백의 삭제를 요청할 수 있는 기간이 { $deadline }에 끝났습니다.
alert-body-tracking = { $deadline }까지 송장 번호를 입력해 발송을 확정해 주세요.
alert-body-tracking-overdue = 발송 기한({ $deadline })이 지났습니다. 지금 바로 송장 번호를 입력해 발송을 확정해 주세요.

## 여러 건이 한꺼번에: 알림 한 건으로 묶음
alert-group-title = 처리해야 할 마감 { $count }건
alert-group-more = 외 { $count }건

## 목록의 한 줄(트레이 메뉴, 묶은 알림)
alert-upcoming-in = { $what } — { $time } 후 마감
alert-upcoming-now = { $what } — 지금 마감
alert-upcoming-overdue = { $what } — { $time } 지남

## 트레이 툴팁
tray-due-case-reply = 답변할 케이스 { $count }건
tray-due-refund = 처리할 환불 { $count }건
tray-due-service-question = 답변 없는 문의 { $count }건
tray-due-identity-verification = 본인 인증 마감 { $count }건
tray-due-feedback-removal = 삭제 요청 마감이 다가온 피드백 { $count }건
tray-due-tracking = 송장 번호 입력 대기 { $count }건
tray-due-mixed = 마감 임박 { $count }건
tray-overdue = 기한 초과 { $count }건
tray-overdue-and-due = 기한 초과 { $overdue }건, 마감 임박 { $due }건
tray-tooltip-next = { $counts } · 다음 마감까지 { $time }
tray-tooltip-calm-next = 마감 임박 항목 없음 · 다음 마감까지 { $time }

## 트레이 메뉴
tray-nothing-due = 마감 임박 항목 없음
tray-more-deadlines = 외 { $count }건…
tray-sync-now = 지금 동기화
tray-pause-menu = 알림 일시 중지
tray-pause-hour = 1시간 동안 알림 중지
tray-pause-morning = 내일 아침까지 알림 중지
tray-resume = 알림 다시 받기
tray-open = CSBA Desk 열기
tray-quit = 종료

## 처음 창을 닫을 때 한 번만
tray-close-hint-title = CSBA Desk가 계속 실행 중입니다
tray-close-hint-body = 창을 닫아도 CSBA Desk는 시스템 트레이에서 계속 실행되며 마감 알림도 계속 받을 수 있습니다. 종료하려면 트레이 메뉴를 사용하세요.

## 알림 일시 중지, 창 제목, 테스트 알림
alert-paused-until = { $time }까지 알림 중지됨
alerts-window-title-count = CSBA Desk ({ $count })
alert-test-title = CSBA Desk 알림이 정상적으로 표시됩니다
alert-test-body = 마감 알림은 이렇게 표시됩니다.

## 마감까지 남은 시간, 또는 지난 시간
duration-days = { $days }일
duration-days-hours = { $days }일 { $hours }시간
duration-hours = { $hours }시간
duration-hours-minutes = { $hours }시간 { $minutes }분
duration-minutes = { $minutes }분
duration-under-a-minute = 1분 미만

## csba alerts 명령
cli-alerts-would-tell = 지금 보낼 알림:
cli-alerts-nothing-to-tell = 지금 보낼 알림이 없습니다.
cli-alerts-held = 방해 금지 시간 또는 일시 중지 때문에 알림 { $count }건을 보류했습니다.
cli-alerts-deadlines = 마감 목록:
cli-alerts-no-deadlines = 마감이 있는 항목이 없습니다.
cli-alerts-zone-unknown = 시간대 “{ $zone }”을(를) 알 수 없습니다. { "Asia/Tokyo" }처럼 { "IANA" } 이름으로 지정해 주세요.
cli-alerts-at-invalid = “{ $at }”은(는) 날짜와 시각으로 읽을 수 없습니다. { "2026-12-02T09:00:00+09:00" }처럼 { "RFC 3339" } 형식으로 지정해 주세요.
