# Tracking IDs and bulk shipping-confirmation uploads (`csba tracking`, the upload screen).
tracking-unknown-carrier = “{ $carrier }” is not a carrier code. Use one of: { $known }.
tracking-check-valid = { $input }: valid — { $carrier } ({ $normalized })
tracking-check-ambiguous = { $input }: valid ({ $normalized }), but several carriers use this format: { $candidates }. Recorded as { $carrier }; give { "--carrier" } to choose.
tracking-check-invalid = { $input }: not valid — { $reason }
tracking-rejection-empty = the tracking ID is empty.
tracking-rejection-invalid_characters = it contains characters that cannot be part of a tracking ID (only letters and digits can).
tracking-rejection-unknown_format = no known carrier uses numbers of this form.
tracking-rejection-check_digit_mismatch = the check digit does not match: a digit was probably mistyped.
tracking-rejection-carrier_mismatch = this number does not belong to the chosen carrier.
tracking-rejection-unknown_carrier = the chosen carrier is not one CSBA Desk knows.
tracking-rejection-zero_serial = the serial number is all zeros (00000000): its check digit matches only for that reason, and no post issues it. Copy the number from the label again.
tracking-rejection-unknown_country = the last two letters are not a country code (ISO 3166-1), so this is not an international postal number; United Kingdom numbers end in GB, not UK.
tracking-routing-stripped = The USPS routing prefix 420 + ZIP { $zip } was removed; the tracking number is { $normalized }.
tracking-format-upu-s10 = international postal number ({ "UPU S10" })
tracking-format-ups-1z = UPS ({ "1Z" })
tracking-format-fedex-12 = FedEx Express (12 digits)
tracking-format-fedex-15 = FedEx Ground (15 digits)
tracking-format-usps-impb = USPS Intelligent Mail package barcode ({ "IMpb" })
tracking-format-dhl-express = DHL Express
tracking-format-japan-domestic-12 = Japanese domestic parcel number (12 digits)
tracking-format-yunexpress = { "YunExpress" }
tracking-format-4px = { "4PX" }
tracking-format-cainiao = { "Cainiao" }
tracking-format-sf-express = { "SF Express" }
tracking-format-fedex-ground-96 = FedEx Ground barcode (22 digits, starting 96)
tracking-format-fedex-34 = FedEx Express label barcode (34 digits)
tracking-format-fedex-ground-gsn = FedEx Ground label barcode (34 digits, starting 96)
tracking-format-fedex-astra-32 = FedEx { "ASTRA" } barcode (32 digits)
tracking-format-sscc-18 = shipping container code ({ "SSCC-18" })
tracking-format-usps-20 = USPS 20-digit number
tracking-format-usps-legacy = USPS Delivery or Signature Confirmation number
tracking-format-amazon-logistics = Amazon Logistics ({ "TBA" }, no check digit)
tracking-format-dhl-ecommerce = { "DHL eCommerce" } (no check digit)
tracking-format-dhl-ecommerce-14 = { "DHL eCommerce" } (14 digits, no check digit)
import-unreadable = Cannot read { $path }: the file does not exist or cannot be opened.
import-ok = { $rows ->
    [one] 1 row checked: it is valid
   *[other] { $rows } rows checked: all valid
} ({ $format }, { $encoding }).
import-rejected = Nothing was imported: { $problems ->
    [one] 1 problem
   *[other] { $problems } problems
} in { $rows ->
    [one] 1 row
   *[other] { $rows } rows
} ({ $valid } valid). Correct the file and upload it again.
import-problem-file = The file: { $reason }
import-problem-row = Line { $line }: { $reason }
import-problem-cell = Line { $line }, column “{ $column }”: { $reason }
import-problem-empty_file = the file is empty.
import-problem-file_too_large = the file is too large (at most 50 MB and 1,000,000 rows). Split it into several files.
import-problem-encoding_undetected = the text encoding could not be recognized. Save the file as UTF-8 and try again.
import-problem-unknown_format = this is not a shipping-confirmation file: no header row with an order ID and a tracking ID column was found.
import-problem-missing_column = this required column is missing.
import-problem-invalid_order_id = not an Amazon order ID (three groups of 3, 7 and 7 digits, such as 503-1234567-1234567).
import-problem-invalid_order_item_id = an order item ID consists of digits only.
import-problem-invalid_tracking_id = invalid tracking ID: { $reason }
import-problem-invalid_date = not a valid date (use YYYY-MM-DD).
import-problem-invalid_quantity = the quantity must be a whole number from 1 to 9999.
import-problem-duplicate_row = this row repeats an earlier row.
import-problem-duplicate_order_item = this order item already has another tracking ID earlier in the file.
import-problem-unknown_order = there is no such order in this account.
import-problem-cancelled_order = this order was cancelled; do not ship it.
import-problem-pending_order = this order is still pending (payment not yet confirmed) and cannot be shipped yet.
import-problem-already_shipped = this order has already been confirmed as shipped.
import-problem-tracking_reused_across_orders = this tracking ID is already used for another order.
