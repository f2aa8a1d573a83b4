# The Orders & tracking screen: orders to ship, single entry, bulk upload.
orders-heading = Orders & tracking
orders-subheading = Confirm each shipment with a valid tracking ID before its ship-by date. Ship-by times are in the marketplace’s time zone.
orders-count =
    { $count ->
        [one] { $count } order
       *[other] { $count } orders
    }
orders-to-ship-heading = To ship
orders-to-ship-empty = Nothing to ship: every order has its tracking ID.
orders-ship-by = Ship by { $date }
orders-ship-by-none = No ship-by date
orders-quantity = Qty { $count }
orders-queued = Queued: { $number }
orders-queued-failed = Refused: { $number } (see the Outbox)
orders-enter-tracking = Enter tracking
orders-open-case = Open the case about this order
orders-pending-heading = Pending
orders-pending-note = Awaiting payment — do not ship
orders-pending-empty = No orders are awaiting payment.
orders-shipped-heading = Shipped
orders-shipped-empty = No shipments confirmed yet.
orders-col-order = Order
orders-col-item = Item
orders-col-tracking = Tracking ID
orders-col-carrier = Carrier
orders-col-ship-date = Ship date
orders-rate-heading = Valid tracking rate, last 30 days
orders-rate-target = target { $target } %
orders-rate-meets = Meets the target
orders-rate-below = Below the target
orders-rate-detail = { $valid } of { $shipped } valid
orders-rate-none = Nothing shipped in 30 days

# Single entry
orders-entry-heading = Tracking for order { $order }
orders-entry-number = Tracking ID
orders-entry-carrier = Carrier
orders-entry-carrier-choose = Choose the carrier
orders-entry-carrier-auto = Recognize from the number
orders-entry-ship-date = Ship date
orders-entry-submit = Confirm shipment
orders-entry-cancel = Cancel
orders-entry-checking = Checking…
orders-verdict-valid = Valid tracking ID
orders-verdict-invalid = Not valid: { $reason }
orders-verdict-normalized = Recorded as
orders-verdict-format = Format: { $format }
orders-verdict-carrier = Carrier: { $carrier }
orders-verdict-candidates = Several carriers use this format ({ $carriers }): choose one.
orders-check-digit-passed = Check digit: correct
orders-check-digit-failed = Check digit: does not match (a digit was probably mistyped)
orders-check-digit-none = This format has no check digit
orders-rejection-other = refused ({ $code }).
orders-problem-other = a problem this version does not describe ({ $code }).

# Bulk upload
orders-upload-heading = Bulk upload
orders-upload-intro = An Amazon shipping-confirmation flat file, a CSV or an Excel workbook. It is checked first; nothing is sent until you queue it.
orders-upload-store = Store
orders-upload-marketplace = Ship date of rows without one
orders-upload-marketplace-auto = Today in the order’s marketplace
orders-upload-carrier = Carrier of rows that name none
orders-upload-carrier-auto = Recognize from the number
orders-upload-choose = Choose a file…
orders-upload-drop = or drop it anywhere on this window (at most 50 MB)
orders-upload-drop-over = Drop the file to check it
orders-upload-several = { $count } files were dropped: checking only the first, { $name }.
orders-upload-checking = Checking { $name }…
orders-upload-kind = { $kind }, { $encoding }
orders-upload-kind-flat_file = Amazon flat file
orders-upload-kind-csv = CSV
orders-upload-kind-tsv = Tab-separated text
orders-upload-kind-xlsx = Excel workbook
orders-upload-counts = { $valid } of { $rows } rows ready
orders-upload-problems-heading =
    { $count ->
        [one] 1 problem to fix
       *[other] { $count } problems to fix
    }
orders-upload-col-line = Line
orders-upload-col-column = Column
orders-upload-col-problem = Problem
orders-upload-whole-file = File
orders-upload-ambiguous-heading =
    { $count ->
        [one] 1 row whose carrier is unclear
       *[other] { $count } rows whose carrier is unclear
    }
orders-upload-ambiguous-row = Line { $line }: { $number } (order { $order }) fits { $carriers }. It is recorded as the first unless you choose the carrier above and check the file again.
orders-upload-unchecked = The orders are not on this computer yet, so they could not be checked here; the service checks them.
orders-upload-queue =
    { $count ->
        [one] Queue 1 shipment
       *[other] Queue { $count } shipments
    }
orders-upload-fix-first = Fix every problem in the file and check it again to queue it.
orders-upload-progress = { $done } of { $batches } batches answered by the service…
orders-upload-done =
    { $count ->
        [one] Done: 1 shipment confirmed.
       *[other] Done: { $count } shipments confirmed.
    }
orders-upload-failed =
    { $count ->
        [one] 1 batch was refused: see the Outbox.
       *[other] { $count } batches were refused: see the Outbox.
    }
orders-upload-results-heading = What the service recorded
orders-upload-result-ambiguous = carrier guessed: correct it by single entry if wrong

# Templates and a sample
orders-templates-heading = Templates and a sample file
orders-template-flat = Save Amazon flat-file template
orders-template-csv = Save CSV template
orders-template-sample = Try a sample file with mistakes
orders-template-saved = Saved to
orders-template-check = Check it now

# Upload problems the app adds to the importer's (the UI words every problem as import-problem-<code>).
import-problem-ship_date_in_future = the ship date is in the future.
import-problem-ship_date_needs_marketplace = there is no ship date and the order’s marketplace is not known: give the date, or choose the marketplace above to use today’s date there.

# Carriers, by the code the backend lists.
carrier-china-post = China Post
carrier-japan-post = Japan Post (international)
carrier-upu-s10 = Postal service (UPU S10)
carrier-ups = UPS
carrier-fedex = FedEx
carrier-usps = USPS
carrier-dhl-express = DHL Express
carrier-yamato = Yamato Transport
carrier-sagawa = Sagawa Express
carrier-japan-post-domestic = Japan Post (Yu-Pack)
carrier-yunexpress = YunExpress
carrier-4px = 4PX
carrier-cainiao = Cainiao
carrier-sf-express = SF Express
carrier-amazon-logistics = Amazon Logistics
carrier-dhl-ecommerce = DHL eCommerce
