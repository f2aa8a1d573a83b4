# Errors reach the UI as a code; the message id is `error-<code>`.
error-replica-unavailable = The local data on this computer could not be read. Restart CSBA Desk; if this keeps happening, check the free disk space.
error-replica-too-new = This data was saved by a newer version of CSBA Desk. Please update the app.
error-token-missing = No API token is saved for { $url }. Add one with “{ "csba account add" }”.
error-keychain-unavailable = The system keychain is locked or unavailable, so your API token cannot be read. Unlock the keychain and try again.
error-unknown-locale = “{ $locale }” is not a language CSBA Desk offers.
error-sandbox-failed = The built-in demo service could not start.
error-service-unreachable = The CSBA service cannot be reached. You are working offline; changes will sync once the connection is back.
error-sync-refused = The CSBA service refused to sync. Check your account and API token.
