# CSBA Desk — web UI messages (English).
# Shared with the Rust side: every id and every { $variable } must exist in
# en, zh-CN, ja and ko alike.

## Brand and navigation

app-title = CSBA Desk
nav-inbox = Inbox
loading = Loading…
action-retry = Try again

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

## Sync and service

sync-online = Online
sync-offline = Offline
sync-syncing = Syncing…
sync-last = Last synced { $time }
sync-never = Not synced yet
service-sandbox = Sandbox · demo data
service-remote = Live account

## Settings

language-label = Language

## Errors

error-unknown = Something went wrong. Please try again.
