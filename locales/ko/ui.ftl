# CSBA Desk — 화면 문구(한국어).
# Rust 쪽과 함께 쓰므로 메시지 ID와 { $변수 }는 en, zh-CN, ja, ko에서 같아야 합니다.

## 브랜드와 내비게이션

app-title = CSBA Desk
nav-inbox = 받은편지함
loading = 불러오는 중…
action-retry = 다시 시도

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

## 동기화와 서비스

sync-online = 온라인
sync-offline = 오프라인
sync-syncing = 동기화 중…
sync-last = 마지막 동기화: { $time }
sync-never = 아직 동기화되지 않음
service-sandbox = 샌드박스 · 데모 데이터
service-remote = 실제 계정

## 설정

language-label = 언어

## 오류

error-unknown = 문제가 발생했습니다. 잠시 후 다시 시도해 주세요.
