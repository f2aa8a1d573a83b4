# The return-policy screen (ui/src/returns). Violations, rules, reasons and categories are in policy.ftl.

returns-heading = Return policy
returns-subheading = Your return policy per store and marketplace, checked against the marketplace’s rules as you edit, and the refunds you owe.
returns-policy-heading = Policy
returns-policy-empty = No store sells on a marketplace with a return policy here yet.
returns-tab-violations =
    { $count ->
        [one] { $count } problem
       *[other] { $count } problems
    }
returns-refunds-heading = Refunds due
returns-refunds-empty = No returned item is waiting for its refund.
returns-received = Returned item arrived { $date }
returns-refund-by = Refund by { $date } { $time } { $zone }
returns-error-whole-number = Enter a whole number, such as 30.
returns-error-country = Enter the two-letter country code, such as JP or US.
returns-error-percent = Enter a whole percentage from 0 to 100.
returns-rule = Rule: { $rule }
returns-current-version = Version { $version }, submitted { $date }
returns-no-policy-yet = No policy submitted yet: start from the marketplace’s standard terms.
returns-checking = Checking…
returns-compliant = This policy meets every { $marketplace } rule.
returns-violations =
    { $count ->
        [one] { $count } problem to fix before this policy meets the { $marketplace } rules.
       *[other] { $count } problems to fix before this policy meets the { $marketplace } rules.
    }
returns-group-window = Return window and refund
returns-hint-window = At least { $days } days.
returns-hint-refund = At most { $days } business days after the return arrives.
returns-group-mode = How returns work
returns-mode-send-back = Buyers send the item back
returns-mode-returnless = Buyers keep the item (returnless refund)
returns-mode-returnless-below-threshold = Returnless up to an amount, sent back above it
returns-hint-country = Buyers can be asked to send items back only to an address in { $country }.
returns-hint-shipping = Who pays return shipping for each reason. “Marketplace default” follows the marketplace’s rules.
returns-seller-pays-by-rule = (the seller pays by rule)
returns-payer-default = Marketplace default
returns-payer-seller = The seller pays
returns-payer-buyer = The buyer pays
returns-category-not-sold = Not sold
returns-category-returnable = Returnable
returns-category-free = Returnable, free return shipping
returns-category-not-returnable = Not returnable
returns-restocking-percent = Restocking fee (% of the item price; empty for none)
returns-restocking-used-or-damaged = Only on used or damaged returns
returns-restocking-late = Only on late returns
returns-restocking-any-return = On every return
returns-pending = Submitted: waiting to be sent to Amazon.
returns-pending-failed = Amazon refused this policy: { $problem }
returns-queued = Queued in the Outbox.
returns-submit = Submit policy
returns-history-heading = Versions
returns-history-empty = No version submitted yet.
returns-version = Version { $version }
returns-version-line = Version { $version } · { $date }
returns-diff-from = Compare
returns-diff-to = with
returns-diff-none = These two versions are the same.
returns-diff-field = What
returns-diff-before = Before
returns-diff-after = After

## Field names

returns-field-return-window-days = Return window (days after delivery)
returns-field-returns = Returns
returns-field-returnless-threshold-minor = Returnless up to (in the smallest currency unit)
returns-field-return-address = Return address
returns-field-return-address-country = Country
returns-field-return-address-lines = Address
returns-field-prepaid-return-label = I send buyers a prepaid return label
returns-field-return-shipping = Return shipping
returns-field-categories = Product categories
returns-field-refund-within-business-days = Refund within (business days)
returns-field-restocking-fee = Restocking fee
returns-field-restocking-fee-when = When the fee applies
returns-field-return-shipping-for = Return shipping: { $reason }
returns-field-category-for = Category: { $category }
returns-field-restocking-fee-percent = Restocking fee (%)
returns-field-category-returnable-for = { $category }: returnable
returns-field-category-free-for = { $category }: free return shipping
returns-diff-not-set = (not set)
returns-yes = Yes
returns-no = No
