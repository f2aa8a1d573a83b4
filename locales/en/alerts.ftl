# Deadline alerts as the Rust side shows them: desktop notifications, the
# tray's tooltip and menu, and the window title's count.

## What a deadline is about, as short as a tray menu needs
alert-what-case-reply = Case on order { $label }
alert-what-refund = Refund { $label }
alert-what-service-question = Question { $label }
alert-what-identity-verification = Identity check { $label }
alert-what-feedback-removal = Feedback { $label }
alert-what-tracking = Tracking { $label }

## A deadline's time, in the marketplace's time zone
alert-deadline-today = { $time } ({ $zone })
alert-deadline-date = { $month ->
        [1] Jan
        [2] Feb
        [3] Mar
        [4] Apr
        [5] May
        [6] Jun
        [7] Jul
        [8] Aug
        [9] Sep
        [10] Oct
        [11] Nov
       *[12] Dec
    } { $day }, { $time } ({ $zone })

## One notification
alert-title-left = { $what }: { $time } left
alert-title-due-now = { $what }: due now
alert-title-overdue = { $what }: { $time } overdue
alert-body-case-reply = Answer by { $deadline } or CSBA decides without you.
alert-body-case-reply-overdue = The answer was due { $deadline }. CSBA now decides without you; a late answer still counts.
alert-body-refund = Refund the buyer by { $deadline }.
alert-body-refund-overdue = The refund was due { $deadline }. Refund the buyer now.
alert-body-service-question = CSBA should answer your question by { $deadline }.
alert-body-service-question-overdue = CSBA’s answer was due { $deadline }. Send a follow-up.
alert-body-identity-verification = Verify your identity in Seller Central by { $deadline }, or the CSBA enrollment lapses.
alert-body-identity-verification-overdue = The CSBA enrollment lapsed at { $deadline }. Enroll again.
alert-body-feedback-removal = Ask for its removal by { $deadline }; after that the feedback stays.
alert-body-feedback-removal-overdue = The window to ask for its removal closed at { $deadline }.
alert-body-tracking = Confirm the shipment with its tracking ID by { $deadline }.
alert-body-tracking-overdue = The ship-by time was { $deadline }. Confirm the shipment with its tracking ID now.

## Several at once: one notification
alert-group-title = { $count } deadlines need you
alert-group-more = { $count ->
        [one] and 1 more
       *[other] and { $count } more
    }

## A deadline in a list (the tray menu, a grouped notification)
alert-upcoming-in = { $what } — in { $time }
alert-upcoming-now = { $what } — due now
alert-upcoming-overdue = { $what } — { $time } overdue

## The tray's tooltip
tray-due-case-reply = { $count ->
        [one] 1 case due
       *[other] { $count } cases due
    }
tray-due-refund = { $count ->
        [one] 1 refund due
       *[other] { $count } refunds due
    }
tray-due-service-question = { $count ->
        [one] 1 question unanswered
       *[other] { $count } questions unanswered
    }
tray-due-identity-verification = { $count ->
        [one] 1 identity check due
       *[other] { $count } identity checks due
    }
tray-due-feedback-removal = { $count ->
        [one] 1 feedback removal closing
       *[other] { $count } feedback removals closing
    }
tray-due-tracking = { $count ->
        [one] 1 tracking ID due
       *[other] { $count } tracking IDs due
    }
tray-due-mixed = { $count ->
        [one] 1 deadline due
       *[other] { $count } deadlines due
    }
tray-overdue = { $count } overdue
tray-overdue-and-due = { $overdue } overdue, { $due } due soon
tray-tooltip-next = { $counts } · next in { $time }
tray-tooltip-calm-next = Nothing due · next in { $time }

## The tray's menu
tray-nothing-due = Nothing due
tray-more-deadlines = { $count ->
        [one] 1 more deadline…
       *[other] { $count } more deadlines…
    }
tray-sync-now = Sync now
tray-pause-menu = Pause alerts
tray-pause-hour = Pause alerts for 1 hour
tray-pause-morning = Pause alerts until tomorrow morning
tray-resume = Resume alerts
tray-open = Open CSBA Desk
tray-quit = Quit

## Said once, the first time the window is closed
tray-close-hint-title = CSBA Desk is still running
tray-close-hint-body = Closing the window keeps CSBA Desk in the tray, so deadline alerts still reach you. To quit, use the tray menu.

## Paused alerts, the window title, the test notification
alert-paused-until = Alerts paused until { $time }
alerts-window-title-count = CSBA Desk ({ $count })
alert-test-title = Notifications from CSBA Desk work
alert-test-body = Deadline alerts will look like this.

## How long until a deadline, or since
duration-days = { $days } d
duration-days-hours = { $days } d { $hours } h
duration-hours = { $hours } h
duration-hours-minutes = { $hours } h { $minutes } min
duration-minutes = { $minutes } min
duration-under-a-minute = under 1 min

## csba alerts
cli-alerts-would-tell = Would alert now:
cli-alerts-nothing-to-tell = Nothing would alert now.
cli-alerts-held = { $count ->
        [one] 1 alert held back by quiet hours or the pause.
       *[other] { $count } alerts held back by quiet hours or the pause.
    }
cli-alerts-deadlines = Deadlines:
cli-alerts-no-deadlines = No deadlines.
cli-alerts-zone-unknown = Unknown time zone “{ $zone }”. Give an IANA name such as { "Asia/Tokyo" }.
cli-alerts-at-invalid = “{ $at }” is not a date and time. Give it as RFC 3339, e.g. { "2026-12-02T09:00:00+09:00" }.
