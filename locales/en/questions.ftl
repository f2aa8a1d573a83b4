# The questions screen (ui/src/questions): questions to the CSBA team about how it handled an order.

questions-heading = Questions to the CSBA team
questions-subheading = Ask the CSBA team how it handled an order. It answers within 48 hours; the answer shows here when it comes.
questions-ask-heading = Ask the CSBA team
questions-ask-hint = About one order: what CSBA told the buyer, why it refunded, why it did not escalate…
questions-ask-store = Store
questions-ask-order = Order ID
questions-ask-text = Your question
questions-chars = { $chars } / { $max } characters
questions-subject = Subject:
questions-ask-submit = Send question
questions-queued = Question queued in the Outbox.
questions-ask-from-order = Ask the CSBA team
questions-order-detail = Order { $order }
questions-order-close = Close
questions-list-heading = Your questions
questions-count =
    { $count ->
        [one] { $count } question
       *[other] { $count } questions
    }
questions-empty = No questions asked yet.
questions-status-awaiting-answer = Awaiting the answer
questions-status-answered = Answered
questions-status-queued = Not sent yet
questions-status-sent = Sent, waiting for confirmation
questions-refused = Refused: { $problem }
questions-answer-in = Answer due in { $time }
questions-answer-overdue = Answer late by { $time }
questions-answer-by = Answer by { $date }
questions-answered-at = Answered { $date }
questions-your-question = Your question
questions-answer = The CSBA team’s answer
questions-no-answer-yet = No answer yet.
questions-open-order = Open order { $order }
