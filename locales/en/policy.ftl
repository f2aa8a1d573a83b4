# Return policies (`csba policy check`) and feedback removal.

## The command

policy-unknown-marketplace = “{ $value }” is not a marketplace. Use { "JP" } or { "US" }.
policy-bad-date = “{ $value }” is not a date. Write it as { "YYYY-MM-DD" }.
policy-file-unreadable = The policy file { $path } cannot be read. Check the path and that you may open it.
policy-json-syntax = { $path }, line { $line }, column { $column }: this is not valid JSON.
policy-json-unknown-field = { $path }, line { $line }, column { $column }: there is no field called “{ $name }” in a return policy.
policy-json-missing-field = { $path }, line { $line }, column { $column }: the required field “{ $name }” is missing.
policy-json-unknown-value = { $path }, line { $line }, column { $column }: “{ $name }” is not one of the allowed values.
policy-json-invalid-country = { $path }, line { $line }, column { $column }: “{ $name }” is not a two-letter country code such as { "JP" } or { "US" }.
policy-json-invalid = { $path }, line { $line }, column { $column }: { $detail }
policy-compliant = This return policy meets every { $marketplace } rule.
policy-not-compliant =
    { $count ->
        [one] This return policy breaks { $count } { $marketplace } rule:
       *[other] This return policy breaks { $count } { $marketplace } rules:
    }
policy-rule-line = Rule { $rule }: { $text }

## Violations

policy-violation-return-window-too-short = The return window is too short: buyers must be able to ask for a return for at least { $limit } days after delivery.
policy-violation-return-address-missing = The policy asks buyers to send items back but gives no return address.
policy-violation-return-address-incomplete = The return address has no address lines.
policy-violation-return-address-outside-marketplace = The return address is outside the marketplace’s country, so buyers cannot be asked to send items back to it.
policy-violation-returnless-threshold-missing = Returnless refunds below a threshold are chosen, but no threshold amount is given.
policy-violation-refund-too-slow = Refunds must be issued within { $limit } business days after the return arrives.
policy-violation-seller-must-pay-return-shipping = Return shipping for “{ $reason }” must be paid by the seller, not the buyer.
policy-violation-free-returns-required = { $category }: returns must be free for the buyer, whatever the reason.
policy-violation-category-must-be-returnable = { $category }: returns must be accepted for this category.
policy-violation-category-must-be-non-returnable = { $category }: this category is not returnable on Amazon; mark it non-returnable.
policy-violation-category-excluded-from-csba = { $category }: this category is not covered by CSBA in this marketplace.
policy-violation-restocking-fee-on-compliant-return = A restocking fee may not be charged on an item returned on time and in its original condition.
policy-violation-restocking-fee-too-high = The restocking fee may be at most { $limit } % of the item price.

## Rules

policy-rule-policy-returnless-threshold = A policy with returnless refunds below a threshold must state the threshold.
policy-rule-jp-return-window = Amazon.co.jp accepts returns for at least 30 days after delivery; a seller’s policy may not be stricter.
policy-rule-jp-return-address-domestic = To ask buyers to send items back, the return address must be in Japan; otherwise the refund is returnless.
policy-rule-jp-returns-accepted = Returns that meet the policy must be accepted and refunded in full; only food, drinks and hazardous goods are not returnable.
policy-rule-jp-refund-within-business-days = Refund within 2 business days after the return arrives, or Amazon refunds the buyer on the seller’s behalf.
policy-rule-jp-seller-paid-reasons = For 15 return reasons (defects, damage, wrong or incomplete items, late delivery and the like) the seller pays return shipping; the buyer may pay only for the other 7.
policy-rule-jp-free-returns-apparel-bags-shoes = Apparel, bags and shoes always ship back free, whatever reason the buyer gives.
policy-rule-jp-non-returnable-categories = Food, drinks and hazardous or potentially hazardous goods are never returnable.
policy-rule-jp-excluded-categories = Drugs and medical devices are not covered by CSBA on Amazon.co.jp.
policy-rule-jp-full-refund-for-compliant-returns = An item returned within the policy gets a full refund; a fee is possible only for late, used or damaged returns.
policy-rule-us-return-window = Amazon.com accepts most returns for 30 days after delivery; a seller’s policy must be at least as favourable.
policy-rule-us-return-address-domestic-or-prepaid = A seller abroad needs a return address in the United States, a prepaid return label, or a returnless refund.
policy-rule-us-returns-accepted = Returns within Amazon’s policy must be accepted; a seller’s policy must be at least as favourable as Amazon’s.
policy-rule-us-refund-within-business-days = Refund within 2 business days of receiving the return.
policy-rule-us-seller-paid-reasons = When the return is the seller’s fault (defective, damaged, wrong item, not as described, late, incomplete) the seller pays return shipping.
policy-rule-us-free-returns-fashion = Apparel, bags and shoes ship back free, whatever the reason.
policy-rule-us-non-returnable-categories = Groceries and hazardous goods are not returnable on Amazon.com; accepting their return anyway is allowed.
policy-rule-us-excluded-categories = No product category is excluded from CSBA on Amazon.com.
policy-rule-us-restocking-fee-limits = A restocking fee is allowed only on late, used or damaged returns, and at most 50 % of the item price.

## Return reasons (the 15 at the seller’s cost, then the 7 that may be the buyer’s)

return-reason-performance-or-quality-not-adequate = Performance or quality not adequate
return-reason-not-compatible-with-intended-use = Not suitable or not usable for the intended purpose
return-reason-damaged-due-to-inadequate-packaging = Damaged because of inadequate packaging
return-reason-missed-estimated-delivery = Missed the estimated delivery date
return-reason-missing-parts-or-accessories = Missing parts or accessories
return-reason-damaged-in-shipping = Damaged in shipping
return-reason-wrong-item-sent = Wrong item sent
return-reason-defective = Defective or does not work properly
return-reason-received-extra-or-different-item = Received an item other than the one ordered
return-reason-unauthorized-purchase = Does not remember ordering it
return-reason-inaccurate-website-description = Inaccurate description on the website
return-reason-battery-dead = Battery dead or not working properly
return-reason-missing-documents-or-manual-or-warranty = Missing documents, manual or warranty card
return-reason-missing-certificate-of-authenticity = Missing quality certificate or certificate of authenticity
return-reason-no-shine-discolored-or-unacceptable-condition = No shine, discoloured or in unacceptable condition
return-reason-accidental-order = Ordered by mistake
return-reason-better-price-found = Found the same item cheaper than on Amazon
return-reason-no-longer-needed = No longer needed or wanted
return-reason-incompatible-with-existing-system = Parts not compatible with the existing system
return-reason-installation-cost-higher-than-expected = Installation cost more than expected
return-reason-size-too-small = Wrong size: too small or too short
return-reason-size-too-large = Wrong size: too large or too long

## Product categories

policy-category-apparel = Apparel
policy-category-bags = Bags
policy-category-shoes = Shoes
policy-category-food = Food
policy-category-beverages = Drinks
policy-category-hazmat = Hazardous goods
policy-category-drugs = Drugs
policy-category-medical-devices = Medical devices
policy-category-electronics = Electronics
policy-category-home = Home and kitchen
policy-category-toys = Toys
policy-category-beauty = Beauty
policy-category-books = Books
policy-category-other = Other

## Feedback

feedback-sentiment-negative = Negative
feedback-sentiment-neutral = Neutral
feedback-sentiment-positive = Positive
feedback-ground-caused-by-csba = Caused by CSBA’s customer service
feedback-ground-obscene-language = Obscene or abusive language
feedback-ground-sellers-personal-information = Contains the seller’s personal information
feedback-ground-entirely-product-review = Entirely a product review
feedback-ground-amazon-fulfilled-delivery-complaint = Delivery complaint on an order Amazon fulfilled
feedback-possible-ground = May qualify for removal: { $ground }. Check the comment before you send the request.
feedback-recipient-csba-team = The CSBA team, by e-mail
feedback-recipient-feedback-manager = Feedback removal in Seller Central
feedback-error-out-of-time = Removal can be requested only within 90 days after the feedback was left.
feedback-error-not-negative = Only negative feedback (1 or 2 stars) can be sent to the CSBA team for removal.
feedback-error-not-handled-by-csba = CSBA did not handle this order, so the CSBA team cannot remove this feedback.
feedback-error-not-fulfilled-by-amazon = This order was not fulfilled by Amazon, so a delivery complaint is not a removal ground here.
feedback-error-seller-name-missing = Enter your seller name: the CSBA team needs it in the subject line.
feedback-error-order-id-missing = Enter the order ID.
feedback-error-explanation-missing = Explain in a sentence or two why this feedback should be removed.
feedback-error-question-missing = Write your question about the order.
feedback-error-feedback-window-unreadable = The feedback-removal window could not be read. Please update CSBA Desk.
