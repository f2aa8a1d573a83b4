# The settings screen and the in-window alerts (ui/src/settings, ui/src/alerts). The tray's and the
# notifications' own words are the Rust side's, in alerts.ftl.

settings-heading = Settings
settings-subheading = When CSBA Desk alerts you before a deadline, and how it runs on this computer.

## Deadline alerts

settings-deadlines-heading = Deadline alerts
settings-deadlines-intro = For each kind of deadline, choose how long before it CSBA Desk alerts you. Each alert comes once per deadline, even after a restart; if several pass while the computer sleeps, you get one alert with the most urgent.
settings-kind-case-reply = A case's 24-hour reply
settings-kind-case-reply-hint = Answer a case within 24 hours, or CSBA decides it without you.
settings-kind-refund = A refund after a return arrives
settings-kind-refund-hint = Once a return arrives, refund the buyer within the business days the marketplace allows.
settings-kind-service-question = A question to the CSBA team
settings-kind-service-question-hint = The CSBA team should answer within 48 hours; you hear from CSBA Desk if that time passes without an answer.
settings-kind-identity-verification = JP identity verification
settings-kind-identity-verification-hint = A JP enrollment lapses unless your identity is verified within 14 days.
settings-kind-feedback-removal = Feedback removal window
settings-kind-feedback-removal-hint = Negative feedback can be sent for removal within 90 days of being left; these alerts cover its last days.
settings-kind-tracking = Tracking ID by ship-by
settings-kind-tracking-hint = Confirm the shipment with a tracking ID before the order's ship-by time.
settings-unit-hours = h
settings-unit-minutes = min
settings-threshold-label = Alert { $number }: { $when }
settings-threshold-hours-label = Hours before the deadline (alert { $number })
settings-threshold-minutes-label = Minutes before the deadline (alert { $number })
settings-threshold-before = { $duration } before
settings-threshold-when-passes = when it passes
settings-threshold-unreadable = enter whole numbers
settings-threshold-not-a-number = Enter the hours and minutes as whole numbers, such as 2 and 30.
settings-threshold-remove = Remove the alert { $when }
settings-add-threshold = Add an alert
settings-add-when-passes = Alert when it passes
settings-reset-kind = Reset to defaults
settings-defaults-are = Default: { $list }
settings-list-none = none
settings-no-thresholds = No alerts for this deadline.
settings-section-unsaved = Not saved
settings-duration-days =
    { $days ->
        [one] 1 day
       *[other] { $days } days
    }
settings-duration-hours = { $hours } h
settings-duration-minutes = { $minutes } min
settings-duration-hours-minutes = { $hours } h { $minutes } min

## Quiet hours

settings-quiet-heading = Quiet hours
settings-quiet-intro = During quiet hours CSBA Desk holds its alerts; what came up meanwhile is told when they end.
settings-quiet-enabled = Hold alerts during quiet hours
settings-quiet-start = From
settings-quiet-end = Until
settings-quiet-next-day = the next day
settings-quiet-zone = Times on this computer's clock ({ $zone }).
settings-quiet-due-inside = Still alert for deadlines that fall inside quiet hours
settings-quiet-time-missing = Enter a time, such as 22:00.

## Pause alerts

settings-pause-heading = Pause alerts
settings-pause-intro = For a meeting or an evening off. It applies at once; what comes due meanwhile is told when alerts resume.
settings-not-paused = Alerts are on.
settings-paused-until = Alerts are paused until { $time }.
settings-snooze-hour = Pause for 1 hour
settings-snooze-morning = Pause until tomorrow morning
settings-snooze-off = Resume alerts

## Window and start-up

settings-window-heading = Window and start-up
settings-tray-available = CSBA Desk has an icon in the system tray that shows what is due.
settings-close-to-tray = Closing the window keeps CSBA Desk running in the tray
settings-close-to-tray-hint = Alerts keep coming with the window closed. To quit, choose Quit in the tray menu.
settings-autostart = Start CSBA Desk when I sign in to this computer
settings-autostart-unavailable = This system offers no way to start apps at sign-in.
settings-applies-at-once = Applies at once.

## Language

settings-language-heading = Language
settings-language-label = Language of CSBA Desk
settings-language-hint = The window, the alerts and the tray menu use it. Applies at once.

## Desktop notifications

settings-notifications-heading = Desktop notifications
settings-notifications-available = Desktop notifications are on for CSBA Desk.
settings-test-notification = Send a test notification
settings-test-sending = Sending…
settings-test-delivered = Sent. If you did not see it, check your system's notification settings.
settings-test-failed = The test notification did not arrive. { $reason }
settings-unavailable-unknown = This desktop does not offer it.
desktop-no-tray-host = This desktop has no system tray. Keep the CSBA Desk window open instead (minimized is fine): its title counts what is due.
desktop-no-notification-daemon = This desktop has no notification service. Alerts appear at the top of the CSBA Desk window instead and stay until you dismiss them.
desktop-notifications-denied = Notifications for CSBA Desk are turned off in your system settings. Turn them on there; until then, alerts appear only in the window.

## Updates

settings-updates-heading = Updates
settings-updates-intro = CSBA Desk looks for a new version by itself every 6 hours. An update is installed only if its signature matches CSBA Desk's signing key.
settings-updates-version = This version
settings-updates-last-check = Last checked
settings-updates-never-checked = Not yet
settings-updates-idle = Not checked since CSBA Desk started.
settings-updates-checking = Checking for a new version…
settings-updates-up-to-date = CSBA Desk is up to date.
settings-updates-available = Version { $version } is available.
settings-updates-downloading = Downloading version { $version }…
settings-updates-downloading-percent = Downloading version { $version }… { $percent }%
settings-updates-installing = Installing version { $version }. CSBA Desk restarts when it is done.
settings-updates-not-installed = Version { $version } was not installed.
settings-updates-check-failed = The check for a new version did not work.
settings-updates-notes = What's new
settings-updates-check = Check for updates
settings-updates-install = Install and restart

## Saving

settings-save = Save
settings-saving = Saving…
settings-saved = Saved.
settings-all-saved = No unsaved changes.
settings-unsaved = Unsaved changes
settings-not-saved = Not saved: fix the marked field.
settings-discard = Discard changes

## In-window alerts (when the desktop cannot show notifications)

desk-alert-dismiss = Dismiss
desk-alert-open = Open
desk-alert-open-case = Open the case on order { $id }
desk-alert-open-order = Open order { $id }
desk-alert-open-returns = Open return { $id }
desk-alert-open-questions = Open the question on order { $id }
desk-alert-open-enrollment = Open the CSBA program
desk-alert-open-feedback = Open the feedback on order { $id }
