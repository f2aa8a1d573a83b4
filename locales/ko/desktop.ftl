# 데스크톱 앱의 Rust 쪽이 직접 표시하는 문구입니다.
desk-window-title = CSBA Desk
# 마감 알림의 동작 버튼입니다.
notification-open = 열기
