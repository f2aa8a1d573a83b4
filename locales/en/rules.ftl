# CSBA rules: marketplaces, holidays, deadlines, enrollment, fees.

## Marketplace data
marketplace-data-unknown = Unknown marketplace “{ $value }”. Use JP or US.
marketplace-data-error-unknown-marketplace = Unknown marketplace. Use JP or US.
marketplace-data-error-data-invalid = The marketplace rules built into CSBA Desk are damaged. Reinstall the app.
marketplace-data-error-no-rules-in-force = There are no CSBA rules for this marketplace on that date.
marketplace-data-channel-email = Email
marketplace-data-channel-phone = Phone
marketplace-data-channel-chat = Chat
marketplace-data-channel-sms = Text message

## Holidays
holiday-error-holiday-year-out-of-range = Public holidays for that year are not known yet, so business days cannot be counted.
holiday-new-years-day = New Year’s Day
holiday-coming-of-age-day = Coming of Age Day
holiday-national-foundation-day = National Foundation Day
holiday-emperors-birthday = The Emperor’s Birthday
holiday-vernal-equinox-day = Vernal Equinox Day
holiday-showa-day = Shōwa Day
holiday-constitution-memorial-day = Constitution Memorial Day
holiday-greenery-day = Greenery Day
holiday-childrens-day = Children’s Day
holiday-marine-day = Marine Day
holiday-mountain-day = Mountain Day
holiday-respect-for-the-aged-day = Respect for the Aged Day
holiday-autumnal-equinox-day = Autumnal Equinox Day
holiday-sports-day = Sports Day
holiday-culture-day = Culture Day
holiday-labour-thanksgiving-day = Labour Thanksgiving Day
holiday-enthronement-day = Enthronement Day
holiday-enthronement-ceremony-day = Enthronement Ceremony Day
holiday-substitute-holiday = Substitute holiday
holiday-citizens-holiday = Citizens’ holiday
holiday-martin-luther-king-jr-day = Martin Luther King Jr. Day
holiday-washingtons-birthday = Washington’s Birthday
holiday-memorial-day = Memorial Day
holiday-juneteenth = Juneteenth National Independence Day
holiday-independence-day = Independence Day
holiday-labor-day = Labor Day
holiday-columbus-day = Columbus Day
holiday-veterans-day = Veterans Day
holiday-thanksgiving-day = Thanksgiving Day
holiday-christmas-day = Christmas Day

## Deadlines
deadline-date = { $weekday ->
        [1] Monday
        [2] Tuesday
        [3] Wednesday
        [4] Thursday
        [5] Friday
        [6] Saturday
       *[7] Sunday
    }, { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $day }, { $year }
deadline-refund-due = Refund by { $date }, { $time } ({ $zone }): the end of the second business day after the return arrived. After that, Amazon may refund the buyer on your behalf.
deadline-case-respond-by = Answer by { $date }, { $time } UTC: 24 hours after the case was opened, weekends and holidays included.
deadline-error-timestamp = “{ $value }” is not a date and time. Use { "RFC 3339" }, for example { "2026-11-20T10:00:00+09:00" }.
deadline-error-ambiguous-local-time = That day has no clear end in the marketplace’s time zone.
deadline-alert-six-hours = Less than 6 hours left to answer this case ({ $time } remaining).
deadline-alert-two-hours = Less than 2 hours left to answer this case ({ $time } remaining).
deadline-alert-thirty-minutes = 30 minutes or less to answer this case ({ $time } remaining).
deadline-alert-overdue = This case is { $time } overdue. CSBA now decides on its own.

## Enrollment
enrollment-state-not-enrolled = Not enrolled
enrollment-state-pending-identity-verification = Waiting for identity verification
enrollment-state-pending-activation = Starting soon
enrollment-state-active = Active
enrollment-state-paused = Paused
enrollment-state-lapsed = Lapsed: enroll again
enrollment-error-not-invited = CSBA in this marketplace is by invitation only, and this account has no invitation.
enrollment-error-already-enrolled = This account is already enrolled in CSBA in this marketplace.
enrollment-error-not-enrolled = This account is not enrolled in CSBA in this marketplace.
enrollment-error-not-active = CSBA is not active, so it cannot be paused.
enrollment-error-not-paused = CSBA is not paused, so it cannot be resumed.
enrollment-error-not-pending-verification = The enrollment is not waiting for identity verification.
enrollment-error-lapsed-reenroll-required = Identity verification took more than 14 days, so the enrollment lapsed. Enroll again.
enrollment-error-event-before-last-change = This change is dated before the last change to the enrollment.
enrollment-requirement-professional-plan = A Professional selling plan
enrollment-requirement-good-standing = An account in good standing
enrollment-requirement-identity-verified = Identity verified (CSBA starts only after verification)
enrollment-requirement-responsive-contact = A contact who answers CSBA within 24 hours, weekends and holidays included
enrollment-requirement-terms-accepted = The CSBA terms accepted
enrollment-requirement-invitation = An invitation from Amazon
enrollment-activation-estimate = CSBA should start about { $hours } hours after enrolling. Amazon only says “a few hours”, so this is an estimate.

## Fees
fees-summary = { $marketplace }: { $cpu } % contacts per unit, tier { $tier }. Fee: { $fee } per unit × { $units } units = { $total }.
fees-summary-unreliable = { $marketplace }: { $units } units are too few for a reliable contacts-per-unit figure ({ $cpu } %), so the flat fee applies: { $fee } per unit × { $units } units = { $total }.
fees-in-trial = This date is inside the free trial: no fee is charged.
fees-amount-usd = ${ $amount }
fees-amount-jpy = ¥{ $amount }
fees-error-date = “{ $value }” is not a date. Use { "YYYY-MM-DD" }.
fees-error-fee-overflow = These figures are too large to compute a fee.
