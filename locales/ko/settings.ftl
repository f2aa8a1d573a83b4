# 설정 화면과 창 안의 알림(ui/src/settings, ui/src/alerts). 트레이와 알림 자체의 문구는 Rust 쪽 alerts.ftl에 있습니다.

settings-heading = 설정
settings-subheading = 기한 전에 CSBA Desk가 언제 알릴지, 이 컴퓨터에서 어떻게 동작할지 정합니다.

## 기한 알림

settings-deadlines-heading = 기한 알림
settings-deadlines-intro = 기한 종류마다 얼마나 전에 알릴지 고르세요. 알림은 기한마다 시점별로 한 번만 오며, 앱을 다시 시작해도 반복되지 않습니다. 컴퓨터가 절전 상태인 동안 여러 시점이 지나면 가장 급한 것 하나로 한 번만 알립니다.
settings-kind-case-reply = 케이스 24시간 내 답변
settings-kind-case-reply-hint = 케이스에 24시간 안에 답하지 않으면 CSBA가 판매자의 답변 없이 처리합니다.
settings-kind-refund = 반품 도착 후 환불
settings-kind-refund-hint = 반품이 도착하면 마켓플레이스가 정한 영업일 안에 구매자에게 환불하세요.
settings-kind-service-question = CSBA 팀에 보낸 문의
settings-kind-service-question-hint = CSBA 팀은 48시간 안에 답해야 합니다. 답이 없는 채로 그 시간이 지나면 CSBA Desk가 알려 드립니다.
settings-kind-identity-verification = JP 본인 인증
settings-kind-identity-verification-hint = JP 등록은 14일 안에 본인 인증을 마치지 않으면 만료됩니다.
settings-kind-feedback-removal = 피드백 삭제 요청 기한
settings-kind-feedback-removal-hint = 부정적 피드백은 작성 후 90일 안에 삭제를 요청할 수 있습니다. 이 알림은 그 마지막 며칠을 알려 드립니다.
settings-kind-tracking = 발송 기한까지 운송장 번호
settings-kind-tracking-hint = 주문의 발송 기한 전에 운송장 번호로 발송을 확인하세요.
settings-unit-hours = 시간
settings-unit-minutes = 분
settings-threshold-label = 알림 { $number }: { $when }
settings-threshold-hours-label = 기한 몇 시간 전(알림 { $number })
settings-threshold-minutes-label = 기한 몇 분 전(알림 { $number })
settings-threshold-before = { $duration } 전
settings-threshold-when-passes = 기한이 지났을 때
settings-threshold-unreadable = 정수로 입력하세요
settings-threshold-not-a-number = 시간과 분은 정수로 입력하세요(예: 2와 30).
settings-threshold-remove = 알림 삭제({ $when })
settings-add-threshold = 알림 추가
settings-add-when-passes = 기한이 지나면 알림
settings-reset-kind = 기본값으로 되돌리기
settings-defaults-are = 기본값: { $list }
settings-list-none = 없음
settings-no-thresholds = 이 기한은 알리지 않습니다.
settings-section-unsaved = 저장 안 됨
settings-duration-days = { $days }일
settings-duration-hours = { $hours }시간
settings-duration-minutes = { $minutes }분
settings-duration-hours-minutes = { $hours }시간 { $minutes }분

## 방해 금지 시간

settings-quiet-heading = 방해 금지 시간
settings-quiet-intro = 방해 금지 시간에는 알림을 미뤄 두었다가, 시간이 끝나면 그동안 생긴 것을 알려 드립니다.
settings-quiet-enabled = 방해 금지 시간에는 알림 보류
settings-quiet-start = 시작
settings-quiet-end = 종료
settings-quiet-next-day = 다음 날
settings-quiet-zone = 이 컴퓨터의 시계({ $zone }) 기준입니다.
settings-quiet-due-inside = 방해 금지 시간 중에 기한이 되는 것은 그래도 알림
settings-quiet-time-missing = 시간을 입력하세요(예: 22:00).

## 알림 일시 중지

settings-pause-heading = 알림 일시 중지
settings-pause-intro = 회의 중이거나 쉬는 저녁에 쓰세요. 바로 적용되며, 중지된 동안 기한이 다가온 것은 알림을 다시 받을 때 알려 드립니다.
settings-not-paused = 알림이 켜져 있습니다.
settings-paused-until = { $time }까지 알림이 일시 중지되었습니다.
settings-snooze-hour = 1시간 중지
settings-snooze-morning = 내일 아침까지 중지
settings-snooze-off = 알림 다시 받기

## 창과 시작

settings-window-heading = 창과 시작
settings-tray-available = 시스템 트레이에 CSBA Desk 아이콘이 있어 기한이 다가온 항목을 보여 줍니다.
settings-close-to-tray = 창을 닫아도 CSBA Desk를 트레이에서 계속 실행
settings-close-to-tray-hint = 창을 닫아도 알림은 계속 옵니다. 끝내려면 트레이 메뉴에서 ‘종료’를 고르세요.
settings-autostart = 이 컴퓨터에 로그인하면 CSBA Desk 시작
settings-autostart-unavailable = 이 시스템에는 로그인할 때 앱을 시작하는 방법이 없습니다.
settings-applies-at-once = 바로 적용됩니다.

## 언어

settings-language-heading = 언어
settings-language-label = CSBA Desk 표시 언어
settings-language-hint = 창, 알림, 트레이 메뉴에 쓰입니다. 바로 적용됩니다.

## 데스크톱 알림

settings-notifications-heading = 데스크톱 알림
settings-notifications-available = CSBA Desk의 데스크톱 알림이 켜져 있습니다.
settings-test-notification = 테스트 알림 보내기
settings-test-sending = 보내는 중…
settings-test-delivered = 보냈습니다. 보이지 않으면 시스템의 알림 설정을 확인하세요.
settings-test-failed = 테스트 알림이 도착하지 않았습니다. { $reason }
settings-unavailable-unknown = 이 데스크톱에서는 쓸 수 없습니다.
desktop-no-tray-host = 이 데스크톱에는 시스템 트레이가 없습니다. 대신 CSBA Desk 창을 열어 두세요(최소화해도 됩니다). 창 제목에 기한이 다가온 항목 수가 표시됩니다.
desktop-no-notification-daemon = 이 데스크톱에는 알림 서비스가 없습니다. 알림은 CSBA Desk 창 위쪽에 표시되며, 닫을 때까지 남아 있습니다.
desktop-notifications-denied = 시스템 설정에서 CSBA Desk 알림이 꺼져 있습니다. 그곳에서 켜 주세요. 그때까지 알림은 창 안에만 표시됩니다.

## 업데이트

settings-updates-heading = 업데이트
settings-updates-intro = CSBA Desk는 6시간마다 새 버전이 있는지 자동으로 확인합니다. 서명이 CSBA Desk의 서명 키와 일치하는 업데이트만 설치됩니다.
settings-updates-version = 현재 버전
settings-updates-last-check = 마지막 확인
settings-updates-never-checked = 아직 확인하지 않음
settings-updates-idle = CSBA Desk를 시작한 후 아직 확인하지 않았습니다.
settings-updates-checking = 새 버전을 확인하는 중…
settings-updates-up-to-date = CSBA Desk가 최신 버전입니다.
settings-updates-available = { $version } 버전을 사용할 수 있습니다.
settings-updates-downloading = { $version } 버전을 다운로드하는 중…
settings-updates-downloading-percent = { $version } 버전을 다운로드하는 중… { $percent }%
settings-updates-installing = { $version } 버전을 설치하는 중입니다. 완료되면 CSBA Desk가 다시 시작됩니다.
settings-updates-not-installed = { $version } 버전이 설치되지 않았습니다.
settings-updates-check-failed = 새 버전을 확인하지 못했습니다.
settings-updates-notes = 새로운 기능 및 변경 사항
settings-updates-check = 업데이트 확인
settings-updates-install = 설치 후 다시 시작

## 저장

settings-save = 저장
settings-saving = 저장하는 중…
settings-saved = 저장했습니다.
settings-all-saved = 저장하지 않은 변경 사항이 없습니다.
settings-unsaved = 저장하지 않은 변경 사항이 있습니다
settings-not-saved = 저장하지 못했습니다. 표시된 항목을 고치세요.
settings-discard = 변경 취소

## 창 안의 알림(데스크톱이 알림을 표시하지 못할 때)

desk-alert-dismiss = 닫기
desk-alert-open = 열기
desk-alert-open-case = 주문 { $id }의 케이스 열기
desk-alert-open-order = 주문 { $id } 열기
desk-alert-open-returns = 반품 { $id } 열기
desk-alert-open-questions = 주문 { $id }의 문의 열기
desk-alert-open-enrollment = CSBA 프로그램 열기
desk-alert-open-feedback = 주문 { $id }의 피드백 열기
