# 효과 화면(ui/src/performance): CSBA는 효과가 있을까?

performance-heading = CSBA는 효과가 있을까?
performance-subheading = 스토어와 마켓플레이스별로 주간 지표를 보여 주고 CSBA가 맡기 시작한 날을 표시합니다. 그 후 무엇이 달라졌는지 확인하세요.
performance-empty = 이 스토어나 마켓플레이스의 주간 데이터가 아직 없습니다.
performance-panel-heading = { $store } · { $marketplace }
performance-activated = { $date }부터 CSBA 사용 중
performance-never-active = 이 마켓플레이스에서는 아직 CSBA를 사용한 적이 없습니다.
performance-paused = 일시 중지: { $from } – { $to }
performance-paused-since = { $from }부터 일시 중지
performance-activation-short = CSBA 시작
performance-paused-short = 일시 중지
performance-odr-limit = 계정 상태 기준: { $percent } 미만
performance-tracking-target = 계정 상태 목표: { $percent } 이상
performance-chart-label = { $metric }(주별), 가장 최근 완료된 주: { $value }
performance-week-of = 주 시작일
performance-no-weeks = 아직 기록된 주가 없습니다.
performance-no-comparison = CSBA 전후를 비교하기에는 아직 주 수가 부족합니다.
performance-comparison-heading = CSBA 도입 전후 비교
performance-col-metric = 지표
performance-col-before = 도입 전({ $from } – { $to })
performance-col-after = 최근 13주({ $from } – { $to })
performance-col-change = 변화
performance-better = 개선
performance-worse = 악화

## 지표

performance-metric-response-hours = 구매자 응답 시간
performance-metric-response-seconds = 구매자 응답 시간
performance-metric-a-to-z-claim-rate = A-to-z 보증 클레임 비율
performance-metric-negative-feedback-rate = 부정적 피드백 비율
performance-metric-order-defect-rate = 주문 결함률
performance-metric-valid-tracking-rate = 유효 추적률
performance-metric-contacts-per-unit = 출고 상품 1개당 문의 수
performance-metric-fee-minor = 해당 주의 CSBA 수수료
performance-metric-fee = CSBA 수수료
