# CSBA Desk — web UI messages (English).
# Shared with the Rust side: every id and every { $variable } must exist in
# en, zh-CN, ja and ko alike.

## Brand and navigation

app-title = CSBA Desk
nav-inbox = Inbox
loading = Loading…
action-retry = Try again
nav-label = Main
nav-queue = Outbox
nav-accounts = Accounts
queue-badge-waiting =
    { $count ->
        [one] { $count } action waiting to be sent
       *[other] { $count } actions waiting to be sent
    }
queue-badge-failed =
    { $count ->
        [one] { $count } action refused, needs your attention
       *[other] { $count } actions refused, need your attention
    }

## Inbox

inbox-heading = Escalated cases
inbox-subheading = CSBA needs your answer within 24 hours, weekends and holidays included.
inbox-empty-title = You’re all caught up
inbox-empty-body = No cases are waiting for you. When CSBA needs your input, the case will appear here.
inbox-list-label = Cases, most urgent first

summary-overdue = { $count } overdue
summary-due-soon = { $count } due within 3 hours
summary-open =
    { $count ->
        [one] { $count } open case
       *[other] { $count } open cases
    }

## Case kinds

kind-product-question = Product question
kind-return = Return
kind-delivery = Delivery
kind-refund = Refund
kind-order-change = Order change

## Case statuses

status-open = Awaiting your reply
status-answered = Answered
status-resolved-by-csba = Resolved by CSBA

## Marketplaces

marketplace-jp = Amazon.co.jp
marketplace-jp-country = Japan
marketplace-us = Amazon.com
marketplace-us-country = United States

## Case row

order-label = Order
case-reply-language = Reply in { $language }
countdown-left = { $time } left
countdown-overdue = Overdue by { $time }
due-at = Due { $time }
row-draft = Draft
row-pending-replies =
    { $count ->
        [one] { $count } reply waiting to be sent
       *[other] { $count } replies waiting to be sent
    }

## Case screen

back-to-inbox = Back to inbox
back-to-queue = Back to outbox
conversation-label = Conversation with CSBA
message-author-csba = CSBA
message-author-seller = You
message-late = Sent after the deadline
case-replies-heading = Your replies in the outbox
case-reply-see-outbox = Open the outbox to retry or discard it.
case-changed-title = This case changed while you were writing
case-changed-body = CSBA sent a new message. Reread the conversation before you send your reply.
case-changed-resolved = CSBA resolved the case. Reread the conversation: it no longer takes replies.
case-changed-ack = I’ve reread it

## Reply box

reply-label = Your reply
reply-placeholder = Write your answer to CSBA. It is saved as you type.
reply-send = Send
reply-sending = Sending…
reply-queued = Reply added to the outbox. It goes out as soon as the service can be reached.
reply-closed-resolved = CSBA resolved this case after the deadline, so it no longer takes replies. Any text below is kept so you can copy it.
draft-saving = Saving…
draft-saved = Draft saved { $time }

## Outbox

queue-heading = Outbox
queue-subheading = What you send waits here, in order, until the CSBA service confirms it.
queue-list-label = Actions, newest first
queue-empty-title = Nothing waiting to be sent
queue-empty-body = Replies and other actions appear here until the service has them.
queue-subject-case = Case { $id }
queue-created-at = Added { $time }
queue-sent-at = Sent { $time }
queue-next-attempt =
    { $count ->
        [one] Tried once, next try { $time }
       *[other] Tried { $count } times, next try { $time }
    }
queue-service-detail = Service response: { $detail }
queue-retry = Retry
queue-discard = Discard
queue-discard-question = Discard this action? It will not be sent.
queue-discard-confirm = Discard
queue-discard-cancel = Keep

queue-state-queued = Queued
queue-state-sending = Sending
queue-state-sent = Sent
queue-state-failed = Failed

action-kind-enroll = Enrollment
action-kind-pause-enrollment = Pause CSBA
action-kind-resume-enrollment = Resume CSBA
action-kind-tracking-upload = Tracking upload
action-kind-return-policy = Return policy
action-kind-case-reply = Case reply
action-kind-removal-request = Feedback removal request
action-kind-service-question = Question to CSBA

## Sync and service

sync-online = Online
sync-offline = Offline
sync-syncing = Syncing…
sync-last = Last synced { $time }
sync-never = Not synced yet
sync-now = Sync now
time-just-now = just now
offline-title = You’re offline
offline-body = Keep working as usual: drafts and replies are kept on this computer and go out by themselves when the connection is back.
offline-waiting =
    { $count ->
        [one] { $count } action is waiting to be sent.
       *[other] { $count } actions are waiting to be sent.
    }
service-sandbox = Sandbox · demo data
service-remote = Live account

## Accounts

accounts-heading = Accounts
accounts-subheading = The stores this desk syncs with CSBA. Each has its own service connection and API token.
accounts-list-label = Accounts on this computer
account-seller-id = Seller ID
account-service = Service
account-service-demo = Built-in demo (sample data)
account-marketplaces = Marketplaces
account-unsent =
    { $count ->
        [one] { $count } action not sent yet
       *[other] { $count } actions not sent yet
    }
account-demo-note = Sample data to try the desk. It goes away when you add your own store.
account-remove = Remove
account-remove-question = Remove { $name } from this computer? Its cases and drafts here and its API token in the keychain are deleted. You can add it again later.
account-remove-question-unsent =
    { $count ->
        [one] Remove { $name }? { $count } action has not been sent yet and will be lost. Its cases and drafts here and its API token in the keychain are deleted too.
       *[other] Remove { $name }? { $count } actions have not been sent yet and will be lost. Its cases and drafts here and its API token in the keychain are deleted too.
    }
account-remove-confirm = Remove
account-remove-confirm-unsent = Remove anyway
account-remove-cancel = Keep
account-add-heading = Add a store
account-add-intro = Enter the address of your CSBA service and the store’s API token. CSBA Desk checks them with the service before it adds the store.
account-url-label = Service URL
account-token-label = API token
account-token-keychain = The token is kept in the system keychain only, never in CSBA Desk’s files.
account-add = Add store
account-adding = Checking…
account-added = { $name } ({ $seller }) was added.
account-added-replaced-demo = { $name } ({ $seller }) was added. The demo account and its sample data were removed: the inbox now shows only real cases.

## Settings

language-label = Language

## Errors

error-unknown = Something went wrong. Please try again.

## Navigation shell

skip-to-content = Skip to content
nav-cases = Cases
nav-orders = Orders & tracking
nav-enrollment = CSBA program
nav-collapse = Collapse menu
nav-expand = Expand menu
badge-cases-due =
    { $count ->
        [one] { $count } case waiting for your reply
       *[other] { $count } cases waiting for your reply
    }
badge-orders-without-tracking =
    { $count ->
        [one] { $count } order without a tracking ID
       *[other] { $count } orders without a tracking ID
    }
nav-returns = Return policy
nav-feedback = Feedback
nav-questions = Questions to CSBA
nav-performance = Does CSBA pay off?
nav-settings = Settings
badge-removable-feedback =
    { $count ->
        [one] { $count } negative feedback you can still ask to remove
       *[other] { $count } negative feedback you can still ask to remove
    }
badge-questions-awaiting =
    { $count ->
        [one] { $count } question waiting for the CSBA team’s answer
       *[other] { $count } questions waiting for the CSBA team’s answer
    }
back-to-case = Back to case
back-to-order = Back to order
back-to-screen = Back to { $name }
filter-label = Store and marketplace
filter-store = Store
filter-store-all = All stores
filter-marketplace = Marketplace
filter-marketplace-all = All marketplaces
filter-show-all = Show all cases
inbox-empty-filtered-title = No cases for this store or marketplace
inbox-empty-filtered-body = Other stores or marketplaces have cases. Change the filter above to see them.
