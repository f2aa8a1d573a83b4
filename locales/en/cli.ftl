# The `csba` command.
cli-token-empty = No token was given on standard input.
cli-token-unreadable = Standard input could not be read.
cli-token-malformed = What came on standard input is not a token: give only the token, on one line, without spaces.
cli-no-data-dir = No data directory could be found. Set { "CSBA_DATA_DIR" }.
cli-no-cases = No cases yet. Open CSBA Desk or sync to fetch them.
cli-body-unreadable = Cannot read { $path }.
cli-body-not-utf8 = { $path } is not UTF-8 text. Save it as UTF-8 and try again.
cli-reply-empty = The reply is empty.
cli-reply-unknown-case = There is no case “{ $case }” on this computer. Sync, then check the id with { "csba cases list" }.
cli-reply-unknown-case-in-account = Account #{ $id } has no case “{ $case }” on this computer. Sync, then check the id with { "csba cases list" }.
cli-reply-choose-account = Several accounts have a case “{ $case }” ({ $accounts }). Choose one with { "--account" }.
cli-reply-queued = Reply to case { $case } queued (#{ $entry }). It will be sent at the next sync, even after a restart.
cli-outbox-empty = Nothing is waiting to be sent.
cli-outbox-queued = waiting to be sent
cli-outbox-sending = being sent
cli-outbox-sent = sent
cli-outbox-failed = refused by the service ({ $code }); fix it and send it again
cli-runtime-failed = The network connection could not be set up on this computer.

# Talking to the service.
cli-service-unreachable = The CSBA service at { $url } cannot be reached. Check the address and your internet connection.
cli-service-token-rejected = The CSBA service at { $url } rejected the API token. Check that you copied the whole token and that it has not been revoked.
cli-service-error = The CSBA service at { $url } had a problem of its own ({ $code }). Try again later.
cli-service-refused = The CSBA service at { $url } refused the request ({ $code }).
cli-service-not-csba = The address { $url } does not answer like a CSBA service (HTTP { $status }). Check the address.

# The keychain, by the name each system gives it.
cli-keychain-name-secret-service = the system keyring (Secret Service: { "GNOME Keyring" } or { "KWallet" })
cli-keychain-name-macos = the macOS Keychain
cli-keychain-name-windows = the Windows Credential Manager

# csba account
cli-account-url-invalid = “{ $url }” is not the address of a service. Give it with { "http://" } or { "https://" }, for example { "https://csba.example.com" }.
cli-account-nothing-saved = Nothing was saved.
cli-account-keychain-unavailable = The API token was not saved: { $keychain } is locked or not available. Unlock it (or start it) and run the command again. Nothing was written on this computer: the token is kept in the keychain and nowhere else.
cli-account-added = Added account { $account } at { $url } (marketplaces: { $marketplaces }). Its API token is in { $keychain }.
cli-account-demo-replaced = The demo account and its sample cases were removed from this computer, so they are not mixed with your real deadlines.
cli-account-next-sync = Run { "csba sync" } to fetch its cases and orders.
cli-account-no-marketplaces = none yet
cli-account-list-empty = No accounts yet. Add one with { "csba account add --url" } and the service's address.
cli-account-sandbox = sandbox (demo)
cli-account-last-sync = last synced { $at }
cli-account-never-synced = never synced
cli-account-queue = { $queued } waiting to be sent, { $failed } refused
cli-account-token-present = token in { $keychain }
cli-account-token-missing = no token in { $keychain }: add the account again
cli-account-token-keychain_unavailable = { $keychain } is locked or not available
cli-account-token-not_needed = no token needed
cli-account-unknown = There is no account #{ $id }. See { "csba account list" }.
cli-account-none = There is no account to use. Add one with { "csba account add" }.
cli-account-choose = There are several accounts: { $accounts }. Choose one with { "--account" }.
cli-account-remove-unsent = Account { $account } still has { $unsent ->
    [one] 1 action
   *[other] { $unsent } actions
} not sent ({ $queued } waiting, { $sending } being sent, { $failed } refused). Sync first, or add { "--force" } to remove the account and drop them.
cli-account-remove-keychain = Nothing was removed: { $keychain } is locked or not available, so the account's API token cannot be deleted. Unlock it and try again, or add { "--force" } to remove the account and leave the token in the keychain.
cli-account-remove-token-left = { $keychain } is locked or not available: the API token stays there, under “{ $entry }”. Delete it yourself when the keychain is back.
cli-account-removed = Removed account { $account }: its data on this computer and its API token.

# csba sync
cli-sync-no-accounts = There is no account to sync. Add one with { "csba account add" }.
cli-sync-done = { $account }: { $sent } sent, { $retried } to retry, { $failed } refused; { $pulled ->
    [one] 1 change
   *[other] { $pulled } changes
} received.
cli-sync-resynced = The service no longer had this computer's place in its change feed, so the cases and orders were fetched again from the start. Drafts and queued actions were kept.
cli-sync-retry-later = Actions that could not go through stay queued and are sent again at a later sync.
cli-sync-action-refused = refused: #{ $entry } { $kind } { $object } ({ $code }). See { "csba outbox" }.
cli-sync-skipped-sandbox = { $account }: skipped. The demo account exists only inside the CSBA Desk app, which syncs it itself.
cli-sync-token-missing = { $account }: not synced. There is no API token for it in { $keychain }. Add it again with { "csba account add --url" } { $url }.
cli-sync-keychain-unavailable = { $account }: not synced. { $keychain } is locked or not available, so the API token cannot be read. Unlock it and sync again.
cli-sync-failed = { $account }: not synced. { $reason }

# csba tracking upload
cli-upload-unknown-marketplace = “{ $marketplace }” is not a marketplace. Use JP or US.
cli-upload-wrong-marketplace = Account { $account } does not sell on the { $marketplace } marketplace.
cli-upload-problem-ship_date_in_future = the ship date is in the future.
cli-upload-problem-ship_date_needs_marketplace = no ship date, and the order's marketplace is not known: give the date, or name the marketplace with { "--marketplace" } to use today's date there.
cli-upload-orders-unchecked = This account has no orders on this computer yet (sync first), so the orders were not checked here; the service checks them when the upload arrives.
cli-upload-nothing-queued = Nothing was queued.
cli-upload-queued = Queued { $rows ->
    [one] 1 shipment confirmation
   *[other] { $rows } shipment confirmations
} for account { $account } in { $batches ->
    [one] 1 batch
   *[other] { $batches } batches
}. { "csba sync" } (or the running CSBA Desk app) sends them; the service accepts or refuses each batch as a whole.
cli-orders-to-ship = To ship: { $count }
cli-orders-pending = Awaiting payment (do not ship yet): { $count }
cli-orders-tracking-rate = Valid tracking rate, 30 days, { $marketplace }: { $rate } % ({ $valid } of { $shipped })
cli-enrollment-trial = free trial: { $days } days left
cli-enrollment-terms = terms { $version }
cli-enrollment-queued = Queued as outbox entry #{ $entry }; { "csba sync" } (or the running app) sends it.
cli-enrollment-state-not_enrolled = not enrolled
cli-enrollment-state-pending_identity_verification = waiting for identity verification
cli-enrollment-state-pending_activation = waiting to start
cli-enrollment-state-active = active
cli-enrollment-state-paused = paused
cli-enrollment-state-lapsed = lapsed (enroll again)
cli-policy-none = no return policy submitted yet
cli-policy-current = version { $version }, submitted { $at }
cli-policy-pending = a new version is waiting in the outbox (#{ $entry })
cli-policy-queued = Return policy for { $marketplace } queued as outbox entry #{ $entry }; { "csba sync" } (or the running app) sends it.
cli-policy-refund-by = Refund order { $order } ({ $item }) by { $by } ({ $zone })
cli-feedback-none = No feedback on this computer yet. Sync to fetch it.
cli-feedback-days-left = { $days } days left to ask for its removal
cli-feedback-window-closed = the removal window has closed
cli-feedback-grounds = may qualify for removal: { $grounds }
cli-feedback-subject = subject for the CSBA team: { $subject }
cli-feedback-request = removal request: { $status }
cli-feedback-pending = removal request waiting in the outbox (#{ $entry })
cli-feedback-status-submitted = submitted, waiting for a decision
cli-feedback-status-removed = removed
cli-feedback-status-declined = declined
cli-feedback-queued = Removal request for feedback { $feedback } queued as outbox entry #{ $entry }; { "csba sync" } (or the running app) sends it.
cli-questions-none = No questions to the CSBA team yet.
cli-question-status-queued = waiting to be sent
cli-question-status-awaiting_answer = waiting for the answer
cli-question-status-answered = answered
cli-question-due = answer due by { $at }
cli-question-overdue = the answer was due by { $at }
cli-question-answer = The CSBA team answered:
cli-question-queued = Question about order { $order } queued as outbox entry #{ $entry }; { "csba sync" } (or the running app) sends it.
cli-metrics-none = No weekly figures on this computer yet. Sync to fetch them.
cli-metrics-active-since = CSBA active since { $day }
cli-metrics-never-active = CSBA has not been active here
cli-metrics-paused = paused { $from } – { $to }
cli-metrics-week = week of { $week }: order defects { $odr }, A-to-z claims { $claims }, negative feedback { $negative }, valid tracking { $tracking }, contacts per unit { $cpu }, first answer { $hours } h, fee { $fee }
cli-metrics-week-open = week of { $week } (under way): order defects { $odr }, A-to-z claims { $claims }, negative feedback { $negative }, valid tracking { $tracking }, contacts per unit { $cpu }, first answer { $hours } h, fee { $fee }
cli-metrics-comparison = Before CSBA ({ $before_from } – { $before_to }) and the last complete weeks ({ $after_from } – { $after_to }):
cli-metrics-change = { $metric }: { $before } → { $after } ({ $change }) { $verdict }
cli-metrics-better = better
cli-metrics-worse = worse
cli-metric-response-seconds = Time to first answer
cli-metric-a-to-z-claim-rate = A-to-z claim rate
cli-metric-negative-feedback-rate = Negative feedback rate
cli-metric-order-defect-rate = Order defect rate
cli-metric-valid-tracking-rate = Valid tracking rate
cli-metric-contacts-per-unit = Contacts per unit
