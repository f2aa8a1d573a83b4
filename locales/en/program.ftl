# The CSBA program screen (one card per store and marketplace), the fee what-if,
# and the reply language and templates of the case screen.

## Program screen
program-heading = CSBA program
program-subheading = Where Customer Service by Amazon stands in each store and marketplace: what it covers, what is left to do, and what it costs.
program-list-label = Enrollments
program-empty = No enrollment to show for this store and marketplace. Enrollments appear after the next sync.
program-card-title = { $store } · { $marketplace }
program-times-in = Times in { $zone }

## States
program-state-not-enrolled = Not enrolled
program-state-pending-identity-verification = Waiting for identity verification
program-state-pending-activation = Starting soon
program-state-active = Active
program-state-paused = Paused
program-state-lapsed = Lapsed

## Timeline
program-timeline-label = Timeline
program-event-enrolled = Enrolled
program-event-lapses = Lapses unless identity is verified
program-event-activates = CSBA takes over
program-event-active-since = Active since
program-event-paused-since = Paused since
program-event-lapsed = Lapsed
program-activation-estimate = About { $hours } hours after enrolling. Amazon only says “a few hours”, so this time is an estimate.
program-activation-exact = { $hours } hours after enrolling.
program-lapse-left = { $days ->
        [one] 1 day
       *[other] { $days } days
    } and { $hours ->
        [one] 1 hour
       *[other] { $hours } hours
    } left to verify your identity.
program-lapse-note = Verify your identity in Seller Central before then. After 14 days the enrollment lapses and you have to enroll again.
program-periods-label = When CSBA answered buyers of new orders
program-period = { $from } – { $until }
program-period-open = { $from } – now

## What is covered
program-coverage-not-enrolled = CSBA covers only orders placed after it becomes active. Orders placed before that are yours to answer.
program-coverage-pending = Orders placed before CSBA takes over are not covered: you answer their buyers yourself.
program-coverage-active = Orders placed before CSBA became active are not covered: you answer their buyers yourself.
program-coverage-paused = While CSBA is paused, new seller-fulfilled orders are yours to answer. Orders placed while it was active stay covered.

## Eligibility
program-checklist-label = Requirements
program-requirement-professional-plan = A Professional selling plan
program-requirement-good-standing = An account in good standing
program-requirement-identity-verified = Identity verified
program-requirement-responsive-contact = A contact who answers CSBA within 24 hours, weekends and holidays included
program-requirement-terms-accepted = The current CSBA terms accepted
program-requirement-invitation = An invitation from Amazon
program-requirement-other = Requirement “{ $code }”
program-check-met = Done
program-check-blocks = Missing: needed before you can enroll
program-check-delays = Missing: you can enroll, but CSBA starts only once this is done
program-check-by-enrolling = Accepted when you enroll

## Enroll, pause, resume
program-terms-version = Terms version { $version }
program-terms-accept = I have read and accept the CSBA terms, version { $version }.
program-enroll = Enroll in CSBA
program-enrolling = Enrolling…
program-enroll-blocked = Complete the missing requirements above, then enroll.
program-pause = Pause CSBA
program-pause-title = Pause CSBA on { $marketplace }?
program-pause-body = From the moment the pause is confirmed, new seller-fulfilled orders are yours to answer. Orders placed while CSBA was active stay covered.
program-pause-confirm = Pause
program-resume = Resume CSBA
program-resume-title = Resume CSBA on { $marketplace }?
program-resume-body = CSBA waits the activation delay again (about { $hours } hours) before it takes over. Orders placed until then are yours to answer.
program-resume-confirm = Resume
program-dialog-cancel = Cancel
program-pending-queued = { $action }: waiting to be sent.
program-pending-sending = { $action }: sending…
program-pending-failed = { $action } was refused: { $problem }
program-pending-outbox = Retry or discard it on the Outbox screen.

## Free trial and fee
program-trial-label = Free trial
program-trial-left = { $days ->
        [one] 1 day left
       *[other] { $days } days left
    } in the free trial, until { $date }.
program-trial-period = Free trial: { $start } – { $end }
program-fee-label = Fee now, from the last three months
program-fee-none = The fee is worked out once CSBA is active.
program-fee-in-trial = No fee is charged during the free trial.
program-fee-units = { $units } units shipped, { $contacts } buyer contacts
program-fee-cpu = Contacts per unit
program-fee-cpu-value = { $cpu } %
program-fee-tier = Tier
program-fee-tier-value = Tier { $tier }
program-fee-tier-flat = Flat fee: too few units for a reliable figure
program-fee-per-unit = Fee per unit
program-fee-total = Total

## What-if
fee-whatif-label = What if…
fee-whatif-intro = Enter three months of units shipped and buyer contacts to see the fee under today’s schedule.
fee-whatif-units = Units shipped
fee-whatif-contacts = Buyer contacts
fee-whatif-submit = Work out the fee
fee-whatif-working = Working it out…
fee-whatif-whole-number = Enter a whole number, 0 or more.

## Reply language and templates (case screen)
reply-lang-label = Reply language
reply-lang-queued = Reply in { $language } added to the outbox. It goes out as soon as the service can be reached.
template-menu = Templates
template-menu-label = Reply templates in { $language }
template-none = No templates in { $language } yet. Write a reply and save it as a template.
template-delete = Delete
template-delete-label = Delete the template “{ $name }”
template-save = Save as template
template-name-label = Template name
template-save-confirm = Save template
template-cancel = Cancel
template-saved = Template “{ $name }” saved in { $language }.
template-deleted = Template “{ $name }” deleted.
template-inserted = Template “{ $name }” inserted.
