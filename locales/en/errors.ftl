# Errors reach the UI as a code; the message id is `error-<code>`.
error-replica-unavailable = The local data on this computer could not be read. Restart CSBA Desk; if this keeps happening, check the free disk space.
error-replica-too-new = This data was saved by a newer version of CSBA Desk. Please update the app.
error-token-missing = No API token is saved for { $account }. Add the store again under Accounts (or with “{ "csba account add" }”).
error-keychain-unavailable = The system keychain is locked or unavailable, so your API token cannot be read. Unlock the keychain and try again.
error-unknown-locale = “{ $locale }” is not a language CSBA Desk offers.
error-sandbox-failed = The built-in demo service could not start.
error-autostart-failed = Launch at login could not be changed on this desktop.
error-service-unreachable = The CSBA service cannot be reached. You are working offline; changes will sync once the connection is back.
error-sync-refused = The CSBA service refused to sync. Check your account and API token.

## Replies and the outbox (the desk's own checks)

error-reply-empty = The reply is empty. Write your answer, then send it.
error-case-resolved = CSBA has already resolved this case, so it no longer takes replies. Open the case to read how it was resolved, and keep a copy of your text if you still need it.
error-case-not-found = Case { $case } is not on this computer. Wait for the next sync, or check the case number.
error-action-not-failed = This action is no longer refused: it is already waiting, on its way or sent. There is nothing to do; the outbox updates in a moment.
error-token-rejected = The CSBA service did not accept this account’s API token. Add the store again with a new token under Accounts (or with “{ "csba account add" }”).

## Adding and removing accounts (the desk's own checks)

error-account-url-invalid = This is not the address of a service. Enter the full URL of your CSBA service, starting with { "https://" } (or { "http://" }).
error-token-empty = Enter the store’s API token.
error-token-malformed = This does not look like an API token. Copy the whole token again, without spaces or line breaks.
error-not-csba-service = Something answered at this address, but it is not a CSBA service. Check the URL.
error-service-failed = The CSBA service had a problem while checking the token. Try again in a few minutes.
error-account-has-unsent =
    { $count ->
        [one] This account still has { $count } action that has not been sent. Removing the account would lose it.
       *[other] This account still has { $count } actions that have not been sent. Removing the account would lose them.
    }
error-account-unknown = This account is no longer on this computer. The list updates in a moment.

## Why the CSBA service refused an action (its problem codes)

error-unauthorized = The service did not accept this account’s API token. Add a new token with “{ "csba account add" }”, then retry.
error-not-found = The service cannot find what this action refers to; it may have been removed. Check it in Seller Central, then discard this action.
error-invalid-request = The service found a mistake in this request. Read the service’s details, correct what they name, and send it again.
error-invalid-cursor = The service did not recognise where this computer stopped syncing. Use Sync now; if this keeps happening, restart CSBA Desk.
error-cursor-expired = This computer was offline longer than the service keeps its history. CSBA Desk downloads your cases again; your drafts and unsent replies are kept.
error-payload-too-large = This request is too large for the service. Split it into smaller parts (for example, fewer rows per upload) and send them again.
error-unsupported-media-type = The service could not read the format of this request. Update CSBA Desk, then retry.
error-internal = The CSBA service had an internal problem. Try again in a few minutes.
error-idempotency-key-missing = The request reached the service without its duplicate-protection key, so nothing was applied. Update CSBA Desk, then retry.
error-idempotency-key-reused = The service already received a different request under this action’s key, so it refused this one. Check in Seller Central whether the action was done; if not, retry it (a retry uses a new key).
error-idempotency-key-in-flight = The service is still working on the first copy of this request. Wait a moment: it is tried again by itself.
error-enrollment-conflict = Your CSBA enrollment cannot change this way right now (for example, it is already active or already paused). Check its current state, then retry or discard this action.
error-enrollment-ineligible = This account does not meet every requirement for CSBA in this marketplace yet. Complete them in Seller Central, then retry.
error-shipment-rejected = The service refused the whole tracking upload, so none of it was applied. Correct the rows it names and upload the file again.
error-return-policy-rejected = The service refused this return policy because it breaks the marketplace’s rules. Fix every violation it lists, then submit it again.
error-removal-not-allowed = This feedback cannot be sent for removal (for example, the 90 days have passed or the reason does not apply). Discard this request.
error-removal-already-requested = A removal request for this feedback is already on file. Follow that one and discard this request.
error-reply-too-long = This text is { $count } characters long; the most CSBA takes is { $max }. Shorten it, then send it.
error-reply-language-invalid = CSBA does not take replies in “{ $language }” on this marketplace. Choose one of: { $allowed }.
error-template-name-empty = Give the template a name.
error-template-empty = A template needs some text.
error-template-not-found = This template no longer exists. It may have been deleted in another window.
error-order-not-found = Order { $order } is not on this computer. Wait for the next sync, or check the order number.
error-order-not-shippable = Order { $order } cannot take a tracking ID now (its status is { $status }).
error-tracking-invalid = This tracking ID is not valid. The check below the field says why.
error-carrier-unknown = Choose the carrier: the number fits more than one, or the carrier given is not one CSBA Desk knows.
error-ship-date-in-future = The ship date is after today ({ $today } in the marketplace’s time zone).
error-ship-date-invalid = Enter the ship date as a calendar date.
error-ship-date-before-order = The ship date is before the order was placed ({ $placed }).
error-marketplace-unknown = CSBA Desk has no rules for this marketplace.
error-upload-unreadable = The file { $path } could not be read. Check that it exists and that you may open it.
error-upload-is-folder = { $path } is a folder. Choose or drop a single file.
error-upload-too-large = This file is { $size_mb } MB; an upload can be at most { $max_mb } MB. Split it into smaller files.
error-upload-not-a-file = { $path } is not a regular file. Choose or drop a file saved on this computer.
error-upload-has-problems = The file still has { $count } problems. Fix them and check the file again; nothing was queued.
error-upload-not-found = This upload is no longer waiting to be queued. Choose the file again.
error-enrollment-not-found = This store has no CSBA enrollment record for { $marketplace } yet. Wait for the next sync.
error-enrollment-not-allowed = CSBA cannot change this way in its current state, or a change is already on its way.
error-terms-not-accepted = Read and accept the current CSBA terms (version { $version }) first.
error-fee-input-invalid = Enter whole numbers: units shipped, and contacts no more than a hundred times the units.
error-service-refused = The service refused this action (code { $code }). Check it in Seller Central, then retry or discard it.
error-policy-not-compliant = This return policy still breaks { $count } of the marketplace’s rules. Fix each one shown at its field, then submit it.
error-policy-version-not-found = Version { $version } of this return policy is not on this computer. Wait for the next sync.
error-feedback-not-found = Feedback { $feedback } is not on this computer. Wait for the next sync.
error-ground-not-possible = This reason for removal does not apply to this feedback. Choose one of the reasons shown for it.
error-removal-not-possible = The 90-day window to ask for this feedback’s removal has closed.
error-explanation-missing = Explain why the reason applies to this feedback.
error-explanation-too-long = The explanation is { $count } characters long; the most the service takes is { $max }. Shorten it.
error-question-missing = Write your question to the CSBA team.
error-question-too-long = The question is { $count } characters long; the most the service takes is { $max }. Shorten it.
error-text-too-long = The service refused a text that is longer than it accepts. Shorten it and send it again.
error-invalid-text = The text holds a character that cannot be sent (a NUL or a broken emoji, often pasted from another program). Remove it and send again.
error-unavailable = The service is busy for a moment. Nothing was lost: the desk sends it again by itself shortly.
error-request-timeout = The request reached the service too slowly and was not applied. It is sent again by itself.
error-rate-limited = The desk sent the service too many requests in a short time. Nothing was lost: it waits as long as the service asked, then sends again.

## Alert settings (the desk's own checks)
error-alert-threshold-out-of-range = An alert can be at most { $max_days } days before the deadline.
error-alert-threshold-repeated = This alert time is already in the list.
error-alert-too-many-thresholds = At most { $max } alert times per kind of deadline.
error-quiet-minute-out-of-range = Enter a time of day between 00:00 and 23:59.
error-quiet-hours-empty = Quiet hours must end at a different time than they start.
error-update-signature-invalid = This update was refused: its signature does not match CSBA Desk's signing key, so it may not come from us. Nothing was installed.
error-update-unreachable = The update server could not be reached. Check your internet connection and try again.
error-update-manifest-invalid = The update server's answer could not be read, or it has no update for this computer. Try again later.
error-update-install-failed = The update could not be installed. CSBA Desk keeps running the current version.
error-update-not-available = There is no update to install. Check for updates first.
