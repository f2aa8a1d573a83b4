# 데스크톱 앱의 Rust 쪽이 직접 표시하는 문구입니다.
desk-window-title = CSBA Desk
