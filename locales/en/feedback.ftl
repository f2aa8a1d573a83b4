# The feedback screen (ui/src/feedback). Ground, sentiment and recipient names are in policy.ftl.

feedback-heading = Feedback
feedback-subheading = Negative feedback first, then the newest. Negative feedback can be sent for removal within 90 days, on the grounds its words suggest.
feedback-list-heading = Buyer feedback
feedback-count =
    { $count ->
        [one] { $count } feedback
       *[other] { $count } feedback
    }
feedback-empty = No feedback for this store or marketplace yet.
feedback-stars =
    { $stars ->
        [one] { $stars } star out of 5
       *[other] { $stars } stars out of 5
    }
feedback-window-days-left =
    { $days ->
        [one] Removal possible for { $days } more day
       *[other] Removal possible for { $days } more days
    }
feedback-window-closes-in = Removal window closes in { $time }
feedback-window-closed = Removal window closed
feedback-request-removal = Request removal
feedback-request-queued = Removal request queued
feedback-request-failed = Removal request refused: { $problem }
feedback-status-submitted = Submitted, waiting for a decision
feedback-status-removed = Removed
feedback-status-declined = Declined
feedback-decided = Decided { $date }
feedback-requests-heading = Removal requests
feedback-requests-empty = No removal request on file.
feedback-col-order = Order
feedback-col-ground = Ground
feedback-col-sent-to = Sent to
feedback-col-requested = Requested
feedback-col-status = Status
feedback-composer-heading = Request removal of the feedback on order { $order }
feedback-evidence = { $ground }: { $words }
feedback-ground-label = Ground for removal
feedback-ground-choose = Choose a ground
feedback-ground-suggested = Suggested by the comment
feedback-ground-others = Other grounds
feedback-explanation-label = Explanation
feedback-chars = { $chars } / { $max } characters
feedback-sent-to = Goes to:
feedback-subject = Subject:
feedback-submit = Send removal request
feedback-cancel = Cancel
