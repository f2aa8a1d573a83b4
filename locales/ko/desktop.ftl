# 데스크톱 앱의 Rust 쪽이 직접 표시하는 문구입니다.
desk-window-title = CSBA Desk
# 마감 알림의 동작 버튼입니다.
notification-open = 열기
notification-test-title = CSBA Desk 테스트 알림
notification-test-body = 마감 알림은 이렇게 표시됩니다.
