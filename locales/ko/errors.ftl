# 오류는 코드로 화면에 전달되며, 메시지 ID는 `error-<코드>`입니다.
error-replica-unavailable = 이 컴퓨터에 저장된 데이터를 읽을 수 없습니다. CSBA Desk를 다시 시작해 주세요. 문제가 계속되면 디스크 여유 공간을 확인해 주세요.
error-replica-too-new = 이 데이터는 더 최신 버전의 CSBA Desk에서 저장되었습니다. 앱을 업데이트해 주세요.
error-token-missing = { $url }에 대한 API 토큰이 저장되어 있지 않습니다. “{ "csba account add" }” 명령으로 추가해 주세요.
error-keychain-unavailable = 시스템 키체인이 잠겨 있거나 사용할 수 없어 API 토큰을 읽을 수 없습니다. 키체인 잠금을 해제한 뒤 다시 시도해 주세요.
error-unknown-locale = “{ $locale }”은(는) CSBA Desk에서 지원하지 않는 언어입니다.
error-sandbox-failed = 내장 데모 서비스를 시작하지 못했습니다.
error-service-unreachable = CSBA 서비스에 연결할 수 없습니다. 지금은 오프라인 상태이며, 연결이 복구되면 자동으로 동기화됩니다.
error-sync-refused = CSBA 서비스가 동기화를 거부했습니다. 계정과 API 토큰을 확인해 주세요.
